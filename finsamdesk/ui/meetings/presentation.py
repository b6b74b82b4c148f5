"""Presentation (projector) mode of a meeting: one agenda item per page, readable from the back of the room.

Fonts scale with the window height. Each page is built from the Slide at the largest scale at which its content
fits the window; when even the smallest allowed fonts are too big, the description (then the recommendation) is
cut at a word and ends with "…". Nothing scrolls and nothing is cut off mid-line.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
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

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
             Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


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

    def needed_height(self, width: int) -> int:
        layout = self.layout()
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()

    def fits(self, width: int, height: int) -> bool:
        return self.layout().totalMinimumSize().width() <= width and self.needed_height(width) <= height


def _elide(label: QLabel, page: SlidePage, full: str, width: int, height: int) -> bool:
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


class PresentationWindow(QWidget):
    """Full-screen pages of a meeting's agenda. Public: index (current page), count, show_slide(i),
    next_slide(), previous_slide(), present() (full screen), page (the SlidePage shown); signal closed.
    Keys: → ↓ PageDown Space Return next, ← ↑ PageUp Backspace previous, Home/End first/last, Esc closes.
    A left click goes to the next page, a right click to the previous."""

    closed = Signal()

    def __init__(self, slides: list[Slide], meeting_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(self.tr("%s – presentation") % meeting_title if meeting_title else self.tr("Presentation"))
        self.slides = list(slides)
        self.meeting_title = meeting_title
        self._index = 0
        self._closed_emitted = False
        self._rendered_for: tuple[int, int, int] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(BACKGROUND))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
        self.setPalette(palette)
        self._layout = QVBoxLayout(self)
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.page: SlidePage | None = None
        self._render()

    # --- navigation -------------------------------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def count(self) -> int:
        return len(self.slides)

    def show_slide(self, i: int) -> None:
        self._index = max(0, min(i, len(self.slides) - 1)) if self.slides else 0
        self._render()

    def next_slide(self) -> None:
        self.show_slide(self._index + 1)

    def previous_slide(self) -> None:
        self.show_slide(self._index - 1)

    def present(self, beside=None) -> None:
        """Full screen on the projector: another screen than `beside` (the main window's) when there is one.
        The geometry is set too, for desktops where full screen alone does not resize the window."""
        screens = QGuiApplication.screens()
        screen = next((s for s in screens if s is not beside), beside) or QGuiApplication.primaryScreen()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    # --- events -----------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.next_slide()
        elif key in PREVIOUS_KEYS:
            self.previous_slide()
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.slides) - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.next_slide()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous_slide()
        else:
            super().mousePressEvent(event)
            return
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render()

    def closeEvent(self, event) -> None:
        super().closeEvent(event)
        if event.isAccepted() and not self._closed_emitted:
            self._closed_emitted = True
            self.closed.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._closed_emitted = False

    # --- building pages ---------------------------------------------------------------------------------------

    def _margins(self) -> tuple[int, int]:
        """(horizontal, vertical) margins: generous, like a slide's."""
        return max(24, round(self.width() / 18)), max(16, round(self.height() / 24))

    def _render(self) -> None:
        key = (self._index, self.width(), self.height())
        if key == self._rendered_for and self.page is not None:
            return
        self._rendered_for = key
        mh, mv = self._margins()
        self._layout.setContentsMargins(mh, mv, mh, mv)
        page = self._fit(self.width() - 2 * mh, self.height() - 2 * mv)
        if self.page is not None:
            self._layout.removeWidget(self.page)
            self.page.hide()
            self.page.setParent(None)
            self.page.deleteLater()
        self.page = page
        self._layout.addWidget(page)
        page.show()
        self._layout.activate()  # lay the new page out now, not at the next event loop turn

    def _build(self, fonts: Fonts, side_by_side: bool) -> SlidePage:
        if not self.slides:
            return SlidePage(None, self.meeting_title, "", fonts, empty_text=self.tr("Dagordningen är tom."))
        slide = self.slides[self._index]
        indicator = f"{self._index + 1} / {len(self.slides)}"
        return SlidePage(slide, self.meeting_title, indicator, fonts, side_by_side)

    def _fit(self, width: int, height: int) -> SlidePage:
        """The page at the largest scale that fits; at the smallest, with the description (then the
        recommendation) cut at a word."""
        h = self.height()
        slide = self.slides[self._index] if self.slides else None
        arrangements = [False, True] if slide is not None and slide.facts and slide.budget_rows else [False]
        scale = 1.0
        page = None
        while True:
            fonts = Fonts.for_height(h, scale)
            for side_by_side in arrangements:
                page = self._build(fonts, side_by_side)
                if page.fits(width, height):
                    return page
            if fonts.body <= Fonts.min_body(h):
                break
            scale -= SCALE_STEP
        # Smallest fonts and still too tall: cut the long texts, keeping the arrangement that leaves most room.
        candidates = [self._build(fonts, side_by_side) for side_by_side in arrangements]
        page = min(candidates, key=lambda p: p.needed_height(width))
        if page.text_label is not None and _elide(page.text_label, page, page.text_label.text(), width, height):
            return page
        if page.recommendation_label is not None:
            _elide(page.recommendation_label, page, page.recommendation_label.text(), width, height)
        return page
