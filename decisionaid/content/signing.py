"""Signatures on a pack's manifest in minisign's format (Ed25519), made and checked with py-minisign.

`manifest.toml.minisig` beside `manifest.toml` is a detached minisign signature of the manifest's bytes. It
counts only when it verifies with a public key the person trusts: a `*.pub` file (minisign's public key format)
in the trusted-keys folder, named by its file name. Reading which key signed needs no cryptography; checking
the signature does, and is done only when a pack is checked in full.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from decisionaid.storage.files import atomic_write, read_file_bytes
from decisionaid.storage.paths import FolderRefused, only_mine, trusted_keys_dir

MANIFEST = "manifest.toml"
SIGNATURE = "manifest.toml.minisig"
KEY_LIMIT = 4096


class SignatureProblem(Exception):
    """A signature that does not count: `code` names why, for the catalogue (`release.<code>`)."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(code)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class TrustedKey:
    name: str
    key_id: bytes
    text: bytes  # the public key file's bytes


def trusted_keys() -> dict[bytes, TrustedKey]:
    """The public keys in the trusted-keys folder by key id: only files this user owns and no one else may change,
    in a folder the same holds for (anyone else could plant a key)."""
    try:
        folder = trusted_keys_dir()
    except FolderRefused:
        return {}
    if not only_mine(folder):
        return {}
    found = {}
    for path in sorted(folder.glob("*.pub")):
        if not only_mine(path):
            continue
        try:
            text = read_file_bytes(path, KEY_LIMIT, follow_symlinks=False)
            key_id = _key_id(text.splitlines()[1], 42)
        except (OSError, IndexError, ValueError):
            continue
        found.setdefault(key_id, TrustedKey(path.stem, key_id, text))
    return found


def signed_with(folder: Path) -> bytes | None:
    """The key id of the pack's manifest signature, or None when it has none; SignatureProblem if unreadable."""
    path = Path(folder) / SIGNATURE
    if not os.path.lexists(path):
        return None
    try:
        lines = read_file_bytes(path, KEY_LIMIT).splitlines()
        return _key_id(lines[1], 74)
    except (OSError, IndexError, ValueError):
        raise SignatureProblem("signature_unreadable") from None


def signer_name(folder: Path) -> str:
    """The trusted key's name the manifest is signed with, or '' (no signature, or a key not trusted)."""
    try:
        key_id = signed_with(folder)
    except SignatureProblem:
        return ""
    key = trusted_keys().get(key_id) if key_id else None
    return key.name if key else ""


def verify(folder: Path) -> str:
    """Check the manifest's signature: the trusted key's name when it verifies, '' when there is none;
    SignatureProblem when it does not verify or its key is not trusted."""
    key_id = signed_with(folder)
    if key_id is None:
        return ""
    key = trusted_keys().get(key_id)
    if key is None:
        raise SignatureProblem("signature_key_untrusted", key=key_id.hex().upper())
    import minisign

    try:
        signature = minisign.Signature.from_bytes(read_file_bytes(Path(folder) / SIGNATURE, KEY_LIMIT))
        minisign.PublicKey.from_bytes(key.text).verify(read_file_bytes(Path(folder) / MANIFEST, 1 << 24), signature)
    except minisign.Error:
        raise SignatureProblem("signature_bad", key=key.name) from None
    return key.name


def sign(folder: Path, secret_key: Path, ask_password: Callable[[], str]) -> None:
    """Write `manifest.toml.minisig` for the pack's manifest with the secret key in `secret_key` (its password
    asked for only when it has one). SignatureProblem when the key cannot be read or the password is wrong."""
    import minisign

    try:
        key = minisign.SecretKey.from_bytes(read_file_bytes(secret_key, KEY_LIMIT))
        if key.is_encrypted():
            key.decrypt(ask_password())
    except (OSError, minisign.Error):
        raise SignatureProblem("secret_key_unusable") from None
    with key:
        signature = key.sign(read_file_bytes(Path(folder) / MANIFEST, 1 << 24), trusted_comment="decisionaid pack")
    atomic_write(Path(folder) / SIGNATURE, bytes(signature).decode() + "\n")


def make_key_pair(stem: Path, password: str | None) -> tuple[Path, Path]:
    """Write a new key pair: `STEM.key` (secret, 0600, encrypted with `password` unless None) and `STEM.pub`."""
    import minisign

    pair = minisign.KeyPair.generate()
    secret_path, public_path = stem.with_suffix(".key"), stem.with_suffix(".pub")
    with pair.secret_key as secret:
        if password is not None:
            secret.encrypt(password)
        fd = os.open(secret_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with open(fd, "wb") as file:
            file.write(bytes(secret) + b"\n")
    atomic_write(public_path, bytes(pair.public_key).decode() + "\n", replace=False)
    return secret_path, public_path


def _key_id(line: bytes, length: int) -> bytes:
    """The 8-byte key id in a base64 line of a minisign key or signature (after its 2-byte algorithm)."""
    import base64  # here, not at the top: opening an unsigned pack, as most starts do, reads no key
    import binascii

    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except binascii.Error:
        raise ValueError("not base64") from None
    if len(raw) != length:
        raise ValueError("wrong length")
    return raw[2:10]
