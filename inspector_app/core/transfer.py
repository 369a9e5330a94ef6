"""Bundles that carry records on a USB stick between a laptop and the server (no Qt, no SQL).

A bundle file is::

    MAGIC, u32 header length, header JSON            (in clear, authenticated)
    chunks: u32 length + AES-256-GCM ciphertext      (the plaintext stream below)

The header names the format version, the bundle, the server, the device, the kind
("export" from a laptop, "ack" from the server) and the sender's ephemeral X25519 key.
The key of the chunks comes from X25519 between that ephemeral key and the recipient's
key, through HKDF-SHA256. Each chunk's nonce holds its number and whether it is the last,
and the header is the associated data of every chunk: a changed byte, a reordered or a
missing chunk, a cut file or bytes after the last chunk are all refused.

The plaintext stream is the sender's Ed25519 signature over the header and the SHA-256 of
the manifest, the manifest (u64 length + JSON), then each blob the manifest lists, in its
order; every blob is checked against the SHA-256 the manifest gives it.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import struct
import tempfile
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from inspector_app.core.domain.errors import UserError, register_messages

MAGIC = b"FITRANS\x00"
FORMAT_VERSION = 1
CHUNK = 1024 * 1024  # plaintext bytes per encrypted chunk
MAX_HEADER = 64 * 1024
MAX_MANIFEST = 512 * 1024 * 1024
SUFFIX = ".fibundle"
KINDS = ("export", "ack")
_INFO = b"field-inspector transfer bundle v1"
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


# --- keys --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PublicKeys:
    """What one end tells the other: where to encrypt to and how to check signatures."""

    x25519: str  # base64 of the raw 32 bytes
    ed25519: str


@dataclass(frozen=True)
class KeyPair:
    """One end's private keys (raw 32 bytes each, base64 when stored)."""

    x25519: str
    ed25519: str

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(
            b64(X25519PrivateKey.generate().private_bytes_raw()),
            b64(Ed25519PrivateKey.generate().private_bytes_raw()),
        )

    def public(self) -> PublicKeys:
        return PublicKeys(
            b64(self._x().public_key().public_bytes(*_RAW)), b64(self._ed().public_key().public_bytes(*_RAW))
        )

    def _x(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(unb64(self.x25519))

    def _ed(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(unb64(self.ed25519))


# --- header --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    kind: str
    bundle_id: str
    server_id: str
    device_id: str
    created: str
    ephemeral: str = ""  # the sender's one-time X25519 public key
    reply_to: str = ""  # an acknowledgement: the export it answers
    version: int = FORMAT_VERSION

    def encoded(self) -> bytes:
        return json.dumps(self.__dict__, sort_keys=True, separators=(",", ":")).encode()

    @classmethod
    def new(cls, kind: str, server_id: str, device_id: str, reply_to: str = "") -> Header:
        created = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        return cls(kind, str(uuid.uuid4()), server_id, device_id, created, reply_to=reply_to)


def read_header(path: Path) -> Header:
    """The header of a bundle file, or `transfer.not_a_bundle`."""
    with open(path, "rb") as stream:
        header, _ = _header(stream)
    return header


def _header(stream: IO[bytes]) -> tuple[Header, bytes]:
    start = stream.read(len(MAGIC) + 4)
    if len(start) < len(MAGIC) + 4 or not start.startswith(MAGIC):
        raise UserError("transfer.not_a_bundle")
    (length,) = struct.unpack(">I", start[len(MAGIC) :])
    raw = stream.read(length) if length <= MAX_HEADER else b""
    try:
        fields = json.loads(raw)
        header = Header(**fields)
    except (ValueError, TypeError) as error:
        raise UserError("transfer.damaged") from error
    if header.version != FORMAT_VERSION or header.kind not in KINDS or header.encoded() != raw:
        raise UserError("transfer.not_a_bundle")
    return header, raw


# --- writing ---------------------------------------------------------------------------------


def _nonce(counter: int, last: bool) -> bytes:
    return struct.pack(">QB3x", counter, 1 if last else 0)


def _key(private: X25519PrivateKey, public: X25519PublicKey, header_id: bytes) -> bytes:
    shared = private.exchange(public)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=header_id, info=_INFO).derive(shared)


class _ChunkWriter:
    """Plaintext in, numbered encrypted chunks out; the last one flagged at `close`."""

    def __init__(self, out: IO[bytes], key: bytes, aad: bytes) -> None:
        self.out, self.aead, self.aad = out, AESGCM(key), aad
        self.buffer, self.counter = bytearray(), 0

    def write(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) > CHUNK:
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]

    def close(self) -> None:
        self._emit(bytes(self.buffer), last=True)

    def _emit(self, plain: bytes, last: bool) -> None:
        sealed = self.aead.encrypt(_nonce(self.counter, last), plain, self.aad)
        self.out.write(struct.pack(">I", len(sealed)) + sealed)
        self.counter += 1


