"""The Windows version resource of the executables (Properties -> Details), from crm_desktop.__version__.

Used by build/crm-desktop.spec on Windows; the installer script takes the same version via /DVERSION.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def app_version() -> str:
    text = (ROOT / "crm_desktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def write_version_file(path: Path) -> str:
    version = app_version()
    numbers = tuple(int(n) for n in re.findall(r"\d+", version)[:3]) + (0,)
    numbers = (numbers + (0, 0, 0, 0))[:4]
    strings = {"CompanyName": "Zhanggui", "FileDescription": "Zhanggui CRM", "FileVersion": version,
               "InternalName": "crm-desktop", "LegalCopyright": "Zhanggui CRM authors",
               "OriginalFilename": "crm-desktop.exe", "ProductName": "Zhanggui CRM (掌柜 CRM)",
               "ProductVersion": version}
    entries = ",\n".join(f"        StringStruct({k!r}, {v!r})" for k, v in strings.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200, 1033, 1200])])
  ]
)
""", encoding="utf-8")
    return str(path)


if __name__ == "__main__":
    print(app_version())
