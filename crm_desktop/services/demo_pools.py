"""Pools of realistic names, companies and addresses for demo data, built once per seed with Faker
(slow per call) and then sampled with a seeded Random (fast)."""

import random
from dataclasses import dataclass

from faker import Faker

from crm_desktop.domain.pinyin import pinyin_keys

MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                   "155", "156", "157", "158", "159", "176", "177", "178", "180", "181", "185", "186",
                   "187", "188", "189", "198", "199")
CN_MAIL = ("163.com", "qq.com", "126.com", "sina.com", "foxmail.com")
EN_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "example.com")
CN_TITLES = ("经理", "采购经理", "店长", "总经理", "行政主管", "财务", "工程师", "销售总监", "")
EN_TITLES = ("Manager", "Buyer", "Director", "Owner", "Engineer", "")
CN_TAGS = ("VIP", "老客户", "团购", "价格敏感", "转介绍", "企业客户", "新品爱好者", "售后关注")
EN_TAGS = ("VIP", "wholesale", "returning", "newsletter")


@dataclass
class Pools:
    zh_names: list[tuple[str, str, str]]  # (name, pinyin, initials)
    en_names: list[tuple[str, str, str]]
    zh_companies: list[str]
    en_companies: list[str]
    zh_addresses: list[tuple[str, str]]  # (address, city)
    en_addresses: list[tuple[str, str]]


def build_pools(seed: int, size: int) -> Pools:
    zh, en = Faker("zh_CN"), Faker("en_US")
    zh.seed_instance(seed)
    en.seed_instance(seed + 1)
    n = max(50, min(size, 3000))
    zh_names = sorted({zh.name() for _ in range(n)})
    en_names = sorted({en.name() for _ in range(max(20, n // 3))})
    return Pools(
        zh_names=[(x, *pinyin_keys(x)) for x in zh_names],
        en_names=[(x, *pinyin_keys(x)) for x in en_names],
        zh_companies=sorted({zh.company() for _ in range(max(20, n // 6))}),
        en_companies=sorted({f"{en.last_name()} {en.company_suffix()}" for _ in range(max(10, n // 12))}),
        zh_addresses=[(zh.street_address(), zh.city()) for _ in range(max(20, n // 3))],
        en_addresses=[(en.street_address(), en.city()) for _ in range(max(20, n // 6))],
    )


class UuidSource:
    """Time-ordered (version 7 layout) UUIDs, deterministic for a seed: a 48-bit counter where
    UUIDv7 has its millisecond clock, then seeded random bits. Ordered keys append to the uuid
    indexes instead of splitting pages all over them (measured: a large share of demo time)."""

    def __init__(self, rng: random.Random, start: int = 1_700_000_000_000):
        self._rng, self._next = rng, start

    def __call__(self) -> str:
        self._next += 1
        return uuid7_text(self._next, self._rng.getrandbits(74))


def uuid7_text(ms: int, rand74: int) -> str:
    value = (ms & (2**48 - 1)) << 80 | 0x7 << 76 | (rand74 >> 62) << 64 | 0b10 << 62 | (rand74 & (2**62 - 1))
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def mobile(rng: random.Random) -> tuple[str, str]:
    """(raw as a person typed it, E.164)."""
    digits = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    style = rng.random()
    if style < 0.45:
        raw = digits
    elif style < 0.75:
        raw = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    elif style < 0.9:
        raw = f"+86-{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    else:
        raw = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    return raw, f"+86{digits}"


def email_for(rng: random.Random, pinyin: str, english: bool) -> str:
    local = pinyin[:16] or "user"
    if rng.random() < 0.5:
        local += str(rng.randrange(1, 999))
    return f"{local}@{rng.choice(EN_MAIL if english else CN_MAIL)}"
