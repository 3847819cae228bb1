"""Win-back: act on a churned or at-risk customer when E(V) − V3 > C3.

E(V): the expected value of the customer if we act = CLV × (p_stay + (1 − p_stay) × p_win);
V3: the value without action = CLV × p_stay, where p_stay = 1 − risk ÷ 100 (0 for a churned customer);
C3: the cost of the action (offer, call time). p_win is the share of approached customers won back.
"""

from dataclasses import dataclass

DEFAULT_WIN_PCT = 25.0
DEFAULT_COST_CENTS = 5000  # ¥50: a voucher and a call


@dataclass(frozen=True, slots=True)
class WinBack:
    expected_cents: int  # E(V)
    without_cents: int  # V3
    cost_cents: int  # C3
    act: bool

    @property
    def gain_cents(self) -> int:
        return self.expected_cents - self.without_cents - self.cost_cents


def win_back(clv_cents: int, risk: int, *, churned: bool, win_pct: float = DEFAULT_WIN_PCT,
             cost_cents: int = DEFAULT_COST_CENTS) -> WinBack:
    p_stay = 0.0 if churned else max(0.0, 1 - risk / 100)
    p_win = win_pct / 100
    expected = round(clv_cents * (p_stay + (1 - p_stay) * p_win))
    without = round(clv_cents * p_stay)
    return WinBack(expected, without, cost_cents, expected - without > cost_cents)
