"""The first-run welcome: language, empty or demo data, where the data lives, the owner's account."""

from crm_desktop.ui.welcome.choices import WelcomeChoices
from crm_desktop.ui.welcome.wizard import WelcomeWizard

__all__ = ["WelcomeChoices", "WelcomeWizard"]
