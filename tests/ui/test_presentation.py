"""The meeting's projector mode: navigation, closing, fonts that follow the window, pages that fit the window."""
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

from finsamdesk.domain.meetings import Slide
from finsamdesk.ui.meetings.presentation import PresentationWindow
from finsamdesk.ui.meetings.slide_page import Fonts, keep_numbers_together

SHOTS = Path("/tmp/presentation-shots")
SIZES = ((1280, 720), (1920, 1080))

LONG_TEXT = (
    "Insatsen riktar sig till unga vuxna mellan 18 och 29 år som varken arbetar eller studerar och som har behov av "
    "samordnade insatser från flera myndigheter. Deltagarna får en personlig coach som följer dem under hela tiden i "
    "insatsen, från kartläggning till arbete eller studier. Arbetet sker i nära samverkan med Arbetsförmedlingen, "
    "Försäkringskassan, kommunens socialtjänst och regionens vårdcentraler. Under det första året byggs en "
    "gemensam mötesplats upp där deltagarna kan träffa handläggare från alla fyra parter vid ett och samma tillfälle, "
    "vilket minskar risken att någon faller mellan stolarna. Metoden bygger på erfarenheter från tidigare insatser i "
    "förbundet, där andelen deltagare som gick vidare till arbete eller studier ökade från 28 till 41 procent. "
    "Insatsen följs upp med indikatorer för finansiell samordning och en extern utvärdering som redovisas till "
    "styrelsen efter halva tiden. Sökande räknar med att 60 deltagare skrivs in under perioden och att minst hälften "
    "av dem har gått vidare till arbete, studier eller annan aktivitet vid avslut. Projektledaren är anställd av "
    "kommunen och arbetar heltid i insatsen; två coacher finansieras gemensamt. Styrgruppen består av chefer från "
    "samtliga parter och träffas en gång i månaden. Efter projekttiden är avsikten att verksamheten implementeras i "
    "ordinarie verksamhet hos kommunen och Arbetsförmedlingen, vilket parterna har förbundit sig till i en "
    "avsiktsförklaring som bifogas ansökan."
)
RECOMMENDATION = (
    "Beredningsgruppens rekommendation: Tillstyrks delvis. Beredningsgruppen föreslår styrelsen att bevilja "
    "Språnget 1 180 000 kr för 2026 och 1 020 000 kr för 2027, med villkoret att en extern utvärdering "
    "upphandlas före halvårsskiftet 2026 och att lägesrapport lämnas till styrelsen i december varje år."
)
BUDGET_HEADER = ("Kostnad", "2026", "2027", "Summa")
BUDGET_ROWS = (
    ("Personal", "820\u202f000 kr", "760\u202f000 kr", "1\u202f580\u202f000 kr"),
    ("Lokaler", "120\u202f000 kr", "120\u202f000 kr", "240\u202f000 kr"),
    ("Resor", "45\u202f000 kr", "40\u202f000 kr", "85\u202f000 kr"),
    ("Material och utrustning", "60\u202f000 kr", "25\u202f000 kr", "85\u202f000 kr"),
    ("Utvärdering", "135\u202f000 kr", "75\u202f000 kr", "210\u202f000 kr"),
    ("Summa", "1\u202f180\u202f000 kr", "1\u202f020\u202f000 kr", "2\u202f200\u202f000 kr"),
)


def sample_slides() -> list[Slide]:
    return [
        Slide("§ 5", "Ansökan: Språnget – vägen till arbete för unga vuxna",
              facts=(("Diarienummer", "2026-004"), ("Sökande", "Exempelby kommun, arbetsmarknadsenheten"),
                     ("Period", "2026-01-01 – 2027-12-31"), ("Sökt totalt", "2\u202f200\u202f000 kr"),
                     ("Planerade deltagare", "60")),
              budget_header=BUDGET_HEADER, budget_rows=BUDGET_ROWS,
              text="Fortsättning av Språnget med fokus på unga vuxna som varken arbetar eller studerar.",
              recommendation=RECOMMENDATION),
        Slide("§ 6", "Övriga frågor"),
        Slide("§ 7", "Ansökan: Gemensam mötesplats Norra distriktet",
              facts=(("Diarienummer", "2026-007"), ("Sökande", "Region Exempel")),
              text=LONG_TEXT,
              recommendation="Beredningsgruppens rekommendation: Tillstyrks (förslag: bevilja)."),
        Slide("§ 8", "Rapport: Lotsen, halvårsrapport 2026",
              facts=(("Insats", "Lotsen"), ("Rapport", "Halvårsrapport"), ("Inkom", "2026-08-14")),
              text="Rapporten visar att 34 av 40 planerade deltagare har skrivits in.\n\n"
                   "Insatsen följer tidsplanen; inga avvikelser i ekonomin.",
              recommendation="Beredningsgruppen föreslår att styrelsen lägger rapporten till handlingarna."),
    ]


