"""Fill unfinished entries of a Qt .ts file from tab-separated files of `context, source, translation`.

    .venv/bin/python scripts/fill_translations.py resources/translations/crm_desktop_zh_CN.ts FILE.tsv…

Run scripts/update_translations.sh first (it adds new strings as unfinished); entries that no file
translates are listed and stay unfinished, so the translation test names them.
"""

import csv
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def load(paths: list[Path]) -> dict[tuple[str, str], str]:
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) == 3 and row[2].strip():
                    table[(row[0], row[1].replace("\\n", "\n"))] = row[2].replace("\\n", "\n")
    return table


def fill(ts: Path, table: dict[tuple[str, str], str]) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot():
        name = context.findtext("name")
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation.get("type") != "unfinished":
                continue
            source = message.findtext("source")
            text = table.get((name, source))
            if text is None:
                missing.append(f"{name}\t{source}")
                continue
            _set(message, translation, text)
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    text = ts.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                                   '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    ts.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    return missing


def _set(message, translation, text: str) -> None:
    """Plural messages (numerus) keep their text in a <numerusform>; Chinese has one form."""
    del translation.attrib["type"]
    if message.get("numerus") == "yes":
        for form in list(translation):
            translation.remove(form)
        translation.text = None
        ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = text


def main(argv: list[str]) -> int:
    ts, *tables = (Path(a) for a in argv)
    missing = fill(ts, load(tables))
    for line in missing:
        print(f"untranslated: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
