"""Register: every deltagare in a list filtered as you type, the selected one in a form beside it, and the
files (import template, import off the GUI thread, export, registerutdrag)."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.participants import GENDERS, MODES, MODES_SHORT, Participant
from ...services import participant_changes as changes
from ...services import participants as service
from ...services.errors import ServiceError, ValidationError
from ...services.participant_register import Register, RowFilter, ids_for_personnummer
from ..dialogs import confirm
from ..empty_hint import EmptyHint
from ..widgets import MessageLabel, list_view, refill
from ..widgets import combo as make_combo
from .details import ParticipantForm
from .register_files import RegisterFiles
from .register_model import RegisterModel

if TYPE_CHECKING:
    import sqlite_utils
    from PySide6.QtCore import QModelIndex

    from ..worker import Background
    from .host import ParticipantsHost

STATES = {"": "Alla", "pagaende": "Pågående", "avslutad": "Avslutade", "gallrad": "Gallrade"}


class RegisterTab(QWidget):
    """Public: reload(), apply_filter(), select(participant_id), current_id, search, insats, gender, state, year,
    mode, count, model, table, form, message, the buttons, and the actions new_participant, save_current,
    delete_current, save_template(path), import_file(path), export(path, with_identifiers), extract(path) (the
    last four through `files`, a RegisterFiles). `background` is the running import (tests wait for it)."""

    def __init__(self, page: ParticipantsHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.register: Register | None = None
        self.current_id: int | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Sök deltagar-id, insats, namn eller helt personnummer (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.insats = QComboBox()
        self.gender = make_combo({"": self.tr("Alla"), **GENDERS})
        self.state = make_combo(STATES)
        self.year = QComboBox()
        self.mode = make_combo(MODES_SHORT)
        self.mode.setToolTip(self.tr("Hur insatsen redovisar sina deltagare"))
        self.count = QLabel()
        # A fixed width: a count that changes length must not re-lay out (and repaint) the list at each key.
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("100 000 av 100 000 deltagare") + 8)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        filters = QHBoxLayout()
        for label, combo in (("Insats", self.insats), ("Redovisning", self.mode), ("Kön", self.gender),
                             ("Status", self.state), ("År", self.year)):
            filters.addWidget(QLabel(self.tr(label)))
            filters.addWidget(combo, 1 if combo is self.insats else 0)
        self.model = RegisterModel(self)
        self.table = list_view(self.model, (75, 190, 60, 72, 85, 85, 145, 125, 110, 70, 85), sort_column=-1)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.form = ParticipantForm()
        self.new_button = QPushButton(self.tr("Ny deltagare"))
        self.delete_button = QPushButton(self.tr("Ta bort…"))
        self.template_button = QPushButton(self.tr("Importmall…"))
        self.import_button = QPushButton(self.tr("Importera från Excel…"))
        self.export_button = QPushButton(self.tr("Exportera till Excel…"))
        self.extract_button = QPushButton(self.tr("Registerutdrag…"))
        actions = QHBoxLayout()
        for widget in (self.new_button, self.delete_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.template_button, self.import_button, self.export_button, self.extract_button):
            actions.addWidget(widget)
        self.message = MessageLabel()
        self.files = RegisterFiles(self, self.message, lambda: self.database, lambda: self.page.key,
                                   self.page.ensure_unlocked, self._imported)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.message)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(EmptyHint(self.form, self._hint))
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.form.setMinimumWidth(300)
        self.splitter.setSizes([900, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.search.textChanged.connect(lambda: self.apply_filter())
        for combo in (self.insats, self.gender, self.state, self.year):
            combo.currentIndexChanged.connect(lambda: self.apply_filter())
        self.insats.currentIndexChanged.connect(self._show_mode)
        self.mode.activated.connect(self._mode_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.layoutChanged.connect(lambda: self._reselect())
        self.new_button.clicked.connect(self.new_participant)
        self.delete_button.clicked.connect(self.delete_current)
        self.template_button.clicked.connect(lambda: self.save_template())
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export())
        self.extract_button.clicked.connect(lambda: self.extract())
        self.form.save_requested.connect(self.save_current)
        self.form.reveal_requested.connect(self._reveal_needs_unlock)

    # ------------------------------------------------------------------ the list
    @property
    def db(self) -> sqlite_utils.Database | None:
        return self.page.db

    @property
    def database(self) -> sqlite_utils.Database:
        """The open file (the tab acts only once the page has one)."""
        assert self.page.db is not None, "no file is open"
        return self.page.db

    @property
    def chosen_insats(self) -> int | None:
        chosen: int | None = self.insats.currentData()
        return chosen

    def reload(self) -> None:
        """Read the register again (after a change elsewhere, an import, a new file)."""
        if self.db is None:
            return
        self.register = Register(self.database)
        self.model.set_context(self.register.insats_names, self.register.category_labels)
        self._fill_combos()
        self.model.set_rows(self.register.rows)
        self.apply_filter()
        self.show_current()

    def _fill_combos(self) -> None:
        db = self.database
        refill(self.insats, [(self.tr("Alla insatser"), None), *((c.name, c.id) for c in service.insatser(db))],
               self.insats.currentData())
        refill(self.year, [(self.tr("Alla år"), None), *((str(y), y) for y in reversed(service.years(db)))],
               self.year.currentData())
        self._show_mode()

    def _show_mode(self) -> None:
        insats_id = self.chosen_insats
        self.mode.setEnabled(insats_id is not None)
        if insats_id is not None and self.db is not None:
            self.mode.setCurrentIndex(self.mode.findData(service.mode_of(self.database, insats_id)))
        else:
            self.mode.setCurrentIndex(-1)  # each insats has its own; none is shown for "Alla insatser"

    def _mode_chosen(self) -> None:
        insats_id, mode = self.chosen_insats, self.mode.currentData()
        if insats_id is None or mode == service.mode_of(self.database, insats_id):
            return
        try:
            self.page.push(changes.set_mode(self.database, insats_id, mode))
        except ServiceError as exc:
            self.message.show_error(str(exc))
            self._show_mode()
            return
        self.message.show_info(self.tr("”%s” redovisar nu: %s.") % (self.insats.currentText(), MODES[mode].lower()))
        self.page.refresh_tabs()

    def current_filter(self) -> RowFilter:
        return RowFilter(self.search.text(), self.chosen_insats, self.gender.currentData() or "",
                                 self.state.currentData() or "", self.year.currentData())

    def apply_filter(self) -> None:
        register = self.register
        if register is None:
            return
        f = self.current_filter()
        key = self.page.key
        if key is not None and any(ch.isalpha() for ch in f.text) and not register.names_loaded:
            register.load_names(self.database, key)
        person_ids = ids_for_personnummer(self.database, key, f.text)
        self.table.selectionModel().blockSignals(True)
        self.model.set_filter(lambda rows: register.filter(rows, f, person_ids))
        self._reselect()
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%d av %d deltagare") % (len(self.model.rows), len(register)))

    def refresh(self, ids: list[int]) -> None:
        """Show these records as they are now (saved, new or removed) without reading the whole register."""
        if self.register is None:
            self.reload()
            return
        changed, removed = self.register.update(self.database, ids, self.page.key)
        self.table.selectionModel().blockSignals(True)
        self.model.update_rows(changed, removed)
        self._reselect()
        self.table.selectionModel().blockSignals(False)
        self.count.setText(self.tr("%d av %d deltagare") % (len(self.model.rows), len(self.register)))
        self.show_current()

    def forget_names(self) -> None:
        """Locked: the decrypted names leave memory; the list filters without them again; an import stops."""
        self.files.forget_key()
        if self.register is not None:
            self.register.forget_names()
            self.apply_filter()

    def _reselect(self) -> None:
        row = self.model.row_of(self.current_id)
        if row >= 0:
            self.table.selectRow(row)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.model.row_at(current.row()) if current.isValid() else None
        new_id = self.model.row_id(found) if found is not None else None
        if new_id == self.current_id:
            return
        if not self.save_if_dirty():
            self.table.selectionModel().blockSignals(True)
            self._reselect()
            self.table.selectionModel().blockSignals(False)
            return
        self.current_id = new_id
        self.show_current()

    def select(self, participant_id: int) -> None:
        self.current_id = participant_id
        if self.model.row_of(participant_id) < 0:  # not shown: clear the filters
            self.search.clear()
            for combo in (self.insats, self.gender, self.state, self.year):
                combo.setCurrentIndex(0)
        self._reselect()
        self.show_current()

    def _hint(self) -> str:
        if self.db is None or self.model.rowCount():
            return self.tr("Välj en deltagare i listan.")
        if not self._insats_choices():
            return self.tr("Deltagare hör till en insats som följer deltagare. Skapa först insatsen under "
                           "Insatser, sedan deltagarna här med Ny deltagare.")
        return self.tr("Inga deltagare att visa. Lägg till den första med Ny deltagare, eller flera på en gång "
                       "med Importera från Excel…")

    def _insats_choices(self) -> list[tuple[int, str]]:
        return [(c.id, c.name) for c in service.insatser(self.database) if c.mode == "individ"]

    def show_current(self) -> None:
        p = None
        if self.current_id is not None:
            try:
                p = service.load(self.database, self.current_id, self.page.key)
            except ServiceError as exc:
                self.message.show_error(str(exc))
                self.current_id = None
        self.form.show_participant(p, self._insats_choices(), service.categories(self.database), self.page.key is None)

    def _reveal_needs_unlock(self) -> None:
        if self.page.ensure_unlocked():
            self.show_current()
            self.form.reveal_button.click()

    # ------------------------------------------------------------------ the files
    @property
    def background(self) -> Background | None:
        return self.files.background

    def _insats_for_files(self) -> int | None:
        if self.chosen_insats is None:
            self.message.show_error(self.tr("Välj insatsen i listan Insats först."))
        return self.chosen_insats

    def save_template(self, path: str | None = None) -> None:
        insats_id = self._insats_for_files()
        if insats_id is not None:
            self.files.save_template(insats_id, self.insats.currentText(), path)

    def import_file(self, path: str | None = None) -> None:
        insats_id = self._insats_for_files()
        if insats_id is not None:
            self.files.import_file(insats_id, path)

    def _imported(self, ids: list[int]) -> None:
        self.page.push(changes.imported(self.database, ids))
        self.reload()
        self.page.changed.emit()

    def export(self, path: str | None = None, with_identifiers: bool | None = None) -> None:
        self.files.export([self.model.row_id(r) for r in self.model.rows], path, with_identifiers)

    def extract(self, path: str | None = None) -> None:
        """Registerutdrag: everything held about the selected person, in every insats, as a PDF."""
        if self.current_id is None:
            self.message.show_error(self.tr("Välj deltagaren i listan först."))
            return
        self.files.extract(self.current_id, path)

    # ------------------------------------------------------------------ one record
    def save_if_dirty(self) -> bool:
        return not self.form.is_dirty() or self.save_current()

    def save_current(self) -> bool:
        p = self.form.read()
        if p is None:
            return False
        try:
            self.page.push(changes.save(self.database, p, self.page.key))
        except ValidationError as exc:
            self.form.show_errors(exc.fields)
            return False
        assert p.id is not None  # saved
        self.current_id = p.id
        self.refresh([p.id])
        self.form.message.show_info(self.tr("Sparat."))
        self.page.changed.emit()
        return True

    def new_participant(self) -> None:
        """A new record for the insats the list is filtered to (asking to give it a register when it only counts
        participants); with "Alla insatser", for the first insats with a register, its choice in focus."""
        if not self.save_if_dirty():
            return
        insats_id = self.chosen_insats
        if insats_id is not None and not self._keeps_register(insats_id):
            return
        choices = self._insats_choices()
        if insats_id is None:
            if not choices:
                self.message.show_error(self.tr("Ingen insats för register över enskilda deltagare. Välj en insats "
                                                "och ”%s” som redovisning.") % MODES["individ"])
                return
            insats_id = choices[0][0]
        self.current_id = None
        self.table.clearSelection()
        self.form.show_participant(Participant(insats_id, start=date.today()), choices,
                                   service.categories(self.database), self.page.key is None)
        self.form.fields["code" if self.chosen_insats is not None else "insats_id"].setFocus()

    def _keeps_register(self, insats_id: int) -> bool:
        """True when the insats has a register of individual participants, or the user gives it one now."""
        if service.mode_of(self.database, insats_id) == "individ":
            return True
        name = self.insats.currentText()
        if not confirm(self, self.tr("Ny deltagare"), self.tr(
                "”%s” redovisar bara antal deltagare per period, inte enskilda deltagare.\n\nByta redovisning till "
                "”%s” och lägga till deltagaren?") % (name, MODES["individ"].lower())):
            self.message.show_info(self.tr("Ingen deltagare lades till: ”%s” redovisar antal per period. Byt under "
                                           "Redovisning för att föra register.") % name)
            return False
        try:
            self.page.push(changes.set_mode(self.database, insats_id, "individ"))
        except ServiceError as exc:
            self.message.show_error(str(exc))
            return False
        self._show_mode()
        self.message.show_info(self.tr("”%s” redovisar nu: %s (Ctrl+Z ångrar).") % (name, MODES["individ"].lower()))
        return True

    def delete_current(self) -> None:
        if self.current_id is None:
            return
        participant_id = self.current_id
        p = service.load(self.database, participant_id)
        if not confirm(self, self.tr("Ta bort deltagare"),
                       self.tr("Ta bort deltagaren %s med alla uppgifter?") % p.code):
            return
        self.page.push(changes.delete(self.database, participant_id))
        self.current_id = None
        self.refresh([participant_id])
        self.message.show_info(self.tr("Deltagaren är borttagen (Ctrl+Z ångrar)."))
        self.page.changed.emit()