Blob = tuple[str, Callable[[], bytes]]  # (sha256, a function giving its bytes)


def write_bundle(
    path: Path,
    header: Header,
    manifest: dict[str, Any],
    blobs: Iterable[Blob],
    recipient: PublicKeys,
    sender: KeyPair,
) -> Header:
    """Write the bundle to `path` (through a temporary name, so a cut write leaves no bundle);
    `manifest["blobs"]` is set to the digests and sizes of `blobs`, in their order."""
    blobs = list(blobs)
    listed = [{"sha256": sha, "size": len(_checked(sha, data))} for sha, data in blobs]
    manifest = {**manifest, "blobs": listed}
    ephemeral = X25519PrivateKey.generate()
    header = Header(**{**header.__dict__, "ephemeral": b64(ephemeral.public_key().public_bytes(*_RAW))})
    raw = header.encoded()
    body = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode()
    signature = sender._ed().sign(raw + hashlib.sha256(body).digest())
    key = _key(
        ephemeral, X25519PublicKey.from_public_bytes(unb64(recipient.x25519)), header.bundle_id.encode()
    )
    partial = path.with_name(path.name + ".part")
    with open(partial, "wb") as out:
        out.write(MAGIC + struct.pack(">I", len(raw)) + raw)
        chunks = _ChunkWriter(out, key, raw)
        chunks.write(signature + struct.pack(">Q", len(body)) + body)
        for (sha, data), listing in zip(blobs, listed, strict=True):
            content = _checked(sha, data)  # read again: one blob in memory at a time
            if len(content) != listing["size"]:
                raise UserError("transfer.photo_damaged", sha=sha[:12])
            chunks.write(content)
        chunks.close()
        out.flush()
        os.fsync(out.fileno())
    partial.replace(path)
    return header


def _checked(sha: str, data: Callable[[], bytes]) -> bytes:
    content = data()
    if hashlib.sha256(content).hexdigest() != sha:
        raise UserError("transfer.photo_damaged", sha=sha[:12])
    return content


# --- reading ---------------------------------------------------------------------------------


@dataclass
class Opened:
    """A bundle decrypted and checked: its header, manifest, and blobs on a temporary file."""

    header: Header
    manifest: dict[str, Any]
    spool: IO[bytes]
    offsets: dict[str, tuple[int, int]]

    def blob(self, sha: str) -> bytes:
        offset, size = self.offsets[sha]
        self.spool.seek(offset)
        return self.spool.read(size)

    def close(self) -> None:
        self.spool.close()


def open_bundle(
    path: Path, recipient: KeyPair, sender: PublicKeys, check: Callable[[Header], None]
) -> Opened:
    """Decrypt and verify a whole bundle; `check` may refuse its header first.

    Raises `transfer.not_a_bundle` or `transfer.damaged` (any change, cut or reordering)."""
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (handed to the caller in Opened)
    try:
        with open(path, "rb") as stream:
            header, raw = _header(stream)
            check(header)
            _decrypt(stream, header, raw, recipient, spool)
        return _parse(header, raw, spool, sender)
    except BaseException:
        spool.close()
        raise


