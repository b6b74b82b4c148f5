"""Arbetskopior (issue 17) on real files: taking a copy, working on it, merging it back — new rows from both sides
once, changes where only one side changed, conflicts where both did, provisional numbers renumbered, merging twice
harmless, copies merged in either order, and no personal data in a copy without the register."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain import sync as rules
from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.domain.participants import Participant
from finsamdesk.services import applications, files, insatser, participants
from finsamdesk.services import working_copies as wc
from finsamdesk.services.errors import ValidationError
from tests.fixtures.closing import close_at_end
from tests.fixtures.participant_files import PASSPHRASE, TODAY, new_register


def _open(path: Path):
    return close_at_end(files.open_file(path))


def _invoices(db) -> dict[int, tuple[int, str]]:
    return {i: (a, n) for i, a, n in db.execute("SELECT id, amount_ore, note FROM invoice")}


@pytest.fixture
def main(tmp_path):
    db, key, insats_id = new_register(tmp_path, "huvudfil.sqlite")
    close_at_end(db)
    other = insatser.save(db, Insats("Annan insats", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    for ins, amount in ((insats_id, 100_00), (other.id, 200_00)):
        insatser.save_invoice(db, Invoice(ins, date(2026, 2, 1), amount, "Personal", note="grund"))
    participants.save(db, Participant(insats_id, start=date(2026, 2, 1), gender="man", birth_year=1981,
                                      personnummer="19811218-9876", name="Kim Hemlig", consent_how="UNIKTSAMTYCKE",
                                      consent_date=date(2026, 2, 1)), key, TODAY)
    return db, key, insats_id, other.id


def test_a_copy_is_a_whole_file_that_knows_it_is_a_copy_and_the_main_file_lists_it(main, tmp_path):
    db, _key, _insats, _other = main
    info = wc.take_copy(db, tmp_path / "Anna #1 på resa.sqlite", label="Anna")
    again = wc.take_copy(db, tmp_path / "Bo.sqlite")
    assert [c.label for c in wc.copies(db)] == ["Anna", "Bo"] and info.scope_text == "hela filen, med deltagarregistret"
    copy = _open(tmp_path / "Anna #1 på resa.sqlite")
    assert wc.this_copy(copy).copy_id == info.copy_id and wc.this_copy(db) is None
    assert len(_invoices(copy)) == 2 and again.copy_id != info.copy_id
    assert participants.unlock(copy, PASSPHRASE) is not None  # protected as the file is, with the same passphrase
    with pytest.raises(ValidationError, match="själv en arbetskopia"):
        wc.take_copy(copy, tmp_path / "kopia av kopia.sqlite")
    with pytest.raises(ValidationError, match=".sqlite-fil"):
        wc.take_copy(db, tmp_path / "fel.txt")


def test_a_copy_of_chosen_insatser_without_the_register_holds_no_personal_data_at_all(main, tmp_path):
    db, _key, insats_id, other = main
    target = tmp_path / "ekonom.sqlite"
    info = wc.take_copy(db, target, insats_ids=[other], with_register=False)
    assert info.scope_text == "insatserna Annan insats, utan deltagarregistret"
    raw = target.read_bytes()
    for secret in (b"UNIKTSAMTYCKE", b"Steget vidare"):  # not even in free pages
        assert secret not in raw
    copy = _open(target)
    assert copy.execute("SELECT count(*) FROM participant").fetchone() == (0,)
    assert copy.execute("SELECT count(*) FROM protection").fetchone() == (0,)
    assert [i.name for i in [insatser.load(copy, r.id) for r in insatser.list_rows(copy, 2026)]] == ["Annan insats"]
    assert copy.execute("PRAGMA foreign_key_check").fetchall() == []


def test_rows_added_on_both_sides_come_in_once_and_merging_twice_changes_nothing(main, tmp_path):
    db, _key, insats_id, _other = main
    wc.take_copy(db, tmp_path / "a.sqlite")
    copy = _open(tmp_path / "a.sqlite")
    insatser.save_invoice(copy, Invoice(insats_id, date(2026, 3, 1), 300_00, "Personal", note="från kopian"))
    insatser.save_invoice(db, Invoice(insats_id, date(2026, 3, 2), 400_00, "Personal", note="från huvudfilen"))
    preview = wc.preview(db, tmp_path / "a.sqlite")
    assert [(c.table, c.added) for c in preview.counts] == [("invoice", 1)] and not preview.conflicts
    report = wc.merge(db, preview, {})
    assert report.counts == [rules.TableCount("invoice", 1, 0, 0)]
    notes = sorted(n for _a, n in _invoices(db).values())
    assert notes == ["från huvudfilen", "från kopian", "grund", "grund"]
    again = wc.preview(db, tmp_path / "a.sqlite")
    assert again.nothing_to_do
    wc.discard(again)
    # the copy goes on being used: only what is new since the merge comes in
    insatser.save_invoice(copy, Invoice(insats_id, date(2026, 4, 1), 500_00, "Personal", note="senare"))
    later = wc.preview(db, tmp_path / "a.sqlite")
    assert [(c.table, c.added) for c in later.counts] == [("invoice", 1)]
    wc.merge(db, later, {})
    assert sorted(n for _a, n in _invoices(db).values()).count("från kopian") == 1
    assert wc.copies(db)[0].merges == 2


def test_both_sides_changing_one_row_is_a_conflict_shown_with_main_copy_and_base(main, tmp_path):
    db, _key, insats_id, _other = main
    wc.take_copy(db, tmp_path / "a.sqlite")
    copy = _open(tmp_path / "a.sqlite")
    [mine] = [i for i in insatser.invoices(db, insats_id)]
    for side, amount, note in ((db, 111_00, "grund"), (copy, 222_00, "ändrad i kopian")):
        changed = [i for i in insatser.invoices(side, insats_id)][0]
        changed.amount, changed.note = amount, note
        insatser.save_invoice(side, changed)
    preview = wc.preview(db, tmp_path / "a.sqlite")
    [conflict] = preview.conflicts
    assert (conflict.table, conflict.kind, conflict.differing) == ("invoice", rules.BOTH_CHANGED,
                                                                   ("amount_ore", "note"))
    assert [conflict.value(s, "amount_ore") for s in ("base", "main", "copy")] == [100_00, 111_00, 222_00]
    assert conflict.suggested == {"note": rules.COPY}  # only the copy changed the note
    with pytest.raises(ValidationError, match="inte avgjorda"):
        wc.merge(db, preview, {})
    wc.merge(db, preview, {conflict.id: {"amount_ore": rules.MAIN, "note": rules.COPY}})
    assert _invoices(db)[mine.id] == (111_00, "ändrad i kopian")


def test_provisional_numbers_on_a_copy_get_real_ones_on_the_merge_and_are_reported(main, tmp_path):
    db, key, insats_id, _other = main
    wc.take_copy(db, tmp_path / "a.sqlite")
    copy = _open(tmp_path / "a.sqlite")
    on_copy = applications.create(copy, "neutral", "Ny på resan", today=date(2026, 5, 1))
    person = participants.save(copy, Participant(insats_id, start=date(2026, 5, 1), gender="man", birth_year=1980),
                               participants.unlock(copy, PASSPHRASE), TODAY)
    assert (on_copy.diarienummer, person.code) == ("2026-P001", "P00001")
    in_main = applications.create(db, "neutral", "Ny hemma", today=date(2026, 5, 1))
    participants.save(db, Participant(insats_id, start=date(2026, 5, 1), gender="man", birth_year=1970), key, TODAY)
    report = wc.merge(db, (preview := wc.preview(db, tmp_path / "a.sqlite")), {})
    assert not preview.conflicts
    assert {(r.what, r.old, r.new) for r in report.renumbered} == {("diarienummer", "2026-P001", "2026-002"),
                                                                   ("deltagar-id", "P00001", "D00003")}
    assert in_main.diarienummer == "2026-001"
    assert applications.load(db, on_copy.id).diarienummer == "2026-002"
    assert participants.load(db, person.id).code == "D00003"


def test_two_copies_merged_in_either_order_give_the_same_file(main, tmp_path):
    db, _key, insats_id, _other = main
    made = {}
    for name in ("a", "b"):
        wc.take_copy(db, tmp_path / f"{name}.sqlite")
        copy = _open(tmp_path / f"{name}.sqlite")
        insatser.save_invoice(copy, Invoice(insats_id, date(2026, 6, 1), 10_00, "Personal", note=f"från {name}"))
        made[name] = copy
    import shutil

    shutil.copy(tmp_path / "huvudfil.sqlite", tmp_path / "andra.sqlite")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(tmp_path / "huvudfil.sqlite", tmp_path / "andra.sqlite")
    other = _open(tmp_path / "andra.sqlite")
    for target, order in ((db, "ab"), (other, "ba")):
        for name in order:
            wc.merge(target, wc.preview(target, tmp_path / f"{name}.sqlite"), {})
    assert sorted(_invoices(db).items()) == sorted(_invoices(other).items())


def test_a_row_the_copy_needs_that_the_main_file_deleted_is_put_back(main, tmp_path):
    db, _key, _insats, _other = main
    empty = insatser.save(db, Insats("Ny insats", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31)))
    wc.take_copy(db, tmp_path / "a.sqlite")
    copy = _open(tmp_path / "a.sqlite")
    insatser.save_invoice(copy, Invoice(empty.id, date(2026, 7, 1), 70_00, "Personal", note="på borttagen"))
    insatser.delete(db, empty.id)
    preview = wc.preview(db, tmp_path / "a.sqlite")
    assert any("Ny insats" in n and "lagts tillbaka" in n for n in preview.notes)  # said before it is done
    report = wc.merge(db, preview, {})
    assert any("lagts tillbaka" in n for n in report.notes)
    assert insatser.load(db, empty.id).name == "Ny insats"
    assert "på borttagen" in {n for _a, n in _invoices(db).values()}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_copy_from_another_file_or_a_plain_file_is_refused_and_nothing_changes(main, tmp_path):
    db, _key, _insats, _other = main
    stranger = close_at_end(files.new_file(tmp_path / "annan.sqlite", "Annat förbund"))
    wc.take_copy(stranger, tmp_path / "främmande.sqlite")
    with pytest.raises(ValidationError, match="annan fil"):
        wc.preview(db, tmp_path / "främmande.sqlite")
    with pytest.raises(ValidationError, match="ingen arbetskopia"):
        wc.preview(db, tmp_path / "annan.sqlite")


def test_a_copy_whose_passphrase_was_changed_is_refused_before_anything_is_written(main, tmp_path):
    db, key, insats_id, _other = main
    wc.take_copy(db, tmp_path / "a.sqlite")
    copy = _open(tmp_path / "a.sqlite")
    copy_key = participants.change_passphrase(copy, PASSPHRASE, "en helt ny lösenfras", "en helt ny lösenfras",
                                              new_key=True)
    participants.save(copy, Participant(insats_id, start=date(2026, 5, 1), gender="man", birth_year=1990,
                                        name="Ny Person", consent_date=date(2026, 5, 1), consent_how="Skriftligt"),
                      copy_key, TODAY)
    before = _invoices(db)
    with pytest.raises(ValidationError, match="Lösenfrasen"):
        wc.preview(db, tmp_path / "a.sqlite")
    assert _invoices(db) == before and participants.unlock(db, PASSPHRASE) is not None
