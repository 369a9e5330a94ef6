"""Keys of the local store: one passphrase, a key file with the salt, two derived keys.

The passphrase is stretched with scrypt; the result never touches the disk. From it come
the SQLCipher raw key and the key that seals photo files (AES-256-GCM). The key file holds
the salt, the scrypt cost and a check value, so a wrong passphrase is told apart from a
damaged database without touching the database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from pathlib import Path

from inspector_app.core.domain.errors import UserError
from inspector_app.desktop.storage.files import TMP_SUFFIX, sync_folder

KEY_NAME = "store.key"  # the key file of a store folder
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
NONCE_SIZE = 12


@dataclass(frozen=True)
class StoreKeys:
    database: bytes  # 32 bytes, SQLCipher raw key
    photos: bytes  # 32 bytes, AES-GCM key

    def sqlcipher_pragma(self) -> str:
        return f"PRAGMA key = \"x'{self.database.hex()}'\""


def _subkey(master: bytes, label: str) -> bytes:
    return hmac.new(master, label.encode(), hashlib.sha256).digest()


def _stretch(passphrase: str, salt: bytes, n: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P, maxmem=256 * 1024 * 1024, dklen=32
    )


def create_key_file(path: Path, passphrase: str, n: int = SCRYPT_N) -> StoreKeys:
    salt = os.urandom(16)
    master = _stretch(passphrase, salt, n)
    record = {
        "kdf": "scrypt",
        "n": n,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": salt.hex(),
        "check": _subkey(master, "check").hex(),
    }
    write_atomically(path, json.dumps(record).encode())
    return _keys(master)


def unlock(path: Path, passphrase: str) -> StoreKeys:
    try:
        record = json.loads(path.read_bytes())
        salt, n, check = bytes.fromhex(record["salt"]), int(record["n"]), record["check"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise UserError("store.key_file_damaged", path=str(path)) from error
    master = _stretch(passphrase, salt, n)
    if not hmac.compare_digest(_subkey(master, "check").hex(), check):
        raise UserError("store.wrong_passphrase")
    return _keys(master)


def _keys(master: bytes) -> StoreKeys:
    return StoreKeys(database=_subkey(master, "database"), photos=_subkey(master, "photos"))


def seal(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # only photos need it

    nonce = os.urandom(NONCE_SIZE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated)


def open_sealed(key: bytes, sealed: bytes, associated: bytes) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key).decrypt(sealed[:NONCE_SIZE], sealed[NONCE_SIZE:], associated)


def write_atomically(path: Path, data: bytes) -> None:
    """Write, flush to disk, then rename: a reader sees the old file or the new, never half."""
    tmp = path.with_name(path.name + TMP_SUFFIX)
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    sync_folder(path.parent)