def _decrypt(stream: IO[bytes], header: Header, raw: bytes, recipient: KeyPair, spool: IO[bytes]) -> None:
    try:
        ephemeral = X25519PublicKey.from_public_bytes(unb64(header.ephemeral))
    except ValueError as error:
        raise UserError("transfer.damaged") from error
    aead = AESGCM(_key(recipient._x(), ephemeral, header.bundle_id.encode()))
    counter = 0
    while True:
        size = stream.read(4)
        if len(size) < 4:
            raise UserError("transfer.damaged")  # cut before the last chunk
        (length,) = struct.unpack(">I", size)
        sealed = stream.read(length) if length <= CHUNK + 16 else b""
        plain = None
        for last in (False, True):
            try:
                plain = aead.decrypt(_nonce(counter, last), sealed, raw)
                break
            except InvalidTag:
                continue
        if plain is None:
            raise UserError("transfer.damaged")
        spool.write(plain)
        counter += 1
        if last:
            if stream.read(1):
                raise UserError("transfer.damaged")  # bytes after the last chunk
            return


def _parse(header: Header, raw: bytes, spool: IO[bytes], sender: PublicKeys) -> Opened:
    spool.seek(0)
    signature, size = spool.read(64), spool.read(8)
    if len(size) < 8 or struct.unpack(">Q", size)[0] > MAX_MANIFEST:
        raise UserError("transfer.damaged")
    body = spool.read(struct.unpack(">Q", size)[0])
    try:
        Ed25519PublicKey.from_public_bytes(unb64(sender.ed25519)).verify(
            signature, raw + hashlib.sha256(body).digest()
        )
        manifest = json.loads(body)
    except (InvalidSignature, ValueError) as error:
        raise UserError("transfer.damaged") from error
    offsets, offset = {}, spool.tell()
    for blob in manifest.get("blobs", []):
        content = spool.read(blob["size"])
        if len(content) != blob["size"] or hashlib.sha256(content).hexdigest() != blob["sha256"]:
            raise UserError("transfer.damaged")
        offsets[blob["sha256"]] = (offset, blob["size"])
        offset += blob["size"]
    if spool.read(1):
        raise UserError("transfer.damaged")
    return Opened(header, manifest, spool, offsets)


register_messages(
    {
        "transfer.not_a_bundle": {
            "kk": "Бұл файл тасымалдау бумасы емес немесе бағдарламаның жаңарақ нұсқасымен жасалған. "
            "Дұрыс файлды таңдаңыз немесе бағдарламаны жаңартыңыз.",
            "ru": "Этот файл не является пакетом переноса или создан более новой версией программы. "
            "Выберите правильный файл или обновите программу.",
            "en": "This file is not a transfer bundle, or a newer version of the program made it. "
            "Choose the right file or update the program.",
        },
        "transfer.damaged": {
            "kk": "Бума зақымдалған немесе толық көшірілмеген (файл өзгертілген не қысқартылған). "
            "Ешнәрсе қабылданбады. Бумасын қайта жасап, қайта көшіріңіз.",
            "ru": "Пакет повреждён или скопирован не полностью (файл изменён или обрезан). "
            "Ничего не принято. Создайте пакет заново и скопируйте его ещё раз.",
            "en": "The bundle is damaged or was not copied whole (the file was changed or cut short). "
            "Nothing was taken in. Make the bundle again and copy it again.",
        },
        "transfer.photo_damaged": {
            "kk": "{sha} фотосуреті зақымдалған, бума жасалмады. Фотоны қайта қосып, қайталаңыз.",
            "ru": "Фотография {sha} повреждена, пакет не создан. Добавьте фотографию заново и повторите.",
            "en": "Photo {sha} is damaged; no bundle was made. Add the photo again and retry.",
        },
    }
)
