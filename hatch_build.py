"""Wheel build step: compile each shipped pack that validates, so an installed aid opens it without Pydantic,
and each catalogue of interface sentences, so that it reads them without parsing TOML.

The compiled files go to decisionaid/_compiled/, named by pack and key as `cache.packs` looks them up (the
catalogues in catalogues/, as `cache.catalogues` does). A pack that does not validate is left out (the
installed aid then checks it in full at start and reports it).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompilePacks(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from decisionaid.cache.catalogues import compile_catalogue
            from decisionaid.content import ContentError
            from decisionaid.content.compiled import CompileError, compile_pack, pack_key
            from decisionaid.content.loader import validate_pack
            from decisionaid.core.catalogue import LOCALES, load_catalogue
        finally:
            sys.path.remove(str(root))
        out = Path(tempfile.mkdtemp(prefix="decisionaid-compiled-"))
        for folder in sorted(p.parent for p in (root / "content").glob("*/pack.toml")):
            try:
                pack = validate_pack(folder)
                key = pack_key(folder)
                text = compile_pack(pack, key)
            except (ContentError, CompileError) as exc:
                why = "; ".join(exc.lines(load_catalogue())) if isinstance(exc, ContentError) else exc
                self.app.display_warning(f"{folder.name}: not compiled, it will be checked at start: {why}")
                continue
            name = f"{pack.meta.id}.{key}.json"
            (out / name).write_text(text, encoding="utf-8")
            build_data["force_include"][str(out / name)] = f"decisionaid/_compiled/{name}"
        for path in sorted(LOCALES.glob("*.toml")):
            key, text = compile_catalogue(path.read_bytes())
            name = f"{path.stem}.{key}.json"
            (out / name).write_text(text, encoding="utf-8")
            build_data["force_include"][str(out / name)] = f"decisionaid/_compiled/catalogues/{name}"
