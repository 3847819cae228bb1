"""Import of a contacts CSV, end to end, against the floor of reading and inserting the same rows."""

import csv
import random
import sqlite3
import tempfile
import time
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华红玉萍鹏飞"
HEADER = ["姓名", "手机", "邮箱", "公司", "职位", "城市", "生日", "标签", "备注"]


def write_sample(path: Path, rows: int, seed: int = 7) -> None:
    """A Chinese Excel-style CSV (GB18030, CRLF) of `rows` distinct contacts."""
    rng = random.Random(seed)
    companies = [f"{rng.choice('星辰华为联创恒通')}{rng.choice('科技贸易实业')}有限公司{i}" for i in range(rows // 20 + 1)]
    with path.open("w", encoding="gb18030", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(rows):
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
            out.writerow([name, f"1{rng.choice('3578')}{i:09d}", f"user{i}@example.com", rng.choice(companies),
                          rng.choice(("经理", "店长", "")), rng.choice(("北京", "上海", "杭州")),
                          f"{rng.randint(1960, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                          rng.choice(("vip", "老客户", "")), ""])


def floor_seconds(path: Path, db: Path) -> float:
    """csv.reader plus sqlite3 executemany of the same columns into a plain table."""
    start = time.perf_counter()
    with path.open(encoding="gb18030", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        rows = list(reader)
    conn = sqlite3.connect(db)
    conn.execute(f"create table t ({', '.join(f'c{i} text' for i in range(len(HEADER)))})")
    with conn:
        conn.executemany(f"insert into t values ({', '.join('?' * len(HEADER))})", rows)
    conn.close()
    return time.perf_counter() - start


def import_seconds(path: Path, db: Path) -> tuple[float, int]:
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.importing import DuplicatePolicy
    from crm_desktop.services.registry import Services
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    database = Database(db)
    upgrade_to_head(database)
    imports = Services.build(ServiceContext(database)).imports
    start = time.perf_counter()
    table = imports.read(path)
    result = imports.run(imports.plan(table, imports.guess_mapping(table), DuplicatePolicy.SKIP))
    seconds = time.perf_counter() - start
    database.dispose()
    return seconds, result.created


def bench_import(rows: int, emit) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "contacts.csv"
        write_sample(sample, rows)
        floor = floor_seconds(sample, Path(tmp) / "floor.sqlite3")
        ours, created = import_seconds(sample, Path(tmp) / "crm.sqlite3")
    emit(f"import_csv_{rows}_rows", ours, "s", floor,
         f"{created:,} contacts created; GB18030 file; baseline: csv.reader + sqlite3 executemany into a plain table; "
         f"ratio {ours / floor:.1f}x (target <= 15x)")
