import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from finsamdesk.domain.application import SOUGHT, Applicant, Application, Budget
from finsamdesk.domain.budget import BudgetYear
from finsamdesk.domain.insatser import Insats, Invoice
from finsamdesk.store import applications
from finsamdesk.store import budget as budget_store
from finsamdesk.store import insatser as insats_store
from finsamdesk.store.backups import copy_database
from finsamdesk.store.connection import (
    FileError,
    NewerFileError,
    open_database,
)
from finsamdesk.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db_versions"


def test_no_sqlite_utils_plugin_is_looked_up_or_run_on_the_file(tmp_path, monkeypatch):
    """A plugin installed beside finsamdesk must not change how the file is read; and looking them up (every
    package's entry points) is start-up time (benchmarks/startup.py)."""
    import sqlite_utils.db

    def refuse(*_args, **_kwargs):
        raise AssertionError("sqlite-utils plugins looked up")

    monkeypatch.setattr(sqlite_utils.db, "ensure_plugins_loaded", refuse)
    path = tmp_path / "f.sqlite"
    open_database(path).conn.close()
    open_database(path).conn.close()
    open_database(path, read_only=True).conn.close()


def test_new_file_has_pragmas_strict_tables_and_version(tmp_path):
    with closing(open_database(tmp_path / "f.sqlite")) as db:
        assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert db.journal_mode == "wal"
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert "STRICT" in db["application"].schema
        with pytest.raises(sqlite3.IntegrityError):
            db["budget_cell"].insert({"application_id": 999, "category": "x", "column_kind": SOUGHT, "year": 1,
                                      "amount_ore": 1})


def test_newer_file_is_refused_and_not_touched(tmp_path):
    path = tmp_path / "ny.sqlite"
    open_database(path).conn.close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    with pytest.raises(NewerFileError, match="nyare version"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_sqlite_and_garbage_files_refused(tmp_path):
    other = tmp_path / "annan.sqlite"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE kund (id INTEGER)")
    with pytest.raises(FileError, match="ingen finsamdesk-fil"):
        open_database(other)
    junk = tmp_path / "skrap.sqlite"
    junk.write_bytes(b"inte en databas" * 100)
    with pytest.raises(FileError):
        open_database(junk)


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("v*.sqlite")), ids=lambda p: p.name)
def test_every_released_schema_version_opens_with_its_data(tmp_path, fixture):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    version = int(fixture.stem[1:])
    with closing(open_database(path)) as db:
        rows = applications.list_rows(db)
        assert [r.name for r in rows if r.direction == "received"] == ["Fixturansökan"]
        assert rows[0].sought_ore == 1_180_000_00
        if version >= 2:
            from finsamdesk.services import budget, insatser

            [row] = insatser.list_rows(db, 2022)
            assert (row.name, row.granted, row.spent) == ("Fixturinsats", 1_000_000_00, 90_000_00)
            assert budget.sheet(db, 2022).row("medlemsbidrag").values[0] == 4_000_000_00
        if version >= 3:
            from finsamdesk.services import participants

            key = participants.unlock(db, FIXTURE_PASSPHRASE)
            [row] = participants.Register(db).rows
            r = participants.Row
            assert (row[r.CODE], row[r.FLAGS] & r.MAN, row[r.BIRTH_YEAR]) == ("D00001", 0, 1981)
            assert participants.load(db, row[r.ID], key).name == "Fixtur Deltagare"
        if version >= 4:
            from finsamdesk.services import meetings

            [m] = meetings.list_rows(db)
            meeting = meetings.load(db, m.id)
            assert (meeting.place, meeting.items[0].granted, meeting.items[0].jav) == (
                "Fixturrummet", {2022: 1_000_000_00}, ["Ordf Fixtur"])
        if version >= 5:
            own = applications.load(db, next(r.id for r in applications.list_rows(db) if r.direction == "outgoing"))
            assert (own.funder_dnr, own.esf.call.rates, own.esf.spec_lines[0].months) == ("22-012-S99", {5: 71_530},
                                                                                          21)
        else:
            assert {r.direction for r in applications.list_rows(db)} == {"received"}
        if version >= 6:
            [applicant] = applications.load(db, next(r.id for r in rows if r.name == "Fixturansökan")).applicants
            assert (applicant.organisation_name, applicant.orgnr) == ("Fixturföreningen", "802400-1234")
        if version >= 7:
            from finsamdesk.services import report_data, year_report

            insats = insatser.load(db, insatser.list_rows(db, 2022)[0].id)
            assert (insats.inriktning, insats.esf, insats.structural_share, insats.planned_structural) == (
                "bada", True, 25, 10)
            assert year_report.texts(db, 2022, "arsredovisning") == {"verksamhet": "Fixturens verksamhet."}
            assert year_report.amounts(db, 2022, "arsredovisning") == {"kassa": 1_234_00}
            assert report_data.letterhead(db).logo.endswith(b"fixtur")
        elif version >= 2:
            # the migration takes the inriktning from the kind
            assert insatser.load(db, insatser.list_rows(db, 2022)[0].id).inriktning == "individ"
        from finsamdesk.store import identity

        found = identity.identity(db)  # every file, migrated or not, knows itself as a main file with its own id
        assert found["role"] == "main" and len(str(found["file_id"])) == 32
        if version >= 8:
            assert found["file_id"] == "f1c7" * 8
        insats_id = db.execute("SELECT id FROM insats").fetchone()[0] if version >= 2 else None
        next_id = insats_store.save_invoice(db, Invoice(insats_id, date(2023, 1, 1), 1, "Personal")) \
            if insats_id else None
        assert next_id is None or next_id > 2**40  # new rows get random ids; the old keep theirs
    if version < SCHEMA_VERSION:
        assert list((tmp_path / "säkerhetskopior").glob("*.sqlite")), "a backup is taken before migrating"


