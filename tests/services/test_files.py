"""services.files: the one door for opening, creating and copying a förbund's file."""
import sqlite3

import pytest

from finsamdesk.services import applications, files, registers
from finsamdesk.services.errors import ServiceError
from tests.fixtures.closing import close_at_end


def test_new_file_names_the_forbund_and_is_empty_of_applications(tmp_path):
    db = close_at_end(files.new_file(tmp_path / "nytt.sqlite", "  Samordningsförbundet Nytt  "))
    assert registers.forbund(db).name == "Samordningsförbundet Nytt"
    assert applications.list_rows(db) == []
    assert not files.is_empty(db)
    assert files.is_empty(close_at_end(files.new_file(tmp_path / "utan namn.sqlite", "")))


def test_new_file_refuses_to_overwrite_an_existing_file(tmp_path):
    path = tmp_path / "finns.sqlite"
    files.new_file(path, "Första").conn.close()
    before = path.read_bytes()
    with pytest.raises(files.FileOpenError, match="finns redan"):
        files.new_file(path, "Andra")
    assert path.read_bytes() == before


def test_open_file_without_create_refuses_a_missing_file(tmp_path):
    with pytest.raises(files.FileOpenError, match="finns inte"):
        files.open_file(tmp_path / "saknas.sqlite", create=False)
    assert not (tmp_path / "saknas.sqlite").exists()


def test_a_newer_file_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "nyare.sqlite"
    files.new_file(path, "Förbundet").conn.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(files.NewerFileError, match="nyare version") as info:
        files.open_file(path)
    assert isinstance(info.value, ServiceError)
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"inte en databas" * 100, None])
def test_something_else_is_refused_as_not_a_finsamdesk_file(tmp_path, content):
    path = tmp_path / "annat.sqlite"
    if content is None:  # a SQLite file of some other program
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE kunder (namn TEXT)")
        conn.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(files.FileOpenError, match="ingen finsamdesk-fil"):
        files.open_file(path)
    assert path.read_bytes() == before


def test_save_copy_writes_a_file_that_opens_with_the_same_content(tmp_path):
    db = close_at_end(files.new_file(tmp_path / "original.sqlite", "Förbundet"))
    applications.create(db, "neutral", "Åbergs insats")
    target = files.save_copy(db, tmp_path / "kopia.sqlite")
    copy = close_at_end(files.open_file(target, create=False))
    assert [r.name for r in applications.list_rows(copy)] == ["Åbergs insats"]
    assert registers.forbund(copy).name == "Förbundet"


def test_save_copy_refuses_the_open_file_and_a_missing_folder(tmp_path):
    path = tmp_path / "original.sqlite"
    db = close_at_end(files.new_file(path, "Förbundet"))
    applications.create(db, "neutral", "Kvar")
    with pytest.raises(ServiceError, match="öppna filen"):
        files.save_copy(db, path)
    with pytest.raises(ServiceError, match="finns inte"):
        files.save_copy(db, tmp_path / "saknad mapp" / "kopia.sqlite")
    assert [r.name for r in applications.list_rows(db)] == ["Kvar"]
    assert files.file_path(db) == path.resolve()


def test_the_window_title_and_status_bar_read_what_the_registers_hold(tmp_path):
    """files.forbund_heading and overview.register_counts read the förbund and the registers without loading
    them (start-up); they say what services.registers says."""
    from finsamdesk.domain.registers import Contact, Forbund, Organisation
    from finsamdesk.services import demo, overview

    db = close_at_end(files.new_file(tmp_path / "ny.sqlite", ""))
    assert files.forbund_heading(db) == ("", False) and overview.register_counts(db) == (0, 0)
    registers.save_forbund(db, Forbund(name="Samordningsförbundet Provet"))
    registers.save_organisation(db, Organisation("Provkommunen"))
    registers.save_contact(db, Contact("Pia Prov"))
    assert files.forbund_heading(db) == ("Samordningsförbundet Provet", False)
    assert overview.register_counts(db) == (1, 1)
    example = close_at_end(files.new_file(tmp_path / "exempel.sqlite", ""))
    demo.create_example(example)
    forbund = registers.forbund(example)
    assert files.forbund_heading(example) == (forbund.name, True)
    assert overview.register_counts(example) == (len(registers.organisations(example)),
                                                 len(registers.contacts(example)))
