"""The installer sources: the Windows script compiles with makensis (when installed), the version
resource is well-formed, the Linux menu entry names the program and icon the .deb installs."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build" / "windows"))

from version_info import app_version, write_version_file  # noqa: E402

from crm_desktop import __version__  # noqa: E402


def test_the_version_resource_carries_the_app_version(tmp_path):
    assert app_version() == __version__
    text = Path(write_version_file(tmp_path / "v.txt")).read_text(encoding="utf-8")
    calls = {}

    def record(name):
        return lambda *args, **kwargs: calls.setdefault(name, []).append((args, kwargs)) or name

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct"]
    eval(text, {n: record(n) for n in names})  # the file is Python syntax PyInstaller evaluates  # noqa: S307
    strings = dict(args for args, _ in calls["StringStruct"])
    assert strings["ProductVersion"] == __version__
    assert calls["FixedFileInfo"][0][1]["filevers"][:3] == tuple(int(n) for n in __version__.split(".")[:3])


def test_the_menu_entry_starts_the_wrapper_with_the_installed_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "build" / "deb" / "crm-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "crm-desktop" and desktop["Icon"] == "crm-desktop"
    assert desktop["Name[zh_CN]"] == "掌柜 CRM"
    wrapper = (ROOT / "build" / "deb" / "crm-desktop.sh").read_text()
    assert 'exec /opt/crm-desktop/crm-desktop "$@"' in wrapper
    assert (ROOT / "crm_desktop" / "resources" / "icons" / "crm-desktop.png").is_file()


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (apt-get install nsis) is not installed")
def test_the_windows_installer_script_compiles(tmp_path):
    source = tmp_path / "app"
    (source / "_internal").mkdir(parents=True)
    (source / "crm-desktop.exe").write_text("placeholder")
    out = tmp_path / f"crm-desktop-{__version__}-setup.exe"
    result = subprocess.run(["makensis", "-V2", "-WX", f"-DVERSION={__version__}", f"-DSOURCE={source}",
                             f"-DOUTFILE={out}", str(ROOT / "build" / "windows" / "installer.nsi")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