def test_copy_is_a_consistent_file_that_opens(tmp_path):
    db = open_database(tmp_path / "a.sqlite")
    app = Application("neutral", name="Kopian", diarienummer="2026-001", budget=Budget([2026]))
    app.budget.set("Personal", SOUGHT, 2026, 100)
    with db.atomic():
        applications.save(db, app)
    copy_database(db, tmp_path / "kopia.sqlite")
    db.close()
    with closing(open_database(tmp_path / "kopia.sqlite")) as copy:
        assert [r.name for r in applications.list_rows(copy)] == ["Kopian"]


FIXTURE_PASSPHRASE = "fixturens lösenfras"


def make_fixture(path: Path) -> None:
    """Used once per released schema version: `python tests/store/test_connection.py`."""
    db = open_database(path)
    app = Application("nnv-skane-2020", name="Fixturansökan", diarienummer="2021-001",
                      period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), budget=Budget([2021, 2022]))
    app.budget.set("Personal", SOUGHT, 2022, 1_130_000_00)
    app.budget.set("Övriga kostnader", SOUGHT, 2022, 50_000_00)
    if SCHEMA_VERSION >= 6:
        app.applicants = [Applicant("Fixturkommunen", organisation_name="Fixturföreningen", orgnr="802400-1234")]
    with db.atomic():
        applications.save(db, app)
        if SCHEMA_VERSION >= 2:
            insats_id = insats_store.save_insats(db, Insats("Fixturinsats", period_start=date(2022, 1, 1),
                                                            period_end=date(2022, 12, 31), application_ids=[app.id]))
            insats_store.set_granted(db, insats_id, 2022, {"Personal": 1_000_000_00})
            insats_store.save_invoice(db, Invoice(insats_id, date(2022, 3, 31), 90_000_00, "Personal"))
            budget_store.save_year(db, BudgetYear(2022, {("medlemsbidrag", "budget"): 4_000_000_00}))
        if SCHEMA_VERSION >= 3:
            from finsamdesk.domain.participants import Participant
            from finsamdesk.store import crypto
            from finsamdesk.store import participants as participant_store

            record, key = crypto.new_keys(FIXTURE_PASSPHRASE)
            participant_store.save_key_record(db, record)
            participant_store.set_mode(db, insats_id, "individ")
            participant_store.save_participant(db, Participant(
                insats_id, "D00001", "kvinna", 1981, date(2022, 2, 1), date(2022, 10, 31), personnummer="198112189876",
                name="Fixtur Deltagare", consent_date=date(2022, 2, 1), consent_how="Skriftligt"), key)
        if SCHEMA_VERSION >= 4:
            from finsamdesk.domain.meetings import AgendaItem, Attendee, Meeting
            from finsamdesk.store import meetings as meeting_store

            meeting_store.save_meeting(db, Meeting(
                "styrelse", date(2021, 12, 1), "13.00", "Fixturrummet", "Ordf Fixtur",
                attendees=[Attendee("Ordf Fixtur", "Fixturkommun", "ordforande")],
                items=[AgendaItem("ansokan", "Ansökan 2021-001", application_id=app.id, outcome="beviljad",
                                  granted={2022: 1_000_000_00}, jav=["Ordf Fixtur"], recorded_on=date(2021, 12, 1))]))
        if SCHEMA_VERSION >= 5:
            from finsamdesk.domain.esf_parts import Call, EsfParts, SpecLine

            own = Application("esf-plus-2021-2027", name="Fixtur ESF+", diarienummer="2022-002", direction="outgoing",
                              funder="Svenska ESF-rådet", funder_dnr="22-012-S99")
            own.esf = EsfParts(call=Call(rates={5: 71_530}),
                               spec_lines=[SpecLine("personal", "Fixturförbundet", "Projektledare", level=5, grade=100,
                                                    months=21)])
            applications.save(db, own)
        if SCHEMA_VERSION >= 7:
            from finsamdesk.store import reports as report_store

            insats = insats_store.load_insats(db, insats_id)
            insats.inriktning, insats.esf, insats.structural_share, insats.planned_structural = "bada", True, 25, 10
            insats_store.save_insats(db, insats)
            insats_store.set_structural_participants(db, insats_id, 2022, 8)
            report_store.save_texts(db, 2022, "arsredovisning", {"verksamhet": "Fixturens verksamhet."})
            report_store.save_amounts(db, 2022, "arsredovisning", {"kassa": 1_234_00})
            report_store.set_logo(db, b"\x89PNG\r\n\x1a\nfixtur")
    if SCHEMA_VERSION >= 8:
        db.execute("UPDATE sync_identity SET file_id = ?", ["f1c7" * 8])  # a known id, for the test above
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.execute("PRAGMA journal_mode=DELETE")
    db.conn.close()


if __name__ == "__main__":
    make_fixture(FIXTURES / f"v{SCHEMA_VERSION}.sqlite")


def test_a_migration_takes_a_backup_first_and_moves_the_file_forward(tmp_path, monkeypatch):
    """Simulates the next schema version: the old file is copied aside before it is migrated."""
    from sqlite_utils import Migrations

    from finsamdesk.store import connection, schema

    path = tmp_path / "gammal.sqlite"
    open_database(path).conn.close()
    newer = Migrations("finsamdesk")
    for released in schema.migrations._migrations:
        newer()(released.fn)

    @newer()
    def m999_note(db):
        db["application"].add_column("note", str)

    nxt = SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "migrations", newer)  # open_database takes them from schema when needed
    monkeypatch.setattr(connection, "SCHEMA_VERSION", nxt)
    with closing(open_database(path)) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (nxt,)
        assert "note" in db["application"].columns_dict
    [backup] = (tmp_path / "säkerhetskopior").glob(f"gammal-fore-v{nxt}-*.sqlite")
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert "note" not in [r[1] for r in conn.execute("PRAGMA table_info(application)")]
