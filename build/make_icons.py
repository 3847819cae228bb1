"""Draws the application icon with Qt and writes it where the builds look for it:

    crm_desktop/resources/icons/crm-desktop.png   window icon, Linux .desktop / .deb (256 px)
    build/icons/crm-desktop.ico                   Windows executable and installer
    build/icons/crm-desktop.icns                  macOS bundle

Run again only to change the icon: `QT_QPA_PLATFORM=offscreen .venv/bin/python build/make_icons.py`.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
)

ROOT = Path(__file__).resolve().parents[1]


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.06
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0, QColor("#e2483d"))
    gradient.setColorAt(1, QColor("#a81f2c"))
    path = QPainterPath()
    path.addRoundedRect(rect, size * 0.2, size * 0.2)
    p.fillPath(path, gradient)
    p.setPen(QColor("#ffd978"))
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(int(size * 0.58))
    font.setBold(True)
    p.setFont(font)
    p.drawText(rect.adjusted(0, -size * 0.03, 0, 0), Qt.AlignmentFlag.AlignCenter, "掌")
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    icon = draw(256)
    targets = [(ROOT / "crm_desktop" / "resources" / "icons" / "crm-desktop.png", "PNG"),
               (ROOT / "build" / "icons" / "crm-desktop.ico", "ICO"),
               (ROOT / "build" / "icons" / "crm-desktop.icns", "ICNS")]
    for path, fmt in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not icon.save(str(path), fmt):
            print(f"make_icons: could not write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
