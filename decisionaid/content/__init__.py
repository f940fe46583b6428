"""Content packs: models, loading and checks. Never imports Textual.

The Pydantic models and the loader are imported on first use, so a compiled pack is read without them. Either
way the pack is plain records (`content.records`); `Pack` names the models, which describe its fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from decisionaid.content.problems import ContentError, Problem

if TYPE_CHECKING:
    from decisionaid.content.loader import PACK_FIELDS, PACK_FILES, load_pack
    from decisionaid.content.models import Pack

__all__ = ["PACK_FIELDS", "PACK_FILES", "ContentError", "Pack", "Problem", "load_pack"]

_LAZY = {"PACK_FIELDS": "loader", "PACK_FILES": "loader", "load_pack": "loader", "Pack": "models"}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
