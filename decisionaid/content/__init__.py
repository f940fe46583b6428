"""Content packs: models, loading and checks. Never imports Textual."""

from decisionaid.content.loader import PACK_FILES, load_pack
from decisionaid.content.models import Pack
from decisionaid.content.problems import ContentError, Problem

__all__ = ["PACK_FILES", "ContentError", "Pack", "Problem", "load_pack"]