@pytest.fixture
def window(qtbot):
    w = PresentationWindow(sample_slides(), "Beredningsgrupp 2026-09-03")
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    return w


def resize(qtbot, w, width, height):
    w.resize(width, height)
    qtbot.waitUntil(lambda: w.size() == QSize(width, height) and w.page.width() == width - 2 * w._margins()[0])


def key(qtbot, w, k):
    qtbot.keyClick(w, k)
    return w.index


def test_keys_move_forward_back_and_stay_at_the_ends(qtbot, window):
    assert window.index == 0
    assert key(qtbot, window, Qt.Key.Key_Left) == 0  # stays at the first
    assert key(qtbot, window, Qt.Key.Key_Right) == 1
    assert key(qtbot, window, Qt.Key.Key_Space) == 2
    assert key(qtbot, window, Qt.Key.Key_PageDown) == 3
    assert key(qtbot, window, Qt.Key.Key_Right) == 3  # stays at the last
    assert key(qtbot, window, Qt.Key.Key_Return) == 3
    assert key(qtbot, window, Qt.Key.Key_Left) == 2
    assert key(qtbot, window, Qt.Key.Key_PageUp) == 1
    assert key(qtbot, window, Qt.Key.Key_Up) == 0
    assert key(qtbot, window, Qt.Key.Key_Down) == 1
    assert key(qtbot, window, Qt.Key.Key_Backspace) == 0
    assert key(qtbot, window, Qt.Key.Key_End) == 3
    assert key(qtbot, window, Qt.Key.Key_Home) == 0
    window.show_slide(99)
    assert window.index == 3
    window.show_slide(-5)
    assert window.index == 0
    window.next_slide()
    window.previous_slide()
    assert window.index == 0


