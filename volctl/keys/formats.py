"""The formats of keys and signatures: the one-line public key that offices exchange, its
fingerprint, and SSH signatures (OpenSSH's PROTOCOL.sshsig) with Ed25519. Pure functions over
bytes; ``cryptography`` and ``pyrage`` are imported inside the functions that use them."""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING

from volctl.errors import InvalidInput, Where

if TYPE_CHECKING:
    from volctl.keys.store import OwnKeys

PREFIX = "volctl"
SSH_ED25519 = b"ssh-ed25519"
SIG_MAGIC = b"SSHSIG"
NAMESPACE = b"volctl-bundle"
ARMOR_BEGIN = b"-----BEGIN SSH SIGNATURE-----"
ARMOR_END = b"-----END SSH SIGNATURE-----"
MAX_SIGNATURE = 8192

# ----------------------------------------------------------------------------- public keys


def _string(data: bytes) -> bytes:
    """An SSH wire-format string: its length (4 bytes, big-endian), then the bytes."""
    return struct.pack(">I", len(data)) + data


class _Reader:
    """SSH wire-format fields read one by one, every length checked."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, size: int) -> bytes:
        if size < 0 or self.at + size > len(self.data):
            raise ValueError("truncated")
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk

    def uint32(self) -> int:
        return int(struct.unpack(">I", self.take(4))[0])

    def string(self) -> bytes:
        return self.take(self.uint32())

    def done(self) -> bool:
        return self.at == len(self.data)


def _ed25519_key(blob: bytes) -> bytes:
    """The 32-byte key of an ``ssh-ed25519`` public key blob; ``ValueError`` otherwise."""
    reader = _Reader(blob)
    if reader.string() != SSH_ED25519:
        raise ValueError("not ssh-ed25519")
    key = reader.string()
    if len(key) != 32 or not reader.done():
        raise ValueError("bad key")
    return key


def fingerprint_of(text: str) -> str:
    """A short fingerprint of a public key's text, to compare by phone: 7F3A-91C0-2D4B-E0A8."""
    digest = hashlib.sha256(text.encode("ascii")).hexdigest().upper()[:16]
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class PublicKey:
    """A roster's public key: the age recipient to encrypt to, the Ed25519 key that signs."""

    recipient: str  # age1…
    signing: bytes  # the raw 32-byte Ed25519 public key

    @property
    def ssh_blob(self) -> bytes:
        return _string(SSH_ED25519) + _string(self.signing)

    @property
    def ssh(self) -> str:
        """The signing half as an OpenSSH public key (for ``ssh-keygen -Y verify``)."""
        return "ssh-ed25519 " + base64.b64encode(self.ssh_blob).decode("ascii")

    @property
    def text(self) -> str:
        return f"{PREFIX}:{self.recipient}:{base64.b64encode(self.ssh_blob).decode('ascii')}"

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.text)

    def describe(self) -> dict[str, str]:
        return {
            "public_key": self.text,
            "fingerprint": self.fingerprint,
            "receive": self.recipient,
            "sign": self.ssh,
        }


def _check_recipient(recipient: str) -> None:
    import pyrage

    try:
        pyrage.x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError:
        raise ValueError("bad recipient") from None


def parse(text: str, *, field_name: str = "public_key") -> PublicKey:
    """A public key as sent by another office (``volctl:age1…:AAAA…``). Spaces, line breaks
    and full-width colons that a chat app or an input method added are ignored."""
    from volctl.text import compact

    value = compact(text)
    parts = value.split(":")
    try:
        if len(parts) != 3 or parts[0].lower() != PREFIX:
            raise ValueError("shape")
        recipient = parts[1].lower()
        if not recipient.startswith("age1"):
            raise ValueError("recipient")
        _check_recipient(recipient)
        signing = _ed25519_key(base64.b64decode(parts[2], validate=True))
    except (ValueError, TypeError):
        raise InvalidInput(
            "keys.bad_public_key", hint="hint.keys_bad_public_key", where=Where(field=field_name)
        ) from None
    return PublicKey(recipient, signing)


def looks_like_key(text: str) -> bool:
    """Whether ``text`` is meant as a key (rather than a name or a file name)."""
    from volctl.text import compact

    value = compact(text).lower()
    return value.startswith((f"{PREFIX}:", "age1"))


# ----------------------------------------------------------------------------- signatures


class BadSignature(ValueError):
    """A signature that is malformed or does not match what it signs."""


def _signed_data(namespace: bytes, hash_name: bytes, message: bytes) -> bytes:
    digest = hashlib.new(hash_name.decode("ascii"), message).digest()
    return SIG_MAGIC + _string(namespace) + _string(b"") + _string(hash_name) + _string(digest)


def sign(keys: OwnKeys, message: bytes, *, namespace: bytes = NAMESPACE) -> bytes:
    """An armored SSH signature of ``message`` by the roster's signing key (what
    ``ssh-keygen -Y sign -n volctl-bundle`` writes)."""
    signature = keys.signer.sign(_signed_data(namespace, b"sha512", message))
    blob = (
        SIG_MAGIC
        + struct.pack(">I", 1)
        + _string(keys.public.ssh_blob)
        + _string(namespace)
        + _string(b"")
        + _string(b"sha512")
        + _string(_string(SSH_ED25519) + _string(signature))
    )
    text = base64.b64encode(blob)
    lines = [text[i : i + 70] for i in range(0, len(text), 70)]
    return b"\n".join([ARMOR_BEGIN, *lines, ARMOR_END]) + b"\n"


def verify(armored: bytes, message: bytes, *, namespace: bytes = NAMESPACE) -> bytes:
    """The 32-byte Ed25519 key that made this SSH signature of ``message``;
    ``BadSignature`` when it is malformed, of another namespace or does not match."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        if len(armored) > MAX_SIGNATURE:
            raise ValueError("too long")
        lines = armored.strip().splitlines()
        if len(lines) < 3 or lines[0].strip() != ARMOR_BEGIN or lines[-1].strip() != ARMOR_END:
            raise ValueError("armor")
        blob = base64.b64decode(b"".join(line.strip() for line in lines[1:-1]), validate=True)
        reader = _Reader(blob)
        if reader.take(6) != SIG_MAGIC or reader.uint32() != 1:
            raise ValueError("magic")
        key = _ed25519_key(reader.string())
        signed_namespace = reader.string()
        reader.string()  # reserved
        hash_name = reader.string()
        inner = _Reader(reader.string())
        if not reader.done() or inner.string() != SSH_ED25519:
            raise ValueError("layout")
        signature = inner.string()
        if not inner.done() or len(signature) != 64:
            raise ValueError("signature")
        if signed_namespace != namespace or hash_name not in (b"sha512", b"sha256"):
            raise ValueError("namespace")
        Ed25519PublicKey.from_public_bytes(key).verify(
            signature, _signed_data(signed_namespace, hash_name, message)
        )
    except (ValueError, TypeError, InvalidSignature, struct.error):
        raise BadSignature("bad signature") from None
    return key
