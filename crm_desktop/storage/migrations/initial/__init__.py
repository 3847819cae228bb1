"""The tables and indexes of the initial schema (revision 0001), one module per area.

Only `versions/0001_initial_schema.py` imports these (Alembic reads revisions from `versions/`
alone). They are frozen with that revision: a schema change is a new revision, never an edit here.
"""
