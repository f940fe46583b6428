"""Releases as a clinic meets them: the shipped pack, released and signed with a throwaway key trusted through the
test's own trusted-keys folder, and every way a copy of it can differ, each refused in one line naming the file."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from decisionaid.content import load_pack
from decisionaid.content.signing import make_key_pair
from decisionaid.core.admission import Trust, refusal
from decisionaid.core.catalogue import load_catalogue
from tests.helpers import KETAMINE, run_in_process

LINE = re.compile(r"^\S+: .+$")  # 'file: reason', or 'file: key: reason'


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    """Two throwaway secret keys; only the first one's public key is trusted."""
    trusted = tmp_path / "data" / "trusted-keys"
    trusted.mkdir(parents=True)
    first, first_public = make_key_pair(tmp_path / "clinic", None)
    other, _ = make_key_pair(tmp_path / "other", None)
    shutil.copy(first_public, trusted / "clinic.pub")
    return first, other


def released(tmp_path: Path, name: str, *options: str) -> Path:
    """A copy of the shipped pack, released again with `options` (such as --sign KEY or --status retired)."""
    folder = tmp_path / name
    shutil.copytree(KETAMINE, folder)
    result = run_in_process("release", str(folder), *options)
    assert result.returncode == 0, result.stderr
    return folder


def opened(folder: Path, *options: str):
    return run_in_process("--plain", "--pack", str(folder), *options, input="q\n")


def refused(folder: Path, *options: str) -> list[str]:
    """The lines a refused start printed: each names a file of `folder` and says why."""
    result = opened(folder, *options)
    assert result.returncode == 2, result.stdout
    lines = result.stderr.splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    return lines


def named(lines: list[str], file: Path, reason: str) -> bool:
    return any(line.startswith(f"{file}: ") and reason in line for line in lines)


@pytest.fixture
def signed(tmp_path: Path, keys: tuple[Path, Path]) -> Path:
    folder = released(tmp_path, "signed", "--sign", str(keys[0]))
    result = opened(folder, "--require-signed")
    assert result.returncode == 0, result.stderr  # the valid pack opens, signed with a trusted key
    assert "signed: clinic." in result.stdout
    return folder


FILES = sorted(p.name for p in KETAMINE.iterdir() if not p.name.startswith("manifest"))


@pytest.mark.parametrize("name", FILES)
def test_one_byte_changed_in_any_file_is_refused(signed: Path, name: str):
    path = signed / name
    data = bytearray(path.read_bytes())
    at = data.index(b"e", len(data) // 2)
    data[at] = ord("a")
    path.write_bytes(bytes(data))
    assert named(refused(signed), path, "changed since the release")


def test_a_file_added_a_file_removed_and_two_swapped_are_refused(signed: Path):
    (signed / "notes.txt").write_text("hello\n")
    assert named(refused(signed), signed / "notes.txt", "added after the release")
    (signed / "notes.txt").unlink()
    (signed / "figures.toml").rename(signed / "kept-aside")
    lines = refused(signed)
    assert named(lines, signed / "figures.toml", "missing") and named(lines, signed / "kept-aside", "added")
    (signed / "kept-aside").rename(signed / "figures.toml")
    cards, sources = (signed / "cards.toml").read_bytes(), (signed / "sources.toml").read_bytes()
    (signed / "cards.toml").write_bytes(sources)
    (signed / "sources.toml").write_bytes(cards)
    lines = refused(signed)
    assert named(lines, signed / "cards.toml", "changed") and named(lines, signed / "sources.toml", "changed")


def test_a_manifest_edited_under_its_signature_is_refused(signed: Path):
    manifest = signed / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('status = "active"', 'status = "draft"'))
    assert named(refused(signed), signed / "manifest.toml.minisig", "does not match manifest.toml")


def test_a_signature_from_a_key_not_trusted_is_refused(tmp_path: Path, keys: tuple[Path, Path]):
    folder = released(tmp_path, "other", "--sign", str(keys[1]))
    assert named(refused(folder), folder / "manifest.toml.minisig", "not in your trusted keys")


