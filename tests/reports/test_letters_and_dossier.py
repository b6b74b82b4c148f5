"""Beslutsbrev from a recorded decision, påminnelser with mailto: drafts, and the revisor's dossier."""
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from finsamdesk.domain.insatser import Report
from finsamdesk.domain.letters import Recipient, Reminder, mailto
from finsamdesk.services import dossier, letters, meetings, report_files
from finsamdesk.services.errors import ServiceError

from .conftest import TODAY
from .readback import docx_headings, docx_tables, pdf_bookmarks, pdf_text, space


def _decision(db):
    """The styrelse decides an ansökan waiting for it, at a meeting, as a user would."""
    m = meetings.save(db, meetings.new_meeting(db, "styrelse", TODAY, "13.00", "Kommunhuset"))
    index = next(i for i, item in enumerate(m.items) if item.application_id is not None)
    meetings.record(db, m.id, index, "beviljad", today=TODAY)
    assert letters.decided_items(db, m.id) == [index]
    return m.id, index


def test_the_beslutsbrev_says_the_decision_amounts_reports_and_is_signed(example, tmp_path):
    meeting_id, index = _decision(example)
    item = meetings.load(example, meeting_id).items[index]
    letter = letters.decision_letter(example, meeting_id, index, TODAY)
    assert dict(letter.amounts) == {y: a for y, a in item.granted.items() if a}
    assert letter.reports and all(r.due > r.period_start and r.period_end.year in item.granted for r in letter.reports)
    docx = tmp_path / "beslutsbrev å #1.docx"
    report_files.write_decision_letter(example, meeting_id, index, docx)
    [amounts, due] = docx_tables(docx.read_bytes())
    assert amounts[-1][-1] == space(f"{letter.total // 100:,} kr".replace(",", " "))
    assert [row[0] for row in due[1:]] == [r.title for r in letter.reports]
    assert ("Heading 1", letter.title) in docx_headings(docx.read_bytes())
    pdf = tmp_path / "beslutsbrev.pdf"
    report_files.write_decision_letter(example, meeting_id, index, pdf)
    text = pdf_text(pdf.read_bytes())
    assert letter.forbundschef in text and "varje månad" in text and letter.diarienummer in text


def test_a_decision_registered_without_a_meeting_gets_its_letter_from_the_history(example, tmp_path):
    from finsamdesk.services import applications

    granted = next(r for r in applications.list_rows(example) if r.status == "beviljad")
    letter = letters.application_decision_letter(example, granted.id, TODAY)
    app = applications.load(example, granted.id)
    assert dict(letter.amounts) == app.granted_by_year and letter.paragraph is None
    out = tmp_path / "brev.docx"
    report_files.write_application_letter(example, granted.id, out)
    assert space(f"{letter.total // 100:,} kr".replace(",", " ")) in [c for t in docx_tables(out.read_bytes())
                                                                       for row in t for c in row]


def test_no_beslutsbrev_for_an_item_without_a_recorded_decision(example):
    row = next(r for r in meetings.list_rows(example) if r.kind == "beredning")
    with pytest.raises(ServiceError, match="registrerat styrelsebeslut"):
        letters.decision_letter(example, row.id, 0)


def test_reminders_for_due_reports_with_a_mail_draft_per_contact(example, tmp_path):
    [first, *_] = letters.due_report_ids(example, TODAY)
    reminder = letters.reminder(example, first, TODAY)
    mails = letters.reminder_mails(reminder)
    assert mails and all(url.startswith("mailto:") for _, url in mails)
    who, url = mails[0]
    parts = urlsplit(url)
    assert unquote(parts.path) == who.email
    query = parse_qs(parts.query)
    assert query["subject"] == [reminder.subject] and reminder.report.due.isoformat() in query["body"][0]
    assert "+" not in url  # spaces are %20: mail programs show a + literally
    out = tmp_path / "påminnelse.pdf"
    report_files.write_reminder(example, first, out)
    assert reminder.report.title in pdf_text(out.read_bytes())


def test_mailto_encodes_every_character_a_mail_program_could_misread():
    url = mailto("a.b@c.example", "Rapport & 50 % klar?", "Rad 1\nRad 2 #3")
    assert url == ("mailto:a.b@c.example?subject=Rapport%20%26%2050%20%25%20klar%3F"
                   "&body=Rad%201%0D%0ARad%202%20%233")


def test_a_reminder_of_an_overdue_report_says_so():
    report = Report(1, "tertial", "Tertialrapport T1 2026", date(2026, 5, 30))
    r = Reminder("Förbundet", "Chef", "Insatsen", report, (Recipient("Karin Ex", "k@x.example"),), date(2026, 6, 2))
    assert r.overdue and "försenad" in r.subject and "Hej Karin!" in r.body(r.recipients[0])


def test_the_dossier_holds_application_decisions_invoices_reports_and_economy(example, tmp_path):
    insats_id = example.execute("SELECT min(insats_id) FROM insats_application").fetchone()[0]
    out = tmp_path / "dossier #1 å.pdf"
    dossier.write_dossier(example, insats_id, out)
    marks = pdf_bookmarks(out.read_bytes())
    assert [m for m in marks if m in dossier.PARTS] == list(dossier.PARTS)
    assert any("ur ansökans historik" in m for m in marks)  # the example's decisions were made without a meeting
    text = pdf_text(out.read_bytes())
    assert "Fakturor" in text and "Ekonomisk sammanställning" in text and "Beviljad" in text


def test_the_dossier_has_the_protocol_extract_of_a_decision_made_at_a_meeting(example, tmp_path):
    meeting_id, index = _decision(example)
    insats_id = meetings.load(example, meeting_id).items[index].insats_id
    out = tmp_path / "dossier.pdf"
    dossier.write_dossier(example, insats_id, out)
    marks = pdf_bookmarks(out.read_bytes())
    assert f"Styrelse {TODAY.isoformat()} § {meetings.load(example, meeting_id).paragraph(index)}" in marks
    assert "Protokoll" in pdf_text(out.read_bytes())
    with pytest.raises(ServiceError, match="PDF"):
        dossier.write_dossier(example, insats_id, tmp_path / "dossier.docx")