def test_escape_closes_and_emits_closed(qtbot, window):
    with qtbot.waitSignal(window.closed, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_click_goes_to_the_next_page(qtbot, window):
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert window.index == 1
    # A click on a label on the page also counts: labels pass the click on.
    qtbot.mouseClick(window.page.title_label, Qt.MouseButton.LeftButton)
    assert window.index == 2


def test_top_line_shows_meeting_and_page_indicator(qtbot, window):
    assert window.page.top.text() == "Beredningsgrupp 2026-09-03"
    assert window.page.indicator.text() == "1 / 4"
    window.show_slide(2)
    assert window.page.indicator.text() == "3 / 4"
    assert "§ 7" in window.page.title_label.text()
    assert "Gemensam mötesplats" in window.page.title_label.text()


def test_budget_numbers_and_recommendation_are_shown(qtbot, window):
    page = window.page
    assert page.budget_label is not None and page.budget_label.isVisible()
    shown = page.budget_label.text().replace("&nbsp;", " ")
    for row in BUDGET_ROWS:
        for cell in row:
            assert cell in shown
    assert "<b>" in shown or "font-weight: bold" in shown  # the total row
    assert page.recommendation_label.text() == keep_numbers_together(RECOMMENDATION)
    assert [(n.text(), v.text()) for n, v in page.facts][1] == ("Sökande", "Exempelby kommun, arbetsmarknadsenheten")
    window.show_slide(1)  # a free item: only its title
    assert window.page.budget_label is None and window.page.recommendation_box is None
    assert window.page.facts == []


def test_title_font_grows_with_the_window(qtbot, window):
    small = window.page.title_label.font().pixelSize()
    body_small = window.page.facts[0][1].font().pixelSize()
    resize(qtbot, window, 1920, 1080)
    assert window.page.title_label.font().pixelSize() > small
    assert window.page.facts[0][1].font().pixelSize() > body_small
    assert body_small >= 14
    assert window.page.title_label.font().pixelSize() > window.page.facts[0][1].font().pixelSize()


def _visible_children(w: QWidget) -> list[QWidget]:
    return [c for c in w.findChildren(QWidget) if c.isVisibleTo(w) and c.width() > 0 and c.height() > 0]


@pytest.mark.parametrize("size", SIZES)
def test_every_page_fits_the_window(qtbot, window, size):
    resize(qtbot, window, *size)
    for i in range(window.count):
        window.show_slide(i)
        assert window.page.isVisible()
        area = window.rect()
        for child in _visible_children(window):
            rect = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
            assert area.contains(rect), (i, size, child, rect)
            if isinstance(child, QLabel) and child.wordWrap() and child.text():
                # Wrapped text gets all the lines it needs: nothing is cut off at the bottom.
                assert child.height() >= child.heightForWidth(child.width()), (i, size, child.text()[:40])
            elif isinstance(child, QLabel) and child.text():
                assert child.width() >= child.sizeHint().width() and child.height() >= child.sizeHint().height()
        body = window.page.fonts.body
        assert body >= Fonts.min_body(size[1]) >= 14


def test_a_long_description_is_shown_whole_when_it_fits(qtbot, window):
    resize(qtbot, window, 1920, 1080)
    window.show_slide(2)
    text = window.page.text_label.text()
    assert len(LONG_TEXT) > 1400
    assert text == keep_numbers_together(LONG_TEXT)  # 1 500 characters fit without cutting
    resize(qtbot, window, 1280, 720)
    assert window.page.text_label.text() == keep_numbers_together(LONG_TEXT)
    window.show_slide(3)
    assert window.page.text_label.text().startswith("Rapporten visar")


def test_an_empty_agenda_says_so(qtbot):
    w = PresentationWindow([], "Styrelse 2026-10-01")
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    assert w.page.title_label.text() == "Dagordningen är tom."
    assert w.index == 0 and w.count == 0
    qtbot.keyClick(w, Qt.Key.Key_Right)
    qtbot.keyClick(w, Qt.Key.Key_End)
    assert w.index == 0


def crowded_slide() -> Slide:
    """Everything at once: facts, the budget, the long description and the long recommendation."""
    first = sample_slides()[0]
    return Slide("§ 12", "Ansökan om fortsatt finansiering: Språnget och Gemensam mötesplats Norra distriktet "
                         "2026–2027", facts=first.facts, budget_header=BUDGET_HEADER, budget_rows=BUDGET_ROWS,
                 text=LONG_TEXT + "\n\n" + LONG_TEXT, recommendation=RECOMMENDATION)


@pytest.mark.parametrize("size", SIZES)
def test_a_crowded_page_shrinks_then_cuts_the_description_at_a_word(qtbot, size):
    w = PresentationWindow([crowded_slide()], "Styrelse 2026-10-01")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    page = w.page
    assert page.fonts.body == Fonts.min_body(size[1])
    text = page.text_label.text()
    full = keep_numbers_together(crowded_slide().text)
    assert text.endswith(" …") and full.startswith(text[:-2]) and len(text) < len(full)
    assert page.recommendation_label.text() == keep_numbers_together(RECOMMENDATION)  # kept whole
    assert page.needed_height(page.width()) <= page.height()
    for child in _visible_children(w):
        assert w.rect().contains(QRect(child.mapTo(w, QPoint(0, 0)), child.size())), child
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert w.grab().save(str(SHOTS / f"crowded-{size[0]}x{size[1]}.png"))


def test_numbers_are_not_broken_across_lines():
    assert keep_numbers_together("bevilja 1 180 000 kr för 2026 och 25 % av 2027") == \
        "bevilja 1\u202f180\u202f000\u00a0kr för 2026 och 25\u00a0% av 2027"


def test_with_a_parent_it_is_still_a_window_of_its_own(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    w = PresentationWindow(sample_slides(), "Styrelse 2026-10-01", parent)
    assert w.isWindow() and w.parent() is parent


def test_present_shows_full_screen(qtbot):
    w = PresentationWindow(sample_slides(), "Styrelse 2026-10-01")
    qtbot.addWidget(w)
    w.present()
    qtbot.waitExposed(w)
    assert w.windowState() & Qt.WindowState.WindowFullScreen


def test_screenshots(qtbot, window):
    """Saves every page at both sizes to /tmp/presentation-shots/ for a look by eye."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        resize(qtbot, window, width, height)
        for i in range(window.count):
            window.show_slide(i)
            path = SHOTS / f"slide{i + 1}-{width}x{height}.png"
            assert window.grab().save(str(path))
    empty = PresentationWindow([], "Styrelse 2026-10-01")
    qtbot.addWidget(empty)
    empty.resize(1280, 720)
    empty.show()
    qtbot.waitExposed(empty)
    assert empty.grab().save(str(SHOTS / "empty-1280x720.png"))
