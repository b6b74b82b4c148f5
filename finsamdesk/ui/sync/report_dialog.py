"""What a merge brought in: the rows per kind, the numbers that got real numbers, how the conflicts were decided,
and anything the merge had to do to keep the file whole."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from ...domain.sync import MergeReport
from ..screen_fit import fit
from .merge_dialog import counts_table


class ReportDialog(QDialog):
    """Public: report, counts, details (the list of renumbered numbers and notes)."""

    def __init__(self, parent: QWidget | None, report: MergeReport):
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Arbetskopian är ihopslagen"))
        layout = QVBoxLayout(self)
        total = sum(c.added + c.changed + c.deleted for c in report.counts)
        heading = QLabel(self.tr("<b>”%1” är ihopslagen med huvudfilen</b> (%2 rader). Kopian kan användas vidare och "
                                 "slås ihop igen; då kommer bara det som är nytt sedan nu.")
                         .replace("%1", report.copy.label).replace("%2", str(total)))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.counts = counts_table(report.counts)
        layout.addWidget(self.counts, 1)
        lines = [f"Fick riktigt nummer: {r.what} {r.old} → {r.new}" for r in report.renumbered]
        if report.conflicts_resolved:
            lines.append(f"Konflikter avgjorda: {report.conflicts_resolved} (huvudfilens rad: {report.kept_main}, "
                         f"kopians rad: {report.took_copy}, övriga fält för fält)")
        lines += report.notes
        self.details = QListWidget()
        self.details.addItems(lines or [self.tr("Inga konflikter, inga nya nummer.")])
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        fit(self, 720, 480)
