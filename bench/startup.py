"""Start-up of the frozen one-folder app against a bare PySide6 window frozen the same way, and
the size of the one-file executable.

Each figure is the median of several fresh launches, timed from the launch of the process to the
line it prints once its main window has painted ("painted after …" from `crm-desktop smoke-test`
on a demo database, "painted" from build/bench_minimal/minimal.py). The app's window paints as a
frame (title, tab names, "Opening …") before the database and the services load; a second figure
times the launch to "ready after …": the tabs built over the opened database and the first read. The app must have been built
(build/build.sh); the baseline is built here when missing (PyInstaller, about a minute).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if sys.platform == "win32" else ""
APP = ROOT / "dist" / "crm-desktop" / f"crm-desktop{EXE}"
ONEFILE = ROOT / "dist" / f"crm-desktop-onefile{EXE}"
MINIMAL_WORK = ROOT / "build" / "work" / "bench_minimal"
MINIMAL = MINIMAL_WORK / "dist" / "bench-minimal" / f"bench-minimal{EXE}"
RUNS = 7
RATIO_TARGET, SIZE_TARGET_MB = 1.5, 150


def build_minimal() -> None:
    if MINIMAL.exists():
        return
    pyinstaller = Path(sys.executable).with_name(f"pyinstaller{EXE}")
    subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(MINIMAL_WORK / "dist"),
                    "--workpath", str(MINIMAL_WORK / "work"), str(ROOT / "build" / "bench_minimal" / "bench-minimal.spec")],
                   check=True, capture_output=True)


def launch_ms(command: list[str], env: dict, line_start: str = "painted") -> dict[str, float]:
    """Milliseconds from starting `command` to each line it prints (keyed by the line's first word);
    it must print one starting with `line_start` and exit 0."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    times: dict[str, float] = {}
    for line in proc.stdout:
        if line.strip():
            times.setdefault(line.split()[0], (time.perf_counter() - start) * 1000)
    if proc.wait() != 0 or line_start not in times:
        raise RuntimeError(f"{command[0]} did not paint its window (exit code {proc.returncode})")
    return times


def bench_startup(emit) -> None:
    if not APP.exists():
        print(f"bench: startup skipped: {APP} is missing (build it with bash build/build.sh)", file=sys.stderr)
        return
    build_minimal()
    with tempfile.TemporaryDirectory(prefix="crm-bench-") as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRM_DATA_DIR=tmp)
        db = str(Path(tmp) / "bench.sqlite3")
        subprocess.run([str(APP), "--db", db, "demo", "--contacts", "2000"], check=True, capture_output=True, env=env)
        ours, ready, floor = [], [], []
        launch_ms([str(APP), "--db", db, "smoke-test"], env)  # both once first: files in the page cache
        launch_ms([str(MINIMAL)], env)
        for _ in range(RUNS):  # interleaved, so a busy moment of the machine hits both alike
            times = launch_ms([str(APP), "--db", db, "smoke-test"], env)
            ours.append(times["painted"])
            ready.append(times["ready"])
            floor.append(launch_ms([str(MINIMAL)], env)["painted"])
    app_ms, minimal_ms = statistics.median(ours), statistics.median(floor)
    ratio = app_ms / minimal_ms
    emit("startup_one_folder_ms", app_ms, "ms", minimal_ms,
         f"launch to main window painted (demo database of 2,000 contacts), median of {RUNS}; baseline: a bare "
         f"PySide6 window frozen the same way; ratio {ratio:.2f} (target <= {RATIO_TARGET})")
    emit("startup_ratio", ratio, "x", RATIO_TARGET, "app / bare window; baseline: the target")
    emit("startup_ready_ms", statistics.median(ready), "ms", minimal_ms,
         f"launch to the window ready: tabs built over the opened database and the first tab read, median of {RUNS}; "
         "baseline: the bare PySide6 window")
    if ONEFILE.exists():
        emit("onefile_size_mb", ONEFILE.stat().st_size / 1e6, "MB", SIZE_TARGET_MB,
             f"{ONEFILE.name}; baseline: the target")
