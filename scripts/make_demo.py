#!/usr/bin/env python3
"""Writes static/demo-changxing.csv, the built-in demo (SPEC §7).

The demo is synthetic: account-level rows invented to match, exactly, the
aggregates that China Youth Daily published on 2019-04-22 about Changxing
County (shared/seed/changxing-2019-article.txt):

- 282 accounts: 218 county departments, 28 townships/streets/parks,
  36 villages/communities;
- 223 run part-time by the unit's own staff, 59 outsourced, with fees totalling
  2,895,000 yuan (289.50万元);
- 167 accounts under 1,000 followers;
- Lijiaxiang town (李家巷镇): 4 accounts publishing daily, run by 4-5 staff;
- one township: two accounts, 2-3 posts a week, 200,000 yuan a year in fees,
  a few hundred reads per article.

The rows are laid out so that the default assumptions with as-of 2019-04-19
shut 226 of the 282 accounts (80 %), as the article reports. Names of units
are those of the county's real administrative divisions; account names,
follower counts and every other figure are made up.

Deterministic: a fixed linear congruential generator, no `random` module, so
the same file comes out on every Python 3. Run from the repository root:

    python3 scripts/make_demo.py

The script checks its own output against the aggregates and the rules of
SPEC §4 (mirrored below) and fails loudly if anything is off.
"""

import csv
import datetime
import io
import os
import sys
from fractions import Fraction as F

AS_OF = datetime.date(2019, 4, 19)
OUT = os.path.join(os.path.dirname(__file__), "..", "static", "demo-changxing.csv")

HEADER = [
    "公众号名称",
    "主办单位",
    "层级",
    "粉丝数",
    "每周发布次数",
    "每期耗时（小时）",
    "运营人数",
    "运营方式",
    "外包费用（万元）",
    "篇均阅读",
    "最近更新",
    "备注",
]


