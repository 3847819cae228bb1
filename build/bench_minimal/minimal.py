"""The start-up baseline: a bare PySide6 main window, frozen like the app (bench/startup.py).
Prints "painted" once the window has painted, then quits."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
app.processEvents()
window.repaint()
print("painted", flush=True)
window.close()
