"""The Swedish Qt strings: Qt's own translation (qtbase_sv, shipped with PySide6) and the few words where it does
not say what a Swedish desktop says: the Enter key is "Retur" in a shortcut ("Ctrl+Retur", not "Ctrl+Return")
and the button is "OK", not "Ok"."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

# (Qt's translation context, Qt's English) → Swedish, where qtbase_sv has none or another word.
WORDS = {
    ("QShortcut", "Return"): "Retur",
    ("QPlatformTheme", "OK"): "OK",
    ("QDialogButtonBox", "OK"): "OK",
    ("QDialogButtonBox", "&OK"): "&OK",
}


class SwedishWords(QTranslator):
    """Installed after qtbase_sv, so it is asked first; for any other text it has no answer and Qt asks on."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,  # noqa: ARG002 - Qt's
                  n: int = -1) -> str | None:  # type: ignore[override]
        return WORDS.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install(app: QCoreApplication) -> list[QTranslator]:
    """Qt's Swedish, then the words above; returns the translators installed (a test removes them again)."""
    QLocale.setDefault(QLocale("sv_SE"))
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(QLocale("sv_SE"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    words = SwedishWords(app)
    app.installTranslator(words)
    installed.append(words)
    return installed
