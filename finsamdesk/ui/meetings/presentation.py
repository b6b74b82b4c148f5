"""Presentation (projector) mode of a meeting: one agenda item per page, readable from the back of the room.

Fonts scale with the window height. Each page is built from the Slide at the largest scale at which its content
fits the window; when even the smallest allowed fonts are too big, the description (then the recommendation) is
cut at a word and ends with "…". Nothing scrolls and nothing is cut off mid-line.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from ...domain.meetings import Slide
from .slide_page import BACKGROUND, SCALE_STEP, TEXT, Fonts, SlidePage, elide_to_fit

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QResizeEvent, QScreen, QShowEvent

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
             Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


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

    def present(self, beside: QScreen | None = None) -> None:
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted() and not self._closed_emitted:
            self._closed_emitted = True
            self.closed.emit()

    def showEvent(self, event: QShowEvent) -> None:
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
        if page.text_label is not None and elide_to_fit(page.text_label, page, page.text_label.text(), width, height):
            return page
        if page.recommendation_label is not None:
            elide_to_fit(page.recommendation_label, page, page.recommendation_label.text(), width, height)
        return page
