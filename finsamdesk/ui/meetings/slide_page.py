"""One page of the projector mode: an agenda item laid out at given font sizes (Fonts), and how a page is made to
fit — the description (then the recommendation) cut at a word. The colours and sizes of the projector's pages."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from ...domain.meetings import Slide

BACKGROUND = "#ffffff"
TEXT = "#111827"  # near black on white: contrast ≈ 17:1
MUTED = "#4b5563"  # labels and the top line: ≈ 7.5:1
ACCENT = "#1d3f72"  # the § number, the recommendation's bar
BOX = "#e8eff9"  # the recommendation's background
GRID = "#c3cad5"  # light grid lines of the budget table
HEADER_BG = "#eef1f5"

MIN_PX = 14  # no text is ever smaller
SCALE_STEP = 0.05
ELLIPSIS = " …"


@dataclass(frozen=True)
class Fonts:
    """Pixel sizes of one page."""

    title: int
    body: int
    small: int

    @classmethod
    def for_height(cls, height: int, scale: float = 1.0) -> Fonts:
        """title ≈ height/22, body ≈ height/38, the top line ≈ height/48 (the top line does not shrink)."""
        return cls(title=max(MIN_PX + 4, round(height / 22 * scale)), body=max(MIN_PX, round(height / 38 * scale)),
                   small=max(MIN_PX, round(height / 48)))

    @staticmethod
    def min_body(height: int) -> int:
        """How far the body text may shrink to make a page fit: 14 px at 720 p, 20 px at 1080 p."""
        return max(MIN_PX, round(height / 54))


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def keep_numbers_together(text: str) -> str:
    """No line break inside "1 180 000 kr": spaces between digit groups and before the unit don't break."""
    text = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "\u202f", text)
    return re.sub(r"(?<=\d) (?=(kr|tkr|mnkr|%)(?!\w))", "\u00a0", text)


def _label(text: str, px: int, color: str = TEXT, *, bold: bool = False, wrap: bool = True,
           rich: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setText(text)
    label.setFont(_font(px, bold))
    label.setWordWrap(wrap)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    label.setPalette(palette)
    return label


def budget_html(header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], body_px: int) -> str:
    """The budget as an HTML table: the first column names the row, the others are numbers, right-aligned and
    unbroken; the last row is bold (the total)."""
    pad_v, pad_h = max(2, round(body_px * 0.22)), max(6, round(body_px * 0.6))
    cell = f"border: 1px solid {GRID}; padding: {pad_v}px {pad_h}px;"

    def td(text: str, column: int, tag: str = "td", extra: str = "") -> str:
        right = column > 0
        content = html.escape(text)
        if right:
            content = content.replace(" ", "&nbsp;")
        align = "right" if right else "left"
        return f'<{tag} align="{align}" style="{cell}{extra}">{content}</{tag}>'

    lines = [f'<table cellspacing="0" style="border-collapse: collapse; border: 1px solid {GRID};">']
    if header:
        lines.append("<tr>" + "".join(td(t, c, "th", f" background-color: {HEADER_BG};")
                                      for c, t in enumerate(header)) + "</tr>")
    for r, row in enumerate(rows):
        last = r == len(rows) - 1 and len(rows) > 1
        cells = "".join(td(t, c, extra=" font-weight: bold;" if last else "") for c, t in enumerate(row))
        lines.append(f"<tr>{cells}</tr>")
    lines.append("</table>")
    return "".join(lines)


