"""What the welcome screen asks, handed to the composition root that creates the database."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WelcomeChoices:
    language: str
    folder: Path
    demo: bool
    username: str = ""
    display_name: str = ""
    password: str = ""
    existing: bool = False  # the folder already holds a database: it is opened as it is