class Rng:
    """A 64-bit LCG (Knuth's MMIX constants); plenty for made-up data."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.state >> 33

    def int(self, low, high):
        return low + self.next() % (high - low + 1)

    def pick(self, items):
        return items[self.int(0, len(items) - 1)]

    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        roll = self.int(1, total)
        for value, weight in pairs:
            roll -= weight
            if roll <= 0:
                return value
        return pairs[-1][0]

    def shuffle(self, items):
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = self.int(0, i)
            items[i], items[j] = items[j], items[i]
        return items


rng = Rng(20190419)

# County departments: (unit, main account name, specific extra accounts).
COUNTY = [
    ("中共长兴县委办公室", "长兴县委办", []),
    ("长兴县人民政府办公室", "长兴县政府办", []),
    ("中共长兴县纪律检查委员会", "清廉长兴", ["长兴纪检"]),
    ("中共长兴县委组织部", "长兴组工", ["长兴党员教育", "长兴人才之家"]),
    ("中共长兴县委宣传部", "长兴宣传", ["长兴文明", "长兴网信"]),
    ("中共长兴县委统战部", "长兴统战", []),
    ("中共长兴县委政法委员会", "平安长兴", ["长兴综治", "长兴见义勇为"]),
    ("长兴县发展和改革局", "长兴发改", []),
    ("长兴县经济和信息化局", "长兴经信", []),
    ("长兴县教育局", "长兴教育", [
        "长兴实验小学", "长兴第二小学", "长兴金陵小学", "长兴中学", "长兴华盛中学",
        "长兴职教中心", "长兴实验幼儿园", "长兴机关幼儿园", "长兴教师发展中心",
        "长兴教育招生", "长兴青少年宫",
    ]),
    ("长兴县科学技术局", "长兴科技", []),
    ("长兴县公安局", "长兴公安", ["长兴交警", "长兴出入境", "长兴网警", "长兴禁毒", "长兴户政"]),
    ("长兴县民政局", "长兴民政", ["长兴养老", "长兴慈善", "长兴婚姻登记"]),
    ("长兴县司法局", "长兴司法", ["长兴普法", "长兴公证", "长兴法律援助"]),
    ("长兴县财政局", "长兴财政", ["长兴政府采购", "长兴会计"]),
    ("长兴县人力资源和社会保障局", "长兴人社", ["长兴就业", "长兴社保", "长兴人才"]),
    ("长兴县自然资源和规划局", "长兴自然资源", []),
    ("湖州市生态环境局长兴分局", "长兴生态环境", ["长兴环境监测"]),
    ("长兴县住房和城乡建设局", "长兴住建", ["长兴建管", "长兴物业", "长兴人防"]),
    ("长兴县交通运输局", "长兴交通", ["长兴运管", "长兴公交"]),
    ("长兴县水利局", "长兴水利", []),
    ("长兴县农业农村局", "长兴农业", ["长兴农技", "长兴农机", "长兴渔业", "长兴畜牧"]),
    ("长兴县商务局", "长兴商务", []),
    ("长兴县文化和广电旅游体育局", "长兴文旅", ["长兴旅游", "长兴体育", "长兴非遗", "长兴文化市场"]),
    ("长兴县卫生健康局", "长兴卫健", ["长兴健康", "长兴县第三人民医院", "长兴中心血站", "长兴急救"]),
    ("长兴县退役军人事务局", "长兴退役军人", []),
    ("长兴县应急管理局", "长兴应急", ["长兴安监"]),
    ("长兴县审计局", "长兴审计", []),
    ("长兴县市场监督管理局", "长兴市场监管", ["长兴食安", "长兴消保", "长兴知识产权", "长兴质监"]),
    ("长兴县统计局", "长兴统计", []),
    ("长兴县医疗保障局", "长兴医保", ["长兴医保服务"]),
    ("长兴县综合行政执法局", "长兴城管", []),
    ("长兴县行政审批服务中心", "长兴审批", []),
    ("长兴县信访局", "长兴信访", []),
    ("长兴县机关事务管理中心", "长兴机关事务", []),
    ("长兴县档案馆", "长兴档案", []),
    ("长兴县总工会", "长兴工会", ["长兴职工"]),
    ("共青团长兴县委", "青春长兴", ["长兴志愿者"]),
    ("长兴县妇女联合会", "长兴女性", ["长兴家庭教育"]),
    ("长兴县科学技术协会", "长兴科协", []),
    ("长兴县残疾人联合会", "长兴残联", []),
    ("长兴县红十字会", "长兴红十字", []),
    ("国家税务总局长兴县税务局", "长兴税务", ["长兴税务服务"]),
    ("长兴县气象局", "长兴气象", []),
    ("长兴县消防救援大队", "长兴消防", []),
    ("长兴县人民法院", "长兴法院", ["长兴执行"]),
    ("长兴县人民检察院", "长兴检察", ["长兴公益诉讼"]),
    ("长兴县人大常委会", "长兴人大", []),
    ("政协长兴县委员会", "长兴政协", []),
    ("长兴县图书馆", "长兴图书馆", []),
    ("长兴县博物馆", "长兴博物馆", []),
    ("长兴县人民医院", "长兴县人民医院", []),
    ("长兴县中医院", "长兴中医院", []),
    ("长兴县疾病预防控制中心", "长兴疾控", []),
    ("长兴县妇幼保健院", "长兴妇幼", []),
    ("长兴县供销合作社", "长兴供销", []),
    ("长兴县港航管理所", "长兴港航", []),
    ("长兴县公路管理段", "长兴公路", []),
    ("长兴县文化馆", "长兴文化馆", []),
    ("长兴县大数据发展管理局", "长兴大数据", []),
    ("长兴县投资促进中心", "长兴投资促进", []),
    ("长兴县国有资产管理中心", "长兴国资", []),
    ("长兴县住房公积金管理中心", "长兴公积金", []),
    ("长兴县不动产登记中心", "长兴不动产", []),
]

# Township-level units: (unit, level word, short name).
TOWNSHIPS = [
    ("雉城街道办事处", "街道", "雉城"),
    ("画溪街道办事处", "街道", "画溪"),
    ("太湖街道办事处", "街道", "太湖街道"),
    ("龙山街道办事处", "街道", "龙山"),
    ("洪桥镇人民政府", "乡镇", "洪桥"),
    ("李家巷镇人民政府", "乡镇", "李家巷"),
    ("夹浦镇人民政府", "乡镇", "夹浦"),
    ("林城镇人民政府", "乡镇", "林城"),
    ("虹星桥镇人民政府", "乡镇", "虹星桥"),
    ("小浦镇人民政府", "乡镇", "小浦"),
    ("和平镇人民政府", "乡镇", "和平"),
    ("泗安镇人民政府", "乡镇", "泗安"),
    ("煤山镇人民政府", "乡镇", "煤山"),
    ("吕山乡人民政府", "乡镇", "吕山"),
    ("水口乡人民政府", "乡镇", "水口"),
    ("白岘乡人民政府", "乡镇", "白岘"),
    ("长兴经济技术开发区管委会", "园区", "长兴开发区"),
    ("太湖图影旅游度假区管委会", "园区", "图影"),
]

# Villages and communities: (town or street, name, level word).
VILLAGES = [
    ("李家巷镇", "青草坞村", "村"), ("李家巷镇", "石泉村", "村"), ("李家巷镇", "沈湾村", "村"),
    ("洪桥镇", "洪桥村", "村"), ("洪桥镇", "北汤村", "村"),
    ("夹浦镇", "环沉村", "村"), ("夹浦镇", "丁新村", "村"),
    ("林城镇", "午山村", "村"), ("林城镇", "天平村", "村"),
    ("虹星桥镇", "港口村", "村"), ("虹星桥镇", "谈家村", "村"),
    ("小浦镇", "八都岕村", "村"), ("小浦镇", "方一村", "村"),
    ("和平镇", "吴山村", "村"), ("和平镇", "城山村", "村"),
    ("泗安镇", "上泗安村", "村"), ("泗安镇", "管埭村", "村"),
    ("煤山镇", "新川村", "村"), ("煤山镇", "仰峰村", "村"),
    ("水口乡", "顾渚村", "村"), ("水口乡", "金山村", "村"),
    ("吕山乡", "胥仓村", "村"), ("白岘乡", "白岘村", "村"), ("太湖街道", "新塘村", "村"),
    ("雉城街道", "雉州社区", "社区"), ("雉城街道", "长中社区", "社区"), ("雉城街道", "齐北社区", "社区"),
    ("画溪街道", "画溪社区", "社区"), ("画溪街道", "长城社区", "社区"),
    ("太湖街道", "太湖社区", "社区"), ("太湖街道", "新世纪社区", "社区"),
    ("龙山街道", "龙山社区", "社区"), ("龙山街道", "东鱼坞社区", "社区"),
    ("煤山镇", "煤山社区", "社区"), ("泗安镇", "泗安社区", "社区"), ("和平镇", "和平社区", "社区"),
]

GENERIC_SUFFIXES = ["党建", "服务"]

LIJIAXIANG_NOTE = "全镇4个公众号每天发布，由镇政府四五名工作人员承担"
SHUIKOU_NOTE = "两个公众号需专门安排一名干部负责，每年运维费用共20万元，每篇阅读量仅数百次"


# --- categories -------------------------------------------------------------
#
# Every account gets a category that fixes which rule of SPEC §4 decides it:
#   low_dormant   fewer than 1,000 followers, last post 15+ days old → dormant
#   dormant       1,000+ followers, last post 15+ days old            → dormant
#   low           fewer than 1,000 followers, active                  → low reach
#   poor          outsourced, 1,000+ followers, active, > 1 yuan/read → poor value
#   village       village level, 1,000+ followers, active             → merge
#   keep          1,000+ followers, active, good value if outsourced  → keep


def row(name, unit, level, category, outsourced, **fixed):
    return dict(
        name=name, unit=unit, level=level, category=category,
        outsourced=outsourced, **fixed,
    )


def county_rows():
    mains, extras = [], []
    for unit, main, specific in COUNTY:
        mains.append((unit, main))
        extras.extend((unit, name) for name in specific)
    # Generic "…党建" / "…服务" accounts, round-robin over the departments,
    # until the county has 218 accounts.
    need = 218 - len(mains) - len(extras)
    generic = []
    for suffix in GENERIC_SUFFIXES:
        for unit, main, _ in COUNTY:
            if len(generic) < need:
                generic.append((unit, main + suffix))
    extras.extend(generic)
    assert len(mains) + len(extras) == 218, len(mains) + len(extras)

    # Categories: county mains are mostly kept; extras mostly low reach.
    main_plan = ["keep"] * 34 + ["poor"] * 10 + ["dormant"] * 8 + ["low"] * 8 + ["low_dormant"] * 4
    extra_plan = ["keep"] * 8 + ["poor"] * 12 + ["dormant"] * 17 + ["low"] * 101 + ["low_dormant"] * 16
    assert len(main_plan) == len(mains) and len(extra_plan) == len(extras)
    main_plan = rng.shuffle(main_plan)
    extra_plan = rng.shuffle(extra_plan)

    # Outsourced: every poor-value account, 12 kept (10 mains, 2 extras),
    # 3 dormant, 7 low reach, 3 low and dormant: 47 in all.
    quota = {
        ("main", "keep"): 10, ("extra", "keep"): 2,
        ("main", "poor"): 10, ("extra", "poor"): 12,
        ("main", "dormant"): 1, ("extra", "dormant"): 2,
        ("main", "low"): 2, ("extra", "low"): 5,
        ("main", "low_dormant"): 1, ("extra", "low_dormant"): 2,
    }
    out = {}
    for kind, items, plan in (("main", mains, main_plan), ("extra", extras, extra_plan)):
        for (unit, name), category in zip(items, plan):
            key = (kind, category)
            outsourced = quota.get(key, 0) > 0
            if outsourced:
                quota[key] -= 1
            out[name] = row(name, unit, "县级部门", category, outsourced, main=kind == "main")
    assert all(v == 0 for v in quota.values()), quota
    # Keep the list in department order, main account first, as a real
    # list would be.
    ordered = [out[name] for _, name in mains]
    by_unit = {}
    for unit, name in extras:
        by_unit.setdefault(unit, []).append(out[name])
    rows = []
    for r in ordered:
        rows.append(r)
        rows.extend(by_unit.get(r["unit"], []))
    return rows


def township_rows():
    rows = []
    secondaries = {
        "雉城": "平安雉城", "画溪": "画溪党建", "洪桥": "洪桥党建",
        "煤山": "煤山文化", "泗安": "泗安党建", "夹浦": "夹浦文明",
    }
    # Of the 16 other mains, 3 are dormant (2 of them outsourced) and 13 kept
    # (7 outsourced). Of the 6 secondaries, 5 are low reach (1 outsourced)
    # and 1 dormant.
    others = [t for t in TOWNSHIPS if t[2] not in ("李家巷", "水口")]
    main_plan = rng.shuffle(["dormant"] * 3 + ["keep"] * 13)
    main_out = {"dormant": 2, "keep": 7}
    second_plan = rng.shuffle(["low"] * 5 + ["dormant"])
    second_out = {"low": 1}
    plans = dict(zip([t[2] for t in others], main_plan))
    seconds = dict(zip(secondaries, second_plan))
    for unit, level, short in TOWNSHIPS:
        if short == "李家巷":
            # The article's Lijiaxiang: 4 accounts publishing daily, run by
            # four or five staff (1 + 1 + 1 + 1~2). The main one is read and
            # kept; the three smaller ones fall under 1,000 followers.
            staff = ["1", "1", "1", "1~2"]
            names = ["李家巷发布", "李家巷党建", "平安李家巷", "李家巷文化"]
            for i, name in enumerate(names):
                rows.append(row(
                    name, unit, level, "keep" if i == 0 else "low", False,
                    posts="日更", hpp="2~3", staff=staff[i],
                    followers=3580 if i == 0 else [860, 742, 615][i - 1],
                    reads=620 if i == 0 else [210, 165, 138][i - 1],
                    last_post=datetime.date(2019, 4, 18), note=LIJIAXIANG_NOTE,
                ))
            continue
        if short == "水口":
            # The article's "某乡镇": two accounts, 2~3 posts a week, one cadre,
            # 200,000 yuan a year in fees, a few hundred reads an article.
            for name, followers, reads in (("水口发布", 2600, 300), ("水口茶旅", 1800, 450)):
                rows.append(row(
                    name, unit, level, "poor", True,
                    posts="2~3", hpp="2", staff="", followers=followers, reads=reads,
                    fee=100_000, last_post=datetime.date(2019, 4, 16), note=SHUIKOU_NOTE,
                ))
            continue
        category = plans[short]
        outsourced = main_out.get(category, 0) > 0
        if outsourced:
            main_out[category] -= 1
        rows.append(row(short + "发布", unit, level, category, outsourced))
        if short in seconds:
            category = seconds[short]
            outsourced = second_out.get(category, 0) > 0
            if outsourced:
                second_out[category] -= 1
            rows.append(row(secondaries[short], unit, level, category, outsourced))
    assert len(rows) == 28, len(rows)
    return rows


def village_rows():
    plan = rng.shuffle(["low_dormant"] * 5 + ["dormant"] + ["low"] * 25 + ["village"] * 5)
    rows = []
    for (town, name, level), category in zip(VILLAGES, plan):
        rows.append(row(name, town + name, level, category, False))
    assert len(rows) == 36
    return rows


# --- filling in the figures -------------------------------------------------


def random_active_date():
    return AS_OF - datetime.timedelta(days=rng.int(1, 14))


def random_dormant_date():
    # Between 2017-09-01 and 2019-04-04 (15 days before the as-of date).
    start = datetime.date(2017, 9, 1)
    end = AS_OF - datetime.timedelta(days=15)
    return start + datetime.timedelta(days=rng.int(0, (end - start).days))


def fill(r):
    c = r["category"]
    low = c in ("low", "low_dormant")
    if "followers" not in r:
        if low:
            r["followers"] = rng.int(40, 999)
        elif r["level"] in ("村", "社区"):
            r["followers"] = rng.int(1000, 2600)
        elif r["level"] == "县级部门" and not r["main"]:
            # A department's second account rarely outgrows its main one.
            r["followers"] = rng.int(1000, 6000)
        else:
            r["followers"] = rng.weighted([
                (rng.int(1000, 3000), 5), (rng.int(3000, 12000), 4), (rng.int(12000, 80000), 1),
            ])
    if "last_post" not in r:
        if c in ("dormant", "low_dormant"):
            r["last_post"] = random_dormant_date()
        elif c == "low" and rng.int(1, 10) == 1:
            r["last_post"] = None
        else:
            r["last_post"] = random_active_date()
    if r["outsourced"]:
        r.setdefault("staff", "1")
        r.setdefault("hpp", rng.pick(["0.5", "1", "0.5~1", "1"]))
        if "posts" not in r:
            r["posts"] = str(rng.int(4, 7) if c == "keep" else rng.int(1, 3))
        # Fees in multiples of 500 yuan, so that 万元 has two decimals.
        if "fee" not in r:
            low_fee, high_fee = {"poor": (40_000, 90_000), "keep": (30_000, 60_000)}.get(
                c, (20_000, 50_000)
            )
            r["fee"] = rng.int(low_fee // 500, high_fee // 500) * 500
    else:
        r.setdefault("staff", rng.weighted([("1", 14), ("2", 3), ("", 3)]))
        r.setdefault("hpp", rng.weighted([
            ("1", 3), ("1.5", 3), ("2", 5), ("2~3", 3), ("3", 3), ("", 3),
        ]))
        r.setdefault("posts", rng.weighted([
            ("1", 3), ("2", 5), ("3", 4), ("2~3", 2), ("4", 2), ("5", 1), ("1~2", 1), ("", 2),
        ]))
        r.setdefault("fee", None)
    r.setdefault("note", "")


def set_reads(r):
    """Reads per post, fixed after the fees so that poor value is by design."""
    if "reads" in r:
        return
    posts = parse_posts(r["posts"])
    mid_posts = (posts[0] + posts[1]) / 2
    if r["outsourced"] and r["category"] == "poor":
        # 1.3 to 5 yuan a read.
        target = F(rng.int(130, 500), 100)
        r["reads"] = max(30, int(F(r["fee"]) / (mid_posts * 52 * target)))
    elif r["outsourced"] and r["category"] == "keep":
        # 0.2 to 0.8 yuan a read: good value, kept.
        target = F(rng.int(20, 80), 100)
        r["reads"] = int(F(r["fee"]) / (mid_posts * 52 * target)) + 1
    elif r["outsourced"]:
        # Low-reach and dormant accounts never reach the poor-value rule; they
        # get a plausible share of their followers.
        r["reads"] = max(10, r["followers"] * rng.int(5, 40) // 100)
    elif rng.int(1, 10) <= 8:
        r["reads"] = max(8, r["followers"] * rng.int(4, 30) // 100)
    else:
        r["reads"] = None


def balance_fees(rows):
    """Makes the 59 fees add up to exactly 2,895,000 yuan by moving the
    difference, in steps of 500 yuan, onto the poor-value county accounts."""
    target = 2_895_000
    poor = [r for r in rows if r["outsourced"] and r["category"] == "poor" and r["fee"] != 100_000]
    diff = target - sum(r["fee"] for r in rows if r["outsourced"])
    assert diff % 500 == 0
    steps = diff // 500
    i = 0
    while steps != 0:
        r = poor[i % len(poor)]
        delta = 1 if steps > 0 else -1
        if 20_000 <= r["fee"] + delta * 500 <= 150_000:
            r["fee"] += delta * 500
            steps -= delta
        i += 1


# --- the rules of SPEC §4, mirrored to check the data -----------------------


def parse_posts(text):
    if text == "日更":
        return (F(7), F(7))
    if text == "":
        return (F(2), F(3))
    if "~" in text:
        low, high = text.split("~")
        return (F(low), F(high))
    return (F(text), F(text))


def decide(r):
    if r["last_post"] is not None and (AS_OF - r["last_post"]).days > 14:
        return "dormant"
    if r["followers"] < 1000:
        return "lowReach"
    if r["level"] in ("村", "社区"):
        return "village"
    if r["outsourced"] and r["reads"] is not None:
        low, high = parse_posts(r["posts"])
        reads_low, reads_high = low * 52 * r["reads"], high * 52 * r["reads"]
        cost_mid = (F(r["fee"]) / reads_high + F(r["fee"]) / reads_low) / 2
        if cost_mid > 1:
            return "poorValue"
    return "default"


EXPECTED_RULE = {
    "low_dormant": "dormant", "dormant": "dormant", "low": "lowReach",
    "poor": "poorValue", "village": "village", "keep": "default",
}


def main():
    rows = county_rows() + township_rows() + village_rows()
    for r in rows:
        fill(r)
    balance_fees(rows)
    for r in rows:
        set_reads(r)

    # Boundary cases worth seeing in the demo: exactly 999 and 1,000
    # followers, and last posts exactly 14 and 15 days before the as-of date.
    lows = [r for r in rows if r["category"] == "low" and r["level"] == "县级部门"]
    keeps = [r for r in rows if r["category"] == "keep" and r["level"] == "县级部门"]
    dormants = [r for r in rows if r["category"] == "dormant" and r["level"] == "县级部门"]
    lows[3]["followers"] = 999
    keeps[5]["followers"] = 1000
    keeps[6]["last_post"] = AS_OF - datetime.timedelta(days=14)
    dormants[2]["last_post"] = AS_OF - datetime.timedelta(days=15)

    # Self-check against SPEC §7 and the intended rules.
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "duplicate names"
    assert len(rows) == 282
    levels = [r["level"] for r in rows]
    assert levels.count("县级部门") == 218
    assert sum(levels.count(x) for x in ("乡镇", "街道", "园区")) == 28
    assert sum(levels.count(x) for x in ("村", "社区")) == 36
    outsourced = [r for r in rows if r["outsourced"]]
    assert len(outsourced) == 59 and len(rows) - 59 == 223
    assert sum(r["fee"] for r in outsourced) == 2_895_000
    assert sum(1 for r in rows if r["followers"] < 1000) == 167
    rules = {}
    for r in rows:
        rule = decide(r)
        assert rule == EXPECTED_RULE[r["category"]], (r, rule)
        rules[rule] = rules.get(rule, 0) + 1
    shut = len(rows) - rules["default"]
    assert shut == 226, rules

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow([
            r["name"],
            r["unit"],
            r["level"],
            str(r["followers"]),
            r["posts"],
            r["hpp"],
            r["staff"],
            "外包" if r["outsourced"] else "兼职",
            "" if r["fee"] is None else f"{r['fee'] // 10_000}.{r['fee'] % 10_000 // 100:02d}",
            "" if r["reads"] is None else str(r["reads"]),
            "" if r["last_post"] is None else r["last_post"].isoformat(),
            r["note"],
        ])
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())
    print(f"wrote {os.path.normpath(OUT)}: {len(rows)} accounts, shut {shut}, by rule {rules}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
