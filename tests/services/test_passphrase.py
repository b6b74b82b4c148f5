"""The passphrase: a growing wait after wrong ones, and changing it with a new key (every identifier encrypted
again in one transaction) or by re-wrapping the same key."""
from __future__ import annotations

from datetime import date

import pytest

from finsamdesk.domain.participants import Participant
from finsamdesk.services import participants
from finsamdesk.services import passphrase_tries as tries
from finsamdesk.services.errors import ValidationError
from finsamdesk.store import crypto
from finsamdesk.store import participants as store
from tests.fixtures.participant_files import PASSPHRASE, TODAY, new_register

NEW = "en helt ny och lång lösenfras"


class Clock:
    """time.time() as the guard sees it, moved by the test."""

    def __init__(self, monkeypatch):
        import time

        self.now = time.time()
        monkeypatch.setattr(tries.time, "time", lambda: self.now)


def _people(db, key, insats_id, count=3):
    return [participants.save(db, Participant(insats_id, start=date(2026, 2, 1), personnummer=pnr,
                                              name=f"Person {n}", note=f"Anteckning {n}",
                                              consent_date=date(2026, 2, 1), consent_how="Skriftligt"), key, TODAY)
            for n, pnr in enumerate(["198112189876", "199001012385", "200002022382"][:count])]


def test_wrong_passphrases_make_a_growing_wait_that_even_the_right_one_must_respect(tmp_path, monkeypatch):
    db, _key, _ = new_register(tmp_path)
    clock = Clock(monkeypatch)
    for _ in range(tries.FREE_TRIES):  # a typo or two costs nothing but scrypt
        with pytest.raises(ValidationError, match="^Fel lösenfras.$"):
            participants.unlock(db, "fel fras")
    waits = []
    for _ in range(4):
        with pytest.raises(ValidationError) as caught:
            participants.unlock(db, "fel fras")
        waits.append(tries.wait_left(participants._file_id(db)))
        assert "Vänta" in str(caught.value)
        with pytest.raises(ValidationError, match="vänta"):
            participants.unlock(db, PASSPHRASE)  # refused without being tried
        clock.now += waits[-1] + 0.1
    assert waits == [2.0, 4.0, 8.0, 16.0]
    assert participants.unlock(db, PASSPHRASE) is not None
    with pytest.raises(ValidationError, match="^Fel lösenfras.$"):
        participants.unlock(db, "fel fras")  # the right one starts the count over
    db.conn.close()


def test_the_wait_outlives_the_window_and_the_command_line(tmp_path, monkeypatch):
    db, _key, _ = new_register(tmp_path)
    Clock(monkeypatch)
    for _ in range(tries.FREE_TRIES + 1):
        with pytest.raises(ValidationError):
            participants.unlock(db, "fel fras")
    path = tmp_path / "register.sqlite"
    db.conn.close()
    from finsamdesk.services import files

    again = files.open_file(path)  # a new start of the program reads the count from the settings folder
    with pytest.raises(ValidationError, match="vänta"):
        participants.unlock(again, PASSPHRASE)
    again.conn.close()


def test_a_new_key_encrypts_every_identifier_again_in_one_transaction(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    people = _people(db, key, insats_id)
    before = {r[0]: r[1:] for r in db.execute("SELECT id, pnr_enc, name_enc, note_enc, pnr_hash FROM participant")}
    new_key = participants.change_passphrase(db, PASSPHRASE, NEW, NEW, new_key=True)
    assert new_key is not None
    after = {r[0]: r[1:] for r in db.execute("SELECT id, pnr_enc, name_enc, note_enc, pnr_hash FROM participant")}
    for pid in before:
        assert all(a != b for a, b in zip(after[pid], before[pid], strict=True)), "every value and digest is new"
        with pytest.raises(crypto.DamagedValue):
            key.decrypt("pnr_enc", after[pid][0])  # the old key reads nothing any more
    for p in people:
        again = participants.load(db, p.id, new_key)
        assert (again.personnummer, again.name, again.note) == (p.personnummer, p.name, p.note)
    assert participants.ids_for_personnummer(db, new_key, "19811218-9876") == {people[0].id}
    with pytest.raises(ValidationError):
        participants.unlock(db, PASSPHRASE)
    assert participants.unlock(db, NEW).digest("198112189876") == new_key.digest("198112189876")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = (tmp_path / "register.sqlite").read_bytes()
    assert not any(old[0] in raw for old in before.values()), "the old ciphertexts are overwritten in the file"
    db.conn.close()


def test_a_value_that_does_not_decrypt_stops_the_new_key_and_changes_nothing(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    people = _people(db, key, insats_id)
    db.execute("UPDATE participant SET note_enc = ? WHERE id = ?", [b"\x01" + b"x" * 40, people[1].id])
    db.conn.commit()
    record = store.key_record(db)
    with pytest.raises(participants.ServiceError, match="ingenting har ändrats"):
        participants.change_passphrase(db, PASSPHRASE, NEW, NEW, new_key=True)
    assert store.key_record(db) == record
    assert participants.load(db, people[0].id, key).name == "Person 0"
    db.conn.close()


def test_only_changing_the_passphrase_keeps_the_key(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    [p] = _people(db, key, insats_id, count=1)
    assert participants.change_passphrase(db, PASSPHRASE, NEW, NEW) is None
    assert participants.load(db, p.id, participants.unlock(db, NEW)).name == "Person 0"
    assert participants.load(db, p.id, key).name == "Person 0", "the key held until now still reads"
    db.conn.close()
