"""Moving contacts in and out: the import wizard, the export dialog and undoing an import.

Independent of the tab packages: the main window hands in what it knows (the contacts tab's
current search and selection) and the services publish ContactsChanged, so the tabs refresh
themselves.
"""
