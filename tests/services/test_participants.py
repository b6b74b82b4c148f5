"""Deltagare on a real file: the passphrase, records locked and unlocked, the list's filter, categories,
counts per period, statistics, gallring, the registerutdrag — and identifiers never in clear in the file."""
from __future__ import annotations

import io
import logging
from datetime import date

import pypdf
import pytest

from finsamdesk.domain.participants import Category, CountPeriod, Participant
from finsamdesk.services import participant_files, participants
from finsamdesk.services.errors import ServiceError, ValidationError
from tests.fixtures.closing import close_at_end
from tests.fixtures.participant_files import PASSPHRASE, TODAY, new_register

PNR = "19811218-9876"  # check digit right; invented


def _person(insats_id: int, **kw) -> Participant:
    values = {"start": date(2026, 2, 1), "personnummer": PNR, "name": "Kim Exempelsson", "note": "Behöver tolk.",
              "consent_date": date(2026, 2, 1), "consent_how": "Skriftligt"}
    values.update(kw)
    return Participant(insats_id, **values)


def _file_bytes(db, tmp_path) -> bytes:
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return b"".join(p.read_bytes() for p in tmp_path.glob("register.sqlite*"))


def test_identifiers_are_encrypted_and_readable_only_with_the_passphrase(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    p = participants.save(db, _person(insats_id), key, TODAY)
    assert (p.code, p.gender, p.birth_year, p.personnummer) == ("D00001", "man", 1981, "198112189876")
    raw = _file_bytes(db, tmp_path)
    for secret in (b"198112189876", b"811218", b"Exempelsson", b"tolk"):
        assert secret not in raw
    locked = participants.load(db, p.id)
    assert locked.locked and locked.has_personnummer and locked.has_name and locked.has_note
    assert (locked.personnummer, locked.name, locked.note) == ("", "", "")
    again = participants.unlock(db, PASSPHRASE)
    assert participants.load(db, p.id, again).name == "Kim Exempelsson"
    with pytest.raises(ValidationError, match="Fel lösenfras"):
        participants.unlock(db, "fel fras helt och hållet")
    assert "Kim" not in repr(participants.load(db, p.id, again)) and "1981121" not in repr(again)


def test_a_locked_record_can_be_edited_and_keeps_its_identifiers(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    p = participants.save(db, _person(insats_id), key, TODAY)
    locked = participants.load(db, p.id)
    locked.end = date(2026, 6, 30)
    participants.save(db, locked, None, TODAY)
    back = participants.load(db, p.id, key)
    assert back.end == date(2026, 6, 30) and back.personnummer == "198112189876" and back.note == "Behöver tolk."
    with pytest.raises(ValidationError) as caught:
        participants.save(db, _person(insats_id, start=date(2026, 9, 1)), None, TODAY)
    assert "låst" in caught.value.fields["personnummer"]


def test_bad_input_is_named_by_field_and_nothing_is_saved(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    with pytest.raises(ValidationError) as caught:
        participants.save(db, _person(insats_id, personnummer="19811218-9875", end=date(2026, 1, 1),
                                      consent_date=None), key, TODAY)
    fields = caught.value.fields
    assert fields["personnummer"] == "Personnumret har fel kontrollsiffra."
    assert fields["end"] == "Slutdatum är före startdatum."
    assert "98119875" not in str(caught.value).replace("-", "")
    assert db["participant"].count == 0
    first = participants.save(db, _person(insats_id), key, TODAY)
    with pytest.raises(ValidationError, match=r"finns redan i insatsen samtidigt \(D00001\)"):
        participants.save(db, _person(insats_id, start=date(2026, 5, 1), name="Samma Person"), key, TODAY)
    first.end = date(2026, 4, 30)
    participants.save(db, first, key, TODAY)
    again = participants.save(db, _person(insats_id, start=date(2026, 9, 1)), key, TODAY)  # a new period in it
    assert again.code == "D00002"


def test_the_list_filters_by_text_insats_gender_state_year_and_a_whole_personnummer(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    a = participants.save(db, _person(insats_id, code="A-1", end=date(2026, 3, 1)), key, TODAY)
    b = participants.save(db, Participant(insats_id, "B-2", "kvinna", 1990, date(2025, 5, 1)), key, TODAY)
    register = participants.Register(db)
    rows = register.rows

    def ids(f, person=None):
        return [r[participants.Row.ID] for r in register.filter(rows, f, person)]

    assert ids(participants.RowFilter("a-1")) == [a.id]
    assert ids(participants.RowFilter("steget")) == [b.id, a.id]  # the insats name; newest registered first
    assert ids(participants.RowFilter(gender="kvinna")) == [b.id]
    assert ids(participants.RowFilter(state="avslutad")) == [a.id]
    assert ids(participants.RowFilter(year=2025)) == [b.id]
    assert ids(participants.RowFilter("exempelsson")) == []  # names are encrypted
    register.load_names(db, key)
    assert ids(participants.RowFilter("EXEMPELSSON")) == [a.id]
    register.forget_names()
    person = participants.ids_for_personnummer(db, key, "811218-9876")
    assert person == {a.id} and ids(participants.RowFilter("811218-9876"), person) == [a.id]
    assert participants.ids_for_personnummer(db, None, "811218-9876") is None


def test_delete_and_restore_bring_back_the_encrypted_identifiers_without_a_key(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    p = participants.save(db, _person(insats_id), key, TODAY)
    rows = participants.delete(db, [p.id])
    assert db["participant"].count == 0
    participants.restore(db, rows)
    assert participants.load(db, p.id, key).personnummer == "198112189876"


def test_modes_and_categories(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    saved = participants.save(db, _person(insats_id), key, TODAY)
    with pytest.raises(ServiceError, match="har 1 deltagare i registret"):
        participants.set_mode(db, insats_id, "antal")
    labels = [c.label for c in participants.categories(db, "utfall")]
    assert labels[:3] == ["Arbete", "Studier", "Arbetssökande"] and "Avbrott" in labels
    extra = participants.save_category(db, Category("utfall", "  Eget  företag "))
    assert extra.label == "Eget företag" and participants.categories(db, "utfall")[-1].id == extra.id
    with pytest.raises(ValidationError, match="finns redan"):
        participants.save_category(db, Category("utfall", "arbete"))
    support = participants.categories(db, "forsorjning")[0]
    p = participants.load(db, saved.id, key)
    p.support_id = support.id
    participants.save(db, p, key, TODAY)
    with pytest.raises(ServiceError, match="används av 1 deltagare"):
        participants.delete_category(db, support.id)
    participants.delete_category(db, extra.id)
    assert extra.id not in {c.id for c in participants.categories(db)}


def test_counts_per_period_check_their_arithmetic(tmp_path):
    db, _key, _ = new_register(tmp_path)
    close_at_end(db)
    from finsamdesk.domain.insatser import Insats
    from finsamdesk.services import insatser

    counted = insatser.save(db, Insats("Räknas", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    choice = next(c for c in participants.insatser(db) if c.id == counted.id)
    assert participants.next_count_period(db, choice) == (date(2026, 1, 1), date(2026, 4, 30))
    participants.save_count_period(db, CountPeriod(counted.id, date(2026, 1, 1), date(2026, 4, 30), 5, 4, 4, 3, 1, 1))
    assert participants.next_count_period(db, choice) == (date(2026, 5, 1), date(2026, 8, 31))
    warnings = participants.save_count_period(
        db, CountPeriod(counted.id, date(2026, 5, 1), date(2026, 8, 31), 2, 2, 9, 4, 0, 1))
    assert warnings == [("2026-05-01–2026-08-31: pågående kvinnor borde vara 6 (pågående förra perioden + nya − "
                         "avslutade), inte 9.")]
    with pytest.raises(ValidationError, match="överlappar"):
        participants.save_count_period(db, CountPeriod(counted.id, date(2026, 4, 1), date(2026, 5, 31)))
    with pytest.raises(ValidationError, match="Fler nya kvinnor"):
        participants.save_count_period(db, CountPeriod(counted.id, date(2026, 9, 1), date(2026, 12, 31), 5, 0, 1, 0,
                                                       1, 0))
    stats = participant_files.statistics(db, 2026, counted.id)
    assert (stats.participants.women, stats.participants.men) == (5 + 2, 4 + 2)
    assert stats.from_counts.total == 13
    removed = participants.delete_count_period(db, participants.count_periods(db, counted.id)[0].id)
    participants.restore_count_period(db, removed)
    assert len(participants.count_periods(db, counted.id)) == 2


def test_gallring_removes_identifiers_after_a_preview_and_statistics_stay(tmp_path, caplog):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    old = participants.save(db, _person(insats_id, start=date(2022, 1, 10), end=date(2024, 6, 30),
                                        consent_date=date(2022, 1, 10)), key, TODAY)
    recent = participants.save(db, _person(insats_id, personnummer="19900101-0017", start=date(2025, 1, 1),
                                           end=date(2025, 6, 30)), key, TODAY)
    ongoing = participants.save(db, _person(insats_id, personnummer="19850505-0008", name="Pågående P"), key,
                                TODAY)
    before = participant_files.statistics(db, None)
    plan = participant_files.gallring_plan(db, TODAY)
    assert [(p.id, due) for p, _name, due in plan.items] == [(old.id, date(2026, 6, 30))]
    assert db["participant"].get(old.id)["pnr_enc"] is not None, "the preview changes nothing"
    with caplog.at_level(logging.DEBUG):
        assert participant_files.gallra(db, plan) == 1
    gone = participants.load(db, old.id, key)
    assert (gone.personnummer, gone.name, gone.note) == ("", "", "")
    assert gone.gallrad_on == TODAY and gone.gallrat == "personnummer, namn, anteckning"
    assert (gone.gender, gone.birth_year, gone.end) == ("man", 1981, date(2024, 6, 30))
    assert participants.load(db, recent.id, key).personnummer == "199001010017"
    assert participants.load(db, ongoing.id, key).name == "Pågående P"
    assert participant_files.statistics(db, None) == before
    assert participant_files.gallring_log(db) == [(TODAY.isoformat(), 2, 1, "personnummer, namn, anteckning")]
    assert participant_files.gallring_plan(db, TODAY).items == []
    assert "Kim" not in caplog.text and "19811218" not in caplog.text


def test_registerutdrag_holds_every_record_of_the_person_in_every_insats(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    from finsamdesk.domain.insatser import Insats
    from finsamdesk.services import insatser

    other = insatser.save(db, Insats("Annan insats"))
    participants.set_mode(db, other.id, "individ")
    first = participants.save(db, _person(insats_id, end=date(2026, 5, 31)), key, TODAY)
    participants.save(db, _person(other.id, start=date(2026, 6, 1), note="Rad ett.\nRad två."), key, TODAY)
    participants.save(db, _person(insats_id, personnummer="19900101-0017", name="Någon Annan"), key, TODAY)
    with pytest.raises(ServiceError, match="låst"):
        participant_files.register_extract_pdf(db, first.id, None, TODAY)
    pdf = pypdf.PdfReader(io.BytesIO(participant_files.register_extract_pdf(db, first.id, key, TODAY)))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Registerutdrag" in text and "19811218-9876" in text and "Kim Exempelsson" in text
    assert "Steget vidare – deltagar-id D00001" in text and "Annan insats – deltagar-id D00002" in text
    assert "Rad ett." in text and "Någon Annan" not in text


def test_settings_are_checked(tmp_path):
    db, _key, _ = new_register(tmp_path)
    close_at_end(db)
    assert participants.register_settings(db) == participants.RegisterSettings(10, 2)
    participants.save_register_settings(db, participants.RegisterSettings(5, 3))
    assert participants.register_settings(db) == participants.RegisterSettings(5, 3)
    with pytest.raises(ValidationError, match="Mellan 1 och 240"):
        participants.save_register_settings(db, participants.RegisterSettings(0, 3))


def test_passphrase_rules_and_change(tmp_path):
    db, key, insats_id = new_register(tmp_path)
    close_at_end(db)
    p = participants.save(db, _person(insats_id), key, TODAY)
    with pytest.raises(ServiceError, match="redan en lösenfras"):
        participants.create_passphrase(db, "en annan lång fras", "en annan lång fras")
    with pytest.raises(ValidationError, match="minst 10 tecken"):
        participants.change_passphrase(db, PASSPHRASE, "kort", "kort")
    with pytest.raises(ValidationError, match="nuvarande lösenfrasen är fel"):
        participants.change_passphrase(db, "inte den rätta frasen", "en ny lång fras", "en ny lång fras")
    participants.change_passphrase(db, PASSPHRASE, "en ny lång fras", "en ny lång fras")
    assert participants.load(db, p.id, participants.unlock(db, "en ny lång fras")).name == "Kim Exempelsson"
    with pytest.raises(ValidationError):
        participants.unlock(db, PASSPHRASE)
