"""Keys and signatures: the roster's key pairs, the other offices' public keys, encryption in
the age format and Ed25519 signatures in the SSH signature format. The bundle and backup
code call this module; nothing else in volctl touches cryptography.

Formats (all established, none made up here):

- **Encryption: age** (https://age-encryption.org/v1), through ``pyrage`` (Python bindings
  of the Rust ``age`` crate). A bundle is encrypted to the receiving roster's X25519
  recipient (``age1…``); an encrypted backup uses age's passphrase (scrypt) mode. Any age
  tool (``age``, ``rage``) decrypts them: ``age -d -i roster.db.keys/receive.key``.
- **Signatures: SSH signatures** (OpenSSH's PROTOCOL.sshsig, the format of ``ssh-keygen -Y
  sign``) with Ed25519, over the bundle's ``manifest.json``, namespace ``volctl-bundle``,
  hash SHA-512, through ``cryptography``'s Ed25519. ``ssh-keygen -Y verify`` checks them.

A roster's keys: an age identity to receive (``receive.key``, the same file ``age-keygen``
writes) and an Ed25519 key to sign (``sign.key``, an OpenSSH private key file), in a folder
beside the roster (``<roster file>.keys/``, 0700, the files 0600). Never inside the roster:
a backup is a copy of the roster file and must not carry them. The roster records the public
halves (``own_keys``) and the other offices' keys it trusts (``trusted_keys``).

The public key a clerk sends to another office is one line, both halves together::

    volctl:age1…(the age recipient):AAAAC3NzaC1lZDI1NTE5…(the ssh-ed25519 public key)

with a short fingerprint (``7F3A-91C0-2D4B-E0A8``) to compare by phone. The heavy libraries
(pyrage, cryptography) are imported inside the functions that need them.

The package is the one entry point (``from volctl import keys``); inside it, ``formats`` (the
public key line, fingerprints, SSH signatures), ``store`` (this roster's key folder),
``trust`` (the other offices' keys, ``--to``, checking a bundle's signer) and ``crypt`` (age
encryption of bundles and backups).
"""

from volctl.keys.crypt import (
    AGE_MAGIC,
    MIN_PASSPHRASE,
    check_passphrase,
    decrypt_bundle,
    decrypt_with_passphrase,
    encrypt_stream,
    encrypt_with_passphrase,
    file_is_encrypted,
    is_encrypted,
    read_passphrase_file,
)
from volctl.keys.formats import (
    MAX_SIGNATURE,
    NAMESPACE,
    BadSignature,
    PublicKey,
    fingerprint_of,
    looks_like_key,
    parse,
    sign,
    verify,
)
from volctl.keys.store import (
    OwnKeys,
    ensure,
    folder_of,
    init,
    load,
    own,
    own_or_none,
    roster_file,
    show,
)
from volctl.keys.trust import (
    BundleTrust,
    Recipient,
    Signer,
    listing,
    read_key_argument,
    recipient,
    revoke,
    trust,
)

__all__ = [
    "AGE_MAGIC",
    "MAX_SIGNATURE",
    "MIN_PASSPHRASE",
    "NAMESPACE",
    "BadSignature",
    "BundleTrust",
    "OwnKeys",
    "PublicKey",
    "Recipient",
    "Signer",
    "check_passphrase",
    "decrypt_bundle",
    "decrypt_with_passphrase",
    "encrypt_stream",
    "encrypt_with_passphrase",
    "ensure",
    "file_is_encrypted",
    "fingerprint_of",
    "folder_of",
    "init",
    "is_encrypted",
    "listing",
    "load",
    "looks_like_key",
    "own",
    "own_or_none",
    "parse",
    "read_key_argument",
    "read_passphrase_file",
    "recipient",
    "revoke",
    "roster_file",
    "show",
    "sign",
    "trust",
    "verify",
]
