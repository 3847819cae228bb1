"""Typed errors shared by every layer.

`ValidationError` is invalid input: the UI shows it next to the field named in `field`.
`NotFoundError` and `RuleError` are refusals of the business rules, shown as a plain sentence.
"""


class CrmError(Exception):
    """Base of every error the application expects and explains to the user.

    `template` is an English sentence with `{name}` fields; the UI translates the template and
    then fills in `params`, so every message can be shown in the user's language.
    """

    def __init__(self, template: str = "", **params):
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class ValidationError(CrmError):
    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))
        self.template = str(self)

    @classmethod
    def single(cls, field: str, message: str) -> "ValidationError":
        return cls({field: message})


class NotFoundError(CrmError):
    """The record does not exist (or is in the trash when a live one was asked for)."""


class RuleError(CrmError):
    """The action breaks a business rule (an illegal status change, a negative balance...)."""


class StorageError(CrmError):
    """Known trouble with the database itself, explained to the user in plain words."""


class DatabaseBusyError(StorageError):
    """Another program holds the database locked for longer than the busy timeout."""


class DatabaseFullError(StorageError):
    """The disk (or the database's size limit) is full; the change was not saved."""


class DatabaseReadOnlyError(StorageError):
    """The database file or folder cannot be written."""
