"""Encryption at rest for personal identifiers (personnummer, name, the participant's note).

A random 32-byte data key encrypts each field with AES-GCM (a fresh 96-bit nonce per value, the field's
name as associated data, so a value cannot be moved to another column unnoticed). A second random key
gives HMAC-SHA256 digests of personnummer, so an exact personnummer can be found and duplicates caught
without decrypting anything. Both keys are stored wrapped (AES-GCM) under a key derived from the
passphrase with scrypt, with the scrypt parameters beside them (a file keeps the cost it was made with; new files
get SCRYPT_N). Changing the passphrase either re-wraps the same keys (`rewrap`: no record is touched) or makes
new keys (`new_keys`), with which every record is then encrypted again (store/participants.reencrypt).

Without the passphrase the file shows no identifier: not in the table, not in the WAL, not in a backup
copy. A lost passphrase cannot be recovered; the identifiers are then gone (the rest of the record stays).
"""
from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = 1
KDF = "scrypt"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1  # new files: ~0.4 s and 128 MiB on a laptop core (2**15 before)
_WRAP_AAD = b"finsamdesk/participant-keys/v1"
_NONCE = 12


class WrongPassphrase(Exception):
    """The passphrase does not open the keys."""


class DamagedValue(Exception):
    """A stored value does not decrypt with the key (changed outside the app, or a different file's key)."""


@dataclass(frozen=True)
class KeyRecord:
    """What the file stores: scrypt parameters and the wrapped keys (never the passphrase or a key)."""

    salt: bytes
    n: int
    r: int
    p: int
    wrapped: bytes
    kdf: str = KDF


class FieldKey:
    """The unlocked keys. Holds secrets: it is never printed, logged or written anywhere."""

    __slots__ = ("_aead", "_mac")

    def __init__(self, data_key: bytes, mac_key: bytes):
        self._aead = AESGCM(data_key)
        self._mac = mac_key

    def __repr__(self) -> str:
        return "FieldKey(…)"

    def encrypt(self, column: str, text: str) -> bytes:
        nonce = os.urandom(_NONCE)
        return bytes([VERSION]) + nonce + self._aead.encrypt(nonce, text.encode("utf-8"), column.encode())

    def decrypt(self, column: str, blob: bytes) -> str:
        if not blob or blob[0] != VERSION or len(blob) < 1 + _NONCE + 16:  # version, nonce, GCM tag
            raise DamagedValue(column)
        try:
            return self._aead.decrypt(blob[1:1 + _NONCE], blob[1 + _NONCE:], column.encode()).decode("utf-8")
        except (InvalidTag, UnicodeDecodeError):
            raise DamagedValue(column) from None

    def digest(self, personnummer: str) -> bytes:
        """Keyed digest of the twelve digits: the same person gives the same digest in this file only."""
        return hmac.digest(self._mac, personnummer.encode("ascii"), hashlib.sha256)


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    memory = 128 * r * n * p + 32 * 1024 * 1024  # what scrypt needs for these parameters, and some room
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=32)


def _wrap(passphrase: str, data_key: bytes, mac_key: bytes, n: int, r: int = SCRYPT_R,
          p: int = SCRYPT_P) -> KeyRecord:
    salt = os.urandom(16)
    nonce = os.urandom(_NONCE)
    wrapped = nonce + AESGCM(_derive(passphrase, salt, n, r, p)).encrypt(nonce, data_key + mac_key, _WRAP_AAD)
    return KeyRecord(salt, n, r, p, wrapped)


def new_keys(passphrase: str, *, n: int | None = None) -> tuple[KeyRecord, FieldKey]:
    """Fresh random keys, wrapped under the passphrase (scrypt cost `n`, SCRYPT_N unless given)."""
    data_key, mac_key = os.urandom(32), os.urandom(32)
    return _wrap(passphrase, data_key, mac_key, n=n or SCRYPT_N), FieldKey(data_key, mac_key)


def _unwrap(record: KeyRecord, passphrase: str) -> bytes:
    if record.kdf != KDF:
        raise WrongPassphrase(record.kdf)
    kek = _derive(passphrase, record.salt, record.n, record.r, record.p)
    try:
        return AESGCM(kek).decrypt(record.wrapped[:_NONCE], record.wrapped[_NONCE:], _WRAP_AAD)
    except InvalidTag:
        raise WrongPassphrase() from None


def unlock(record: KeyRecord, passphrase: str) -> FieldKey:
    keys = _unwrap(record, passphrase)
    return FieldKey(keys[:32], keys[32:])


def rewrap(record: KeyRecord, old_passphrase: str, new_passphrase: str) -> KeyRecord:
    """The same keys under a new passphrase (the old one must be right); an old file's scrypt cost is raised to
    SCRYPT_N on the way."""
    keys = _unwrap(record, old_passphrase)
    return _wrap(new_passphrase, keys[:32], keys[32:], n=max(record.n, SCRYPT_N), r=record.r, p=record.p)
