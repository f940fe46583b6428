"""`decisionaid key STEM`: make a key pair for signing packs (STEM.key, secret; STEM.pub, to share)."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from decisionaid.cli.options import add_shared_options, language_help, messages
from decisionaid.core.catalogue import load_catalogue
from decisionaid.sanitize import display_path


def add_parser(commands: argparse._SubParsersAction) -> None:
    words = load_catalogue()
    parser = commands.add_parser("key", help=words("release.key_help"), description=words("release.key_about"))
    parser.add_argument("stem", metavar="STEM", type=Path, help=words("release.stem_help"))
    parser.add_argument("--no-password", action="store_true", help=words("release.no_password_help"))
    add_shared_options(parser, {"language": language_help(words)})
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from decisionaid.content.signing import make_key_pair
    from decisionaid.storage.paths import trusted_keys_dir

    words = messages(args)
    stem: Path = args.stem
    for path in (stem.with_suffix(".key"), stem.with_suffix(".pub")):
        if path.exists():
            print(f"{display_path(path)}: {words('release.key_exists')}", file=sys.stderr)
            return 2
    password = None
    if not args.no_password:
        password = getpass.getpass(words("release.new_password"))
        if not password or password != getpass.getpass(words("release.password_again")):
            print(words("release.passwords_differ"), file=sys.stderr)
            return 2
    try:
        secret, public = make_key_pair(stem, password)
    except OSError as exc:
        print(f"{display_path(stem)}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(
        words(
            "release.key_made",
            secret=display_path(secret),
            public=display_path(public),
            folder=display_path(trusted_keys_dir()),
        )
    )
    return 0
