"""The audit chain's seals: tampering shows, an erasure does not break the chain."""

from datetime import UTC, datetime

from crm_desktop.domain.audit import (
    ChainRow,
    display_changes,
    entry_hash,
    first_break,
    redact,
    seal,
    seal_ok,
    sealed_changes,
)

WHEN = datetime(2026, 5, 1, 8, 0, tzinfo=UTC)


def _chain(changes_list):
    rows, prev = [], ""
    for i, changes in enumerate(changes_list, 1):
        text = sealed_changes(changes)
        digest = entry_hash(prev, WHEN, 1, "update", "contacts", f"uuid-{i}", text)
        rows.append(ChainRow(i, WHEN, 1, "update", "contacts", f"uuid-{i}", text, prev, digest))
        prev = digest
    return rows


def test_a_seal_matches_its_value_only():
    sealed = seal("13800138000")
    assert seal_ok("13800138000", sealed) and not seal_ok("13800138001", sealed)
    assert seal(None) == "" and seal_ok(None, "")
    assert seal("x") != seal("x")  # salted: equal values do not give equal seals


def test_the_chain_holds_and_a_changed_value_is_found():
    rows = _chain([{"name": ("张三", "张三丰")}, {"phone_raw": ("", "13800138000")}])
    assert first_break(rows) is None
    forged = rows[1].changes.replace("13800138000", "13900139000")
    rows[1] = ChainRow(*[*vars(rows[1]).values()][:6], forged, rows[1].prev_hash, rows[1].hash)
    assert first_break(rows) == "audit entry 2: its recorded changes were altered"


def test_an_erased_value_keeps_the_chain_and_leaves_nothing_to_guess():
    rows = _chain([{"name": ("张三", "张三丰"), "stage": ("lead", "customer")}, {"notes": ("", "x")}])
    erased = redact(rows[0].changes, {"name"})
    assert "张三" not in erased and display_changes(erased) == {"name": (None, None),
                                                               "stage": ("lead", "customer")}
    rows[0] = ChainRow(*[*vars(rows[0]).values()][:6], erased, rows[0].prev_hash, rows[0].hash)
    assert first_break(rows) is None


def test_a_deleted_or_reordered_entry_breaks_the_chain():
    rows = _chain([{"a": (1, 2)}, {"a": (2, 3)}, {"a": (3, 4)}])
    assert first_break([rows[0], rows[2]]) == \
        "audit entry 3: it does not follow the entry before it (removed or reordered?)"
