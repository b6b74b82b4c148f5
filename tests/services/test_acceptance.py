"""The issue's 'done when', at the service level: both seed applications entered exactly as printed,
one taken through beredning and styrelse to a decision, both printed, the PDFs read back."""
from datetime import date
from io import BytesIO

import pypdf

from finsamdesk.domain.application import SOUGHT
from finsamdesk.domain.registers import Forbund
from finsamdesk.services import applications, printing, registers
from finsamdesk.store.connection import open_database
from tests.fixtures.closing import close_at_end
from tests.fixtures.seed_applications import pas, spranget


def pdf_text(path) -> str:
    reader = pypdf.PdfReader(BytesIO(path.read_bytes()))
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)


def test_seed_applications_to_decision_and_print(tmp_path):
    db = close_at_end(open_database(tmp_path / "nnv.sqlite"))
    registers.save_forbund(db, Forbund("Samordningsförbundet NNV Skåne", "222000-1313",
                                       default_template="nnv-skane-2020"))

    sp = spranget()
    sp.diarienummer = applications.new_application(db, sp.template_id, date(2021, 1, 7)).diarienummer
    applications.save(db, sp)
    assert sp.diarienummer == "2021-001"
    assert not [p for p in applications.problems(sp) if p.severity == "error"]
    tidplan = [p.message for p in applications.problems(sp) if p.where == "tidplan"]
    assert tidplan == ["Glapp mellan ”Genomförandefas” och ”Implementeringsfas”: 2022-10-31 ingår i ingen fas."]

    steps = [("inkommen", date(2021, 1, 7), "Inkom per e-post", None),
             ("beredning", date(2021, 2, 3), "Utvecklings- och beredningsgruppen tillstyrker", None),
             ("styrelse", date(2021, 3, 10), "Till styrelsen", None),
             ("beviljad", date(2021, 3, 24), "Beviljas för 2022", {2022: 1_180_000_00})]
    for status, when, note, granted in steps:
        applications.change_status(db, sp.id, status, when, note, "Förbundschefen", granted)
    saved = applications.load(db, sp.id)
    assert saved.status == "beviljad"
    assert [e.status for e in saved.history] == ["inkommen", "beredning", "styrelse", "beviljad"]
    assert saved.granted_by_year == {2022: 1_180_000_00}
    assert saved.sections == sp.sections and saved.contacts == sp.contacts and saved.budget == sp.budget

    ps = pas()
    ps.diarienummer = "2019-012"
    applications.save(db, ps)
    assert applications.load(db, ps.id).budget.column_total(SOUGHT, 2020) == 635_000_00

    sp_pdf = printing.print_application(db, sp.id, tmp_path / "spranget.pdf")
    ps_pdf = printing.print_application(db, "2019-012", tmp_path / "pas.pdf")
    sp_text, ps_text = pdf_text(sp_pdf), pdf_text(ps_pdf)
    assert "Samordningsförbundet NNV Skåne" in sp_text and "2021-001" in sp_text
    assert "TOTALT 500 tkr 1 180 tkr" in sp_text
    assert "Klippan 2021-01-05" in sp_text
    assert "Summa kostnader 635 000 820 000 820 000" in ps_text and "735 000" not in ps_text
    assert "Startdatum: 1 juni 2020 Slutdatum: 31 dec 2022" in ps_text
