"""`decisionaid schema [FILE]`: the JSON Schema of the content files, for editors."""

from __future__ import annotations

import argparse
import json
import sys

from decisionaid.content import PACK_FILES
from decisionaid.content.models import Pack


def add_parser(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of the content format",
        description="Print the JSON Schema of a content pack, for completion and checks in an editor. "
        "With FILE (such as cards.toml), print the schema of that one file.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", choices=sorted(PACK_FILES.values()), help="one pack file")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.file:
        field = next(name for name, file in PACK_FILES.items() if file == args.file)
        schema = Pack.model_fields[field].annotation.model_json_schema()
    else:
        schema = Pack.model_json_schema()
    json.dump(schema, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
