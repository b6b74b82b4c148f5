"""Organisationer and Kontaktpersoner."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from ...domain.registers import ORGANISATION_KINDS, Contact, Organisation
from ...services import registers
from ..widgets import search_anywhere
from .register_page import RegisterPage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class OrganisationsPage(RegisterPage[Organisation]):
    columns = ("Namn", "Organisationsnummer", "Typ", "Medlem", "CFAR")
    noun = "organisationen"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        for key, text in ORGANISATION_KINDS.items():
            self.kind.addItem(text, key)
        self.member = QCheckBox(self.tr("Part i förbundet (medlem)"))
        for key, label, widget in (
                ("name", "Namn", QLineEdit()), ("orgnr", "Organisationsnummer", QLineEdit()),
                ("kind", "Typ", self.kind), ("member", "", self.member), ("cfar", "CFAR-nummer", QLineEdit()),
                ("address", "Adress", QLineEdit()),
                ("phone", "Telefon", QLineEdit()), ("email", "E-post", QLineEdit())):
            self.add_field(key, self.tr(label), widget)
        self.lines["orgnr"].setPlaceholderText("NNNNNN-NNNN")
        self.lines["cfar"].setPlaceholderText(self.tr("8 siffror"))

    def load_records(self) -> list[Organisation]:
        return registers.organisations(self.database)

    def cells(self, o: Organisation) -> list[str]:
        return [o.name, o.orgnr, ORGANISATION_KINDS.get(o.kind, o.kind), "Ja" if o.member else "Nej", o.cfar]

    def new_record(self) -> Organisation:
        return Organisation("", kind="kommun")

    def show_record(self, o: Organisation) -> None:
        for key in ("name", "orgnr", "cfar", "address", "phone", "email"):
            self.lines[key].setText(getattr(o, key))
        self.kind.setCurrentIndex(max(0, self.kind.findData(o.kind)))
        self.member.setChecked(o.member)

    def read_form(self, record_id: int | None) -> Organisation:
        f = self.lines
        return Organisation(f["name"].text().strip(), f["orgnr"].text().strip(), self.kind.currentData(),
                            self.member.isChecked(), f["cfar"].text().strip(), f["address"].text().strip(),
                            f["phone"].text().strip(), f["email"].text().strip(), record_id)

    def save(self, record: Organisation) -> dict[str, str]:
        return registers.save_organisation(self.database, record)

    def delete(self, record_id: int) -> None:
        registers.delete_organisation(self.database, record_id)


class ContactsPage(RegisterPage[Contact]):
    columns = ("Namn", "Organisation", "Titel", "Telefon", "E-post")
    noun = "kontaktpersonen"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.organisation = QComboBox()
        self.organisation.setEditable(True)
        search_anywhere(self.organisation)
        for key, label, widget in (
                ("name", "Namn", QLineEdit()), ("organisation", "Organisation", self.organisation),
                ("title", "Titel", QLineEdit()), ("phone", "Telefon", QLineEdit()), ("email", "E-post", QLineEdit())):
            self.add_field(key, self.tr(label), widget)
        self._orgs: dict[int, str] = {}

    def load_records(self) -> list[Contact]:
        self._orgs = {o.id: o.name for o in registers.organisations(self.database) if o.id is not None}
        self.organisation.clear()
        self.organisation.addItem("", None)
        for org_id, name in self._orgs.items():
            self.organisation.addItem(name, org_id)
        return registers.contacts(self.database)

    def cells(self, c: Contact) -> list[str]:
        known = self._orgs.get(c.organisation_id) if c.organisation_id is not None else None
        return [c.name, known if known is not None else c.organisation_text, c.title, c.phone, c.email]

    def new_record(self) -> Contact:
        return Contact("")

    def show_record(self, c: Contact) -> None:
        for key in ("name", "title", "phone", "email"):
            self.lines[key].setText(getattr(c, key))
        index = self.organisation.findData(c.organisation_id) if c.organisation_id else -1
        if index >= 0:
            self.organisation.setCurrentIndex(index)
        else:
            self.organisation.setEditText(c.organisation_text)

    def read_form(self, record_id: int | None) -> Contact:
        f = self.lines
        text = self.organisation.currentText().strip()
        org_id = next((i for i, n in self._orgs.items() if n == text), None)
        return Contact(f["name"].text().strip(), org_id, "" if org_id else text, f["title"].text().strip(),
                       f["phone"].text().strip(), f["email"].text().strip(), record_id)

    def save(self, record: Contact) -> dict[str, str]:
        return registers.save_contact(self.database, record)

    def delete(self, record_id: int) -> None:
        registers.delete_contact(self.database, record_id)
