"""Regenerate packaging/windows/finsamdesk.ico from packaging/linux/finsamdesk.svg.

The .ico (16–256 px) is the Windows executable's and the installer's icon. Run it with
the project's venv after changing the SVG (QtSvg is in PySide6-Essentials, Pillow comes
with reportlab):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/windows/make_icon.py
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "linux" / "finsamdesk.svg"
ICO = HERE / "finsamdesk.ico"
SIZES = [16, 24, 32, 48, 64, 128, 256]


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - QPainter needs a QGuiApplication
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"kan inte läsa {SVG}", file=sys.stderr)
        return 1
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    Image.open(io.BytesIO(bytes(buffer.data()))).save(ICO, sizes=[(s, s) for s in SIZES])
    print(f"skrev {ICO}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
