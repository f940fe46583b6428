"""`decisionaid schema [FILE]`: the JSON Schema of the content files, for editors."""

from __future__ import annotations

import argparse
import json
import sys

from decisionaid.cli.options import add_shared_options, language_help, messages
from decisionaid.core.catalogue import load_catalogue


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("schema", help=words("cli.schema_help"), description=words("cli.schema_about"))
    parser.add_argument("file", nargs="?", metavar="FILE", help=words("cli.schema_file_help"))
    add_shared_options(parser, {"language": language_help(words)})
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from decisionaid.content import PACK_FIELDS, PACK_FILES
    from decisionaid.content.models import Pack
    from decisionaid.content.problems import did_you_mean

    if args.file is None:
        schema = Pack.model_json_schema()
    elif args.file in PACK_FILES.values():
        name = next(name for name, file in PACK_FILES.items() if file == args.file)
        schema = Pack.model_fields[PACK_FIELDS[name]].annotation.model_json_schema()
    else:
        files = ", ".join(PACK_FILES.values())
        words = messages(args)
        problem = words("cli.schema_unknown_file", file=args.file)
        close = did_you_mean(args.file, PACK_FILES.values())
        if close:
            problem = words("pack_problem.did_you_mean", reason=problem, suggestion=close)
        print(words("cli.schema_unknown", problem=problem, files=files), file=sys.stderr)
        return 2
    json.dump(schema, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
