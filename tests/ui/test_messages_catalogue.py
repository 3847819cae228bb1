"""Every message template raised below the UI is in the translation catalogue."""

import ast
from pathlib import Path

import crm_desktop
from crm_desktop.ui.common.messages import CATALOGUE

ERRORS = {"ValidationError", "RuleError", "NotFoundError", "CrmError", "StorageError", "MigrationError",
          "DatabaseBusyError", "DatabaseFullError", "DatabaseReadOnlyError", "NotADatabaseError",
          "BackupError", "SignInError", "RestoreError", "DemoError", "single", "SourceError", "ExportError",
          "SpreadsheetLimitError", "of", "PassphraseRequiredError", "WrongPassphraseError", "KeyFileError",
          "EncryptionError", "AccountLockedError", "PermissionDeniedError", "FieldValueError", "_Unreadable"}  # RowProblem.of: rows an import reports
ROOT = Path(crm_desktop.__file__).parent


def _templates():
    for path in [*ROOT.glob("domain/*.py"), *ROOT.glob("services/*.py"), *ROOT.glob("storage/**/*.py"),
                 *ROOT.glob("interchange/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in ERRORS:
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value:
                    yield path.name, arg.value
                if isinstance(arg, ast.Dict):
                    for value in arg.values:
                        if isinstance(value, ast.Constant) and isinstance(value.value, str):
                            yield path.name, value.value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                target = node.targets[0]
                if isinstance(target, ast.Subscript) and getattr(target.value, "id", "") == "errors":
                    yield path.name, node.value.value


def test_every_raised_template_is_catalogued():
    missing = sorted({(f, t) for f, t in _templates() if t not in CATALOGUE})
    assert missing == []


def test_a_refusal_names_what_the_role_lacks_in_words(qapp):
    from crm_desktop.domain.permissions import Permission, PermissionDeniedError
    from crm_desktop.ui.common.labels import permission_label
    from crm_desktop.ui.common.messages import error_text

    refusal = PermissionDeniedError("Your role does not allow this ({permission}).", permission="manage_tickets")
    assert error_text(refusal) == "Your role does not allow this (work on service tickets)."
    assert all(permission_label(p) != p.value for p in Permission)  # each one has words
