"""What the import wizard's pages share: the file, its table, the mapping, the plan, the result.

Plain data plus the wizard's background jobs; each page reads what the earlier pages left and
clears what its own change makes stale (a new table voids the mapping, a new mapping the plan).
"""

from dataclasses import dataclass, field
from pathlib import Path

from crm_desktop.interchange.source import SourceTable
from crm_desktop.services.importing import ImportPlan, ImportResult, ImportService
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.transfer.jobs import Jobs


@dataclass
class ImportSession:
    imports: ImportService
    notifier: Notifier
    jobs: Jobs
    path: Path | None = None
    table: SourceTable | None = None
    mapping: dict[int, str] = field(default_factory=dict)
    plan: ImportPlan | None = None
    result: ImportResult | None = None

    def set_table(self, path: Path | None, table: SourceTable | None) -> None:
        self.path, self.table = path, table
        self.mapping, self.plan, self.result = {}, None, None

    def set_mapping(self, mapping: dict[int, str]) -> None:
        self.mapping, self.plan = dict(mapping), None

    @property
    def label(self) -> str:
        """What the import history calls this import: the file's name."""
        return self.path.name if self.path else ""
