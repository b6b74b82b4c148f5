"""Encryption of personal identifiers: what opens with the passphrase, what does not, and what shows nothing."""
import pytest

from finsamdesk.store.crypto import (
    SCRYPT_N,
    DamagedValue,
    FieldKey,
    KeyRecord,
    WrongPassphrase,
    new_keys,
    rewrap,
    unlock,
)

PASS = "korrekt häst batteri häftstift"
FAST = 2**10  # scrypt cost for tests; the app uses SCRYPT_N


@pytest.fixture(scope="module")
def keys() -> tuple[KeyRecord, FieldKey]:
    return new_keys(PASS, n=FAST)


@pytest.mark.parametrize("text", ["198112189876", "Åsa Öberg-Ärlig", "", " ", "rad ett\nrad två ✓"])
def test_encrypt_decrypt_round_trip(keys, text):
    _, key = keys
    blob = key.encrypt("name_enc", text)
    assert isinstance(blob, bytes)
    assert key.decrypt("name_enc", blob) == text


def test_the_stored_value_does_not_show_the_text(keys):
    _, key = keys
    for text in ("198112189876", "Åsa Öberg"):
        blob = key.encrypt("pnr_enc", text)
        assert text.encode() not in blob and text.encode("utf-16-le") not in blob
        assert text[4:10].encode() not in blob


def test_the_same_text_encrypts_differently_every_time(keys):
    _, key = keys
    blobs = {key.encrypt("pnr_enc", "198112189876") for _ in range(20)}
    assert len(blobs) == 20


def test_a_value_cannot_be_moved_to_another_column(keys):
    _, key = keys
    blob = key.encrypt("pnr_enc", "198112189876")
    with pytest.raises(DamagedValue):
        key.decrypt("name_enc", blob)


@pytest.mark.parametrize("position", [0, 1, 12, 13, -1])
def test_a_changed_byte_is_a_damaged_value(keys, position):
    _, key = keys
    blob = bytearray(key.encrypt("note_enc", "Ringde in och sa nej"))
    blob[position] ^= 0x01
    with pytest.raises(DamagedValue):
        key.decrypt("note_enc", bytes(blob))


def test_an_empty_or_cut_value_is_a_damaged_value(keys):
    _, key = keys
    blob = key.encrypt("note_enc", "x")
    for cut in (b"", blob[:14], blob[:-1], blob + b"\x00"):
        with pytest.raises(DamagedValue):
            key.decrypt("note_enc", cut)


def test_a_value_cut_very_short_is_a_damaged_value_too(keys):
    _, key = keys
    blob = key.encrypt("note_enc", "x")
    for cut in (blob[:1], blob[:5], blob[:8]):
        with pytest.raises(DamagedValue):
            key.decrypt("note_enc", cut)


def test_another_files_key_cannot_read_the_value(keys):
    _, key = keys
    _, other = new_keys(PASS, n=FAST)
    with pytest.raises(DamagedValue):
        other.decrypt("pnr_enc", key.encrypt("pnr_enc", "198112189876"))


def test_wrong_passphrase_does_not_unlock(keys):
    record, _ = keys
    for wrong in ("korrekt häst batteri häftstifT", "", PASS + " "):
        with pytest.raises(WrongPassphrase):
            unlock(record, wrong)


def test_the_right_passphrase_reads_what_the_first_key_wrote(keys):
    record, key = keys
    blob = key.encrypt("pnr_enc", "198112189876")
    again = unlock(record, PASS)
    assert again.decrypt("pnr_enc", blob) == "198112189876"
    assert again.digest("198112189876") == key.digest("198112189876")


def test_digest_finds_the_same_person_in_one_file_only(keys):
    _, key = keys
    _, other = new_keys(PASS, n=FAST)
    d = key.digest("198112189876")
    assert len(d) == 32 and d == key.digest("198112189876")
    assert d != key.digest("198112189884")
    assert d != other.digest("198112189876")
    assert b"198112189876" not in d


def test_the_key_record_holds_neither_passphrase_nor_key(keys):
    record, key = keys
    assert (record.n, record.r, record.p, record.kdf) == (FAST, 8, 1, "scrypt")
    assert len(record.salt) == 16
    assert PASS.encode() not in record.wrapped and PASS not in repr(record)


def test_rewrap_keeps_the_values_and_retires_the_old_passphrase(keys):
    record, key = keys
    blob = key.encrypt("name_enc", "Åsa Öberg")
    new_record = rewrap(record, PASS, "en helt ny lösenfras")
    assert new_record.n == record.n and new_record.salt != record.salt
    assert unlock(new_record, "en helt ny lösenfras").decrypt("name_enc", blob) == "Åsa Öberg"
    with pytest.raises(WrongPassphrase):
        unlock(new_record, PASS)
    assert unlock(record, PASS).decrypt("name_enc", blob) == "Åsa Öberg"  # the old record is untouched


def test_rewrap_needs_the_right_old_passphrase(keys):
    record, _ = keys
    with pytest.raises(WrongPassphrase):
        rewrap(record, "fel lösenfras här", "en helt ny lösenfras")


def test_an_unknown_kdf_is_refused_as_a_wrong_passphrase(keys):
    record, _ = keys
    other = KeyRecord(record.salt, record.n, record.r, record.p, record.wrapped, kdf="argon2id")
    with pytest.raises(WrongPassphrase):
        unlock(other, PASS)


@pytest.mark.real_scrypt
def test_the_unlocked_key_shows_nothing():
    record, key = new_keys(PASS)  # the app's own scrypt cost
    assert record.n == SCRYPT_N
    assert repr(key) == "FieldKey(…)" and str(key) == "FieldKey(…)"
    assert not hasattr(key, "__dict__")
    assert unlock(record, PASS).decrypt("pnr_enc", key.encrypt("pnr_enc", "198112189876")) == "198112189876"


@pytest.mark.real_scrypt
def test_new_keys_cost_at_least_2_to_the_17_and_an_old_files_cost_is_kept_until_it_changes_passphrase():
    record, key = new_keys(PASS)
    assert record.n >= 2**17 and (record.r, record.p) == (8, 1)
    old, old_key = new_keys(PASS, n=2**15)  # as files made before
    blob = old_key.encrypt("name_enc", "Åsa Öberg")
    assert unlock(old, PASS).decrypt("name_enc", blob) == "Åsa Öberg", "an old file opens with its own cost"
    changed = rewrap(old, PASS, "en helt ny lösenfras")
    assert changed.n == SCRYPT_N and unlock(changed, "en helt ny lösenfras").decrypt("name_enc", blob) == "Åsa Öberg"