def test_an_older_version_after_a_newer_one_is_refused_unless_allowed(tmp_path: Path):
    newer = released(tmp_path, "newer")
    assert opened(newer).returncode == 0
    older = tmp_path / "older"
    shutil.copytree(KETAMINE, older)
    pack_toml = older / "pack.toml"
    pack_toml.write_text(pack_toml.read_text().replace('version = "3.1.0"', 'version = "2.9.0"', 1))
    (older / "changes.toml").unlink()  # its entries name versions after 2.9.0
    assert run_in_process("release", str(older)).returncode == 0
    assert named(refused(older), older / "manifest.toml", "older than 3.1.0")
    assert opened(older, "--allow-older").returncode == 0
    pack = load_pack(older)  # a kiosk checks the installed pack alone
    assert refusal(pack, older, Trust(kiosk=True), load_catalogue()) is None
    assert refusal(pack, older, Trust(), load_catalogue()) is not None


def test_a_retired_pack_and_an_unsigned_one_under_require_signed_are_refused(tmp_path: Path):
    retired = released(tmp_path, "retired", "--status", "retired")
    assert named(refused(retired), retired / "manifest.toml", "retired")
    unsigned = released(tmp_path, "unsigned")
    assert named(refused(unsigned, "--require-signed"), unsigned / "manifest.toml.minisig", "not signed")
    result = run_in_process("serve", "--pack", str(unsigned), "--require-signed")
    assert result.returncode == 2 and named(
        result.stderr.splitlines(), unsigned / "manifest.toml.minisig", "not signed"
    )


def test_a_pack_without_a_manifest_is_a_draft_that_opens_and_says_so(tmp_path: Path):
    draft = tmp_path / "draft"
    shutil.copytree(KETAMINE, draft, ignore=shutil.ignore_patterns("manifest.toml*"))
    result = opened(draft)
    assert result.returncode == 0, result.stderr
    assert "This is a draft" in result.stdout and "Version 3.1.0, a draft." in result.stdout
    assert named(refused(draft, "--require-signed"), draft / "manifest.toml.minisig", "not signed")


def test_the_key_command_makes_a_private_secret_key_and_a_public_one(tmp_path: Path):
    result = run_in_process("key", str(tmp_path / "release"), "--no-password")
    assert result.returncode == 0, result.stderr
    assert os.stat(tmp_path / "release.key").st_mode & 0o077 == 0
    assert (tmp_path / "release.pub").read_text().startswith("untrusted comment: minisign public key")
    again = run_in_process("key", str(tmp_path / "release"), "--no-password")
    assert again.returncode == 2 and "already there" in again.stderr


def test_files_are_hashed_only_when_the_compiled_forms_key_changes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from decisionaid.cache.packs import open_pack
    from decisionaid.content import release

    folder = released(tmp_path, "pack")
    assert open_pack(folder).manifest.version == "3.1.0"  # checked in full, then kept compiled

    def hashed(_folder: Path) -> dict[str, str]:
        raise AssertionError("hashed again")

    monkeypatch.setattr(release, "file_hashes", hashed)
    assert open_pack(folder).manifest.status == "active"  # from the compiled form: no hashing
    (folder / "notes.md").write_text("a file that is not TOML changes the key too\n")
    with pytest.raises(AssertionError, match="hashed again"):
        open_pack(folder)


def test_releasing_the_same_version_again_keeps_its_release_day(tmp_path: Path):
    folder = released(tmp_path, "pack")
    manifest = folder / "manifest.toml"
    manifest.write_text(manifest.read_text().replace("released = ", "released = 2026-01-02\n# was ", 1))
    (folder / "notes.md").write_text("an edit after the release\n")
    assert run_in_process("release", str(folder)).returncode == 0
    assert "released = 2026-01-02\n" in manifest.read_text()