class SlidePage(QWidget):
    """One built page. Public for tests: top (meeting title), indicator, title_label, facts (list of
    (label, value) QLabels), budget_label, text_label, recommendation_label, recommendation_box (None when
    absent); fonts, side_by_side."""

    def __init__(self, slide: Slide | None, meeting_title: str, indicator: str, fonts: Fonts,
                 side_by_side: bool = False, empty_text: str = ""):
        super().__init__()
        self.fonts = fonts
        self.side_by_side = side_by_side
        self.facts: list[tuple[QLabel, QLabel]] = []
        self.budget_label: QLabel | None = None
        self.text_label: QLabel | None = None
        self.recommendation_label: QLabel | None = None
        self.recommendation_box: QFrame | None = None
        gap = round(fonts.body * 0.9)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(gap)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        top = QHBoxLayout()
        top.setSpacing(gap)
        self.top = _label(meeting_title, fonts.small, MUTED)
        self.indicator = _label(indicator, fonts.small, MUTED, wrap=False)
        self.indicator.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.top, 1)
        top.addWidget(self.indicator, 0)
        layout.addLayout(top)
        rule = QFrame()
        rule.setFixedHeight(max(1, fonts.small // 10))
        rule.setAutoFillBackground(True)
        palette = rule.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(GRID))
        rule.setPalette(palette)
        layout.addWidget(rule)

        if slide is None:
            self.title_label = _label(empty_text, fonts.title, TEXT, bold=True)
            self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.title_label, 1)
            return

        title = html.escape(slide.title)
        if slide.paragraph:
            title = (f'<span style="color: {ACCENT};">{html.escape(slide.paragraph)}</span>'
                     f"&nbsp;&nbsp;{title}")
        self.title_label = _label(title, fonts.title, TEXT, bold=True, rich=True)
        layout.addSpacing(round(fonts.body * 0.2))
        layout.addWidget(self.title_label)

        facts = None
        if slide.facts:
            facts = QWidget()
            grid = QGridLayout(facts)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setHorizontalSpacing(round(fonts.body * 1.2))
            grid.setVerticalSpacing(round(fonts.body * 0.3))
            for r, (name, value) in enumerate(slide.facts):
                name_label = _label(name, fonts.body, MUTED, wrap=False)
                value_label = _label(value, fonts.body, TEXT)
                name_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(name_label, r, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value_label, r, 1, Qt.AlignmentFlag.AlignTop)
                self.facts.append((name_label, value_label))
            grid.setColumnStretch(1, 1)

        if slide.budget_rows:
            self.budget_label = _label(budget_html(slide.budget_header, slide.budget_rows, fonts.body), fonts.body,
                                       TEXT, wrap=False, rich=True)

        if facts is not None and self.budget_label is not None and side_by_side:
            row = QHBoxLayout()
            row.setSpacing(round(fonts.body * 2))
            row.addWidget(facts, 1, Qt.AlignmentFlag.AlignTop)
            row.addWidget(self.budget_label, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
        else:
            if facts is not None:
                layout.addWidget(facts)
            if self.budget_label is not None:
                layout.addWidget(self.budget_label, 0, Qt.AlignmentFlag.AlignLeft)

        if slide.text:
            self.text_label = _label(keep_numbers_together(slide.text), fonts.body, TEXT)
            layout.addWidget(self.text_label)

        layout.addStretch(1)

        if slide.recommendation:
            box = QFrame()
            box.setObjectName("recommendation")
            bar = max(4, round(fonts.body * 0.3))
            box.setStyleSheet(f"QFrame#recommendation {{ background-color: {BOX}; border: none;"
                              f" border-left: {bar}px solid {ACCENT}; }}")
            inner = QVBoxLayout(box)
            pad = round(fonts.body * 0.7)
            inner.setContentsMargins(pad + bar, pad, pad, pad)
            self.recommendation_label = _label(keep_numbers_together(slide.recommendation), fonts.body, TEXT,
                                               bold=True)
            inner.addWidget(self.recommendation_label)
            self.recommendation_box = box
            layout.addWidget(box)

    def _layout(self) -> QLayout:
        layout = self.layout()
        assert layout is not None  # made in __init__
        return layout

    def needed_height(self, width: int) -> int:
        layout = self._layout()
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()

    def fits(self, width: int, height: int) -> bool:
        return self._layout().totalMinimumSize().width() <= width and self.needed_height(width) <= height


def elide_to_fit(label: QLabel, page: SlidePage, full: str, width: int, height: int) -> bool:
    """Cut `label`'s text at a word so the page fits; True when it does (at worst with the text gone)."""
    words = full.split(" ")
    lo, hi = 0, len(words) - 1  # the largest number of words that fits lies in [lo, hi]
    best = None
    while lo <= hi:
        mid = (lo + hi) // 2
        label.setText(" ".join(words[:mid]).rstrip(" ,.;:–-") + ELLIPSIS if mid else "")
        if page.fits(width, height):
            best, lo = mid, mid + 1
        else:
            hi = mid - 1
    if best is None:
        label.setText("")
        label.hide()
        return page.fits(width, height)
    label.setText(" ".join(words[:best]).rstrip(" ,.;:–-") + ELLIPSIS if best else "")
    label.setVisible(bool(best))
    return True
