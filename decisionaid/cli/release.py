"""`decisionaid release PACK`: write the pack's manifest (and sign it with `--sign KEY`)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from decisionaid.cli.options import add_shared_options, language_help, messages
from decisionaid.cli.packs import PackNotFound, resolve_pack_dir
from decisionaid.core.catalogue import Catalogue, load_catalogue
from decisionaid.sanitize import display_path

STATUSES = ("active", "draft", "retired")


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("release", help=words("release.cli_help"), description=words("release.cli_about"))
    parser.add_argument("pack_dir", metavar="PACK_DIR", help=words("cli.pack_dir_help"))
    parser.add_argument("--status", choices=STATUSES, default="active", help=words("release.status_help"))
    parser.add_argument("--sign", metavar="KEY", type=Path, help=words("release.sign_help"))
    add_shared_options(parser, {"language": language_help(words)})
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import tomli_w

    from decisionaid.content import ContentError, load_pack
    from decisionaid.content.release import manifest_data, uncovered_changes
    from decisionaid.content.signing import MANIFEST, SIGNATURE, SignatureProblem, sign
    from decisionaid.storage.files import atomic_write

    words = messages(args)
    try:
        folder = resolve_pack_dir(args.pack_dir, words)
        pack = load_pack(folder, check_release=False)
    except PackNotFound as exc:
        print(f"decisionaid: {exc}", file=sys.stderr)
        return 2
    except ContentError as exc:
        for line in exc.lines(words):
            print(line, file=sys.stderr)
        print(words("cli.problems_in", folder=display_path(folder), count=len(exc.problems)), file=sys.stderr)
        return 2
    if uncovered := uncovered_changes(pack):
        for line in change_lines(folder, uncovered, words):
            print(line, file=sys.stderr)
        return 2
    data = manifest_data(pack, folder, status=args.status, today=date.today())
    atomic_write(folder / MANIFEST, tomli_w.dumps(data))
    signature = folder / SIGNATURE
    if args.sign is None:
        if os.path.lexists(signature):
            signature.unlink()
            print(words("release.old_signature_removed", path=display_path(signature)), file=sys.stderr)
        signed = words("release.not_signed")
    else:
        try:
            sign(folder, args.sign, lambda: getpass.getpass(words("release.password")))
        except SignatureProblem as exc:
            print(f"{display_path(args.sign)}: {words(f'release.{exc.code}')}", file=sys.stderr)
            return 2
        signed = words("release.signed_now", key=display_path(args.sign))
    print(
        words(
            "release.done",
            folder=display_path(folder),
            version=pack.meta.version,
            status=args.status,
            files=len(data["files"]),
            items=len(data["items"]),
            signed=signed,
        )
    )
    return 0


def change_lines(folder: Path, found: list[tuple[str, str, dict[str, str]]], words: Catalogue) -> list[str]:
    """'changes.toml: key: reason' for each change the change list does not cover."""
    path = display_path(folder / "changes.toml")
    return [
        f"{path}: {key}: {words(code, **values)}" if key else f"{path}: {words(code, **values)}"
        for key, code, values in found
    ]
