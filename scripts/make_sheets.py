#!/usr/bin/env python3
"""Writes tests/fixtures/sheets/: three account lists laid out as offices lay them out.

For each sheet NAME (county, township, traditional) it writes

- NAME.xlsx           a real workbook (openpyxl): merged cells, real numbers and
                      dates, text where an office types text;
- NAME.tsv            what Excel puts on the clipboard as text/plain after
                      selecting the used range and copying (TAB / CRLF, covered
                      merge cells empty, values as displayed, Excel's quoting);
- NAME.excel.html     a hand-made model of the text/html that Excel 2016 on
                      Windows puts on the clipboard for the same copy;
- NAME.expected.json  the figures of SPEC §4 for every account, and the totals;
- NAME.md             the arithmetic behind every number, row by row.

With --libreoffice it also runs `soffice --headless --convert-to html` on each
workbook and keeps the result, unchanged, as NAME.libreoffice.html.

The expected figures do NOT come from any code of the importer. Every account
row below carries, next to the cells as typed, a hand-made reading of them
(`Acc(...)`: followers, posts, hours per post, staffing, fee, last post, level,
platform, the list's own decision) and the decision and rule that the reading
must give (`want`). This script only does the arithmetic of SPEC §4 on that
reading, asserts that it gives `want`, and then re-derives the summary from the
per-account rows a second, separate way (check_json) before writing.

Assumptions (the brief's defaults): hours per post 2-3, posts per week when
unknown 2-3, 52 weeks, FTE 2000 h, merge share 30 %, followers threshold 1000,
dormant after 14 days (15+), cost per read 1.00 yuan, as of 2019-04-19.

Run from the repository root:  python3 scripts/make_sheets.py [--libreoffice]
Needs: pip install openpyxl; for --libreoffice, apt-get install libreoffice-calc.
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal as D
from fractions import Fraction

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "sheets")

AS_OF = dt.date(2019, 4, 19)
WEEKS = 52
FTE = 2000
DEFAULT_POSTS = (D(2), D(3))
DEFAULT_HPP = (D(2), D(3))
MERGE_KEEP = D("0.7")  # 1 - merge share 30 %
FOLLOWERS_MIN = 1000
DORMANT_DAYS = 14
CPR_MAX = Fraction(1)

# --------------------------------------------------------------------------
# Cell values


class N:
    """A number cell with an Excel number format (General when fmt is None)."""

    def __init__(self, value, fmt=None):
        self.value = D(str(value))
        self.fmt = fmt


class Dt:
    """A real date cell; fmt 'ymd' = yyyy/m/d (Excel's Chinese short date), 'cn' = yyyy年m月d日."""

    def __init__(self, y, m, d, fmt="ymd"):
        self.value = dt.date(y, m, d)
        self.fmt = fmt


class Q:
    """Text typed with a leading apostrophe ('4-18) so that Excel keeps it as text."""

    def __init__(self, text):
        self.value = text


class T:
    """Text in a cell formatted as Text (@) before typing (7月16日 would become a date otherwise)."""

    def __init__(self, text):
        self.value = text


NUMFMT = {
    None: "General",
    "#,##0": "#,##0",
    "0.00": "0.00",
}
DATEFMT = {"ymd": "yyyy/m/d", "cn": 'yyyy"年"m"月"d"日"'}


def excel_serial(d):
    return (d - dt.date(1899, 12, 30)).days


def general(d):
    """Excel's General display of a decimal (all ours are short)."""
    s = format(d.normalize(), "f")
    return s


def displayed(v):
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (Q, T)):
        return v.value
    if isinstance(v, N):
        if v.fmt is None:
            return general(v.value)
        if v.fmt == "#,##0":
            return "{:,}".format(int(v.value.quantize(D(1))))
        if v.fmt == "0.00":
            return "{:.2f}".format(v.value)
        raise ValueError(v.fmt)
    if isinstance(v, Dt):
        d = v.value
        if v.fmt == "ymd":
            return f"{d.year}/{d.month}/{d.day}"
        return f"{d.year}年{d.month}月{d.day}日"
    if isinstance(v, int):
        return str(v)
    raise TypeError(v)


# --------------------------------------------------------------------------
# Styles: one name per look; each becomes an openpyxl style and an Excel class.

STYLES = {}


def style(name, **kw):
    base = dict(font=None, size=11, bold=False, h="general", v="center", wrap=False,
                border=False, fill=None, fmt=None, quote=False)
    base.update(kw)
    STYLES[name] = base


class Sheet:
    def __init__(self, key, title, ncols, widths, font, charset, title_font):
        self.key = key
        self.title = title  # worksheet tab name
        self.ncols = ncols
        self.widths = widths  # px per column
        self.font = font
        self.charset = charset
        self.title_font = title_font
        self.cells = {}  # (r, c) -> (value, stylename)
        self.merges = []  # (r1, c1, r2, c2)
        self.heights = {}  # row -> px
        self.hidden = set()
        self.accounts = []  # Acc
        self.not_accounts = []  # (row, kind)
        self.header_row = None
        self.nrows = 0

    def put(self, r, c, value, st):
        self.cells[(r, c)] = (value, st)
        self.nrows = max(self.nrows, r)

    def merge(self, ref):
        c1, r1, c2, r2 = range_boundaries(ref)
        self.merges.append((r1, c1, r2, c2))

    def covered(self, r, c):
        for r1, c1, r2, c2 in self.merges:
            if r1 <= r <= r2 and c1 <= c <= c2 and (r, c) != (r1, c1):
                return True
        return False

    def merge_at(self, r, c):
        for m in self.merges:
            if (m[0], m[1]) == (r, c):
                return m
        return None

    def source(self, r, c):
        """The value that a merged region's top-left cell gives (r, c)."""
        for r1, c1, r2, c2 in self.merges:
            if r1 <= r <= r2 and c1 <= c <= c2:
                return self.cells.get((r1, c1), (None, None))[0], (r1, c1, r2, c2)
        return self.cells.get((r, c), (None, None))[0], None


# --------------------------------------------------------------------------
# A hand reading of an account row.


class Acc:
    def __init__(self, name, unit, level, level_src, platform, followers, posts, hpp,
                 staffing, fee_wan, reads, last, given, want, note=""):
        self.name = name
        self.unit = unit
        self.level = level  # county | township | village
        self.level_src = level_src  # words for the .md
        self.platform = platform
        # followers: int, or ("lt", 1000) for 不足1000/1000以下, or ("ge", 1000) for 1000以上, or None
        self.followers = followers
        self.posts = posts  # (lo, hi) Decimals or None
        self.hpp = hpp
        self.staffing = staffing  # part_time | dedicated | outsourced | None
        self.fee_wan = fee_wan  # Decimal or None
        self.reads = reads  # int or None
        # last: date, ("phrase", words) dormant phrase, ("atleast", days, words), or None
        self.last = last
        self.given = given  # keep | close | merge | None
        self.want = want  # (decision, rule)
        self.note = note
        self.row = None
        self.raw = {}  # column header -> displayed text, filled when laid out


def r2(lo, hi=None):
    lo = D(str(lo))
    return (lo, lo if hi is None else D(str(hi)))


def estimate(a):
    """SPEC §4 on one hand-read account. Returns a dict and the words of the arithmetic."""
    words = []
    posts = a.posts or DEFAULT_POSTS
    hpp = a.hpp or DEFAULT_HPP
    if a.staffing == "dedicated":
        hours = (D(FTE), D(FTE))
        words.append("运营方式 专职 (dedicated), no staff count → 1 × 2000 h = 2000 h (posts and hours per post are not used)")
    else:
        hours = (posts[0] * WEEKS * hpp[0], posts[1] * WEEKS * hpp[1])
        pw = fmt_range(posts) + (" posts/week" if a.posts else " posts/week (assumed 2–3)")
        hw = fmt_range(hpp) + (" h/post" if a.hpp else " h/post (assumed 2–3)")
        words.append(f"{pw} × 52 weeks × {hw} = {fmt_range(hours)} h")
    cash = (a.fee_wan or D(0)) * 10000
    if a.fee_wan is not None:
        words.append(f"cash: 外包费用 {general(a.fee_wan)} 万元 × 10,000 = {cash:,.0f} 元")
    else:
        words.append("cash: no fee → 0 元")

    # Decision
    why = []
    decision = rule = None
    if a.given:
        decision, rule = a.given, "given"
        why.append(f"the list's own 处置意见 says {a.raw.get('decision', '')} → {a.given} (given; no rule is consulted)")
    if decision is None:
        dormant = False
        if isinstance(a.last, dt.date):
            days = (AS_OF - a.last).days
            dormant = days > DORMANT_DAYS
            why.append(f"last post {a.last.isoformat()} is {days} day{'s' if days != 1 else ''} before 2019-04-19 "
                       + ("(15+ → dormant)" if dormant else "(≤ 14 → not dormant)"))
        elif isinstance(a.last, tuple) and a.last[0] == "phrase":
            dormant = True
            why.append(f"最近更新 says {a.last[1]} → dormant")
        elif isinstance(a.last, tuple) and a.last[0] == "atleast":
            dormant = a.last[1] > DORMANT_DAYS
            why.append(f"最近更新 says {a.last[2]} → at least {a.last[1]} days → dormant")
        else:
            why.append("no last post → dormant rule does not apply")
        if dormant:
            decision, rule = "close", "dormant"
    if decision is None:
        f = a.followers
        low = None
        if isinstance(f, int):
            low = f < FOLLOWERS_MIN
            why.append(f"followers {f:,} " + ("< 1000 → low reach" if low else "≥ 1000 → not low reach"))
        elif isinstance(f, tuple) and f[0] == "lt":
            low = True
            why.append(f"followers '{a.raw.get('followers')}' = below 1,000 → low reach")
        elif isinstance(f, tuple) and f[0] == "ge":
            low = False
            why.append(f"followers '{a.raw.get('followers')}' = at least 1,000 → not low reach")
        else:
            why.append("followers unknown → low-reach rule does not apply")
        if low:
            decision, rule = "close", "lowReach"
    if decision is None:
        if a.level == "village":
            decision, rule = "merge", "village"
            why.append("village level → merge")
        else:
            why.append(f"{a.level} level → village rule does not apply")
    if decision is None:
        if a.staffing == "outsourced" and a.reads is not None:
            reads_lo = posts[0] * WEEKS * a.reads
            reads_hi = posts[1] * WEEKS * a.reads
            c = Fraction(cash)
            cpr_lo = c / Fraction(reads_hi)
            cpr_hi = c / Fraction(reads_lo)
            mid = (cpr_lo + cpr_hi) / 2
            # the other reading of "compare a range by its midpoint": cash / (mid posts × 52 × reads)
            alt = c / (Fraction((posts[0] + posts[1]) / 2) * WEEKS * a.reads)
            assert (mid > CPR_MAX) == (alt > CPR_MAX), (a.name, mid, alt)
            poor = mid > CPR_MAX
            if reads_lo == reads_hi:
                why.append(f"outsourced, 篇均阅读 {a.reads:,}: {cash:,.0f} ÷ ({fmt_range(posts)} × 52 × {a.reads:,} = {reads_lo:,.0f}) = {float(cpr_lo):.3f} 元/read "
                           + ("> 1.00 → poor value" if poor else "≤ 1.00 → not poor value"))
            else:
                why.append(f"outsourced, 篇均阅读 {a.reads:,}: reads = {fmt_range(posts)} × 52 × {a.reads:,} = {reads_lo:,.0f}–{reads_hi:,.0f}; "
                           f"{cash:,.0f} ÷ that = {float(cpr_lo):.3f}–{float(cpr_hi):.3f} 元/read, midpoint {float(mid):.3f} "
                           + ("> 1.00 → poor value" if poor else "≤ 1.00 → not poor value"))
            if poor:
                decision, rule = "close", "poorValue"
        elif a.staffing == "outsourced":
            why.append("outsourced but no 篇均阅读 → poor-value rule does not apply")
        else:
            why.append("not outsourced → poor-value rule does not apply")
    if decision is None:
        decision, rule = "keep", "default"
        why.append("→ keep (default)")

    if decision == "close":
        freed = hours
        fw = f"close → hours freed = all {fmt_range(hours)} h"
    elif decision == "merge":
        freed = (hours[0] * MERGE_KEEP, hours[1] * MERGE_KEEP)
        fw = f"merge → hours freed = {fmt_range(hours)} × 0.7 = {fmt_range(freed)} h"
    else:
        freed = (D(0), D(0))
        fw = "keep → hours freed 0"
    saved = cash if decision in ("close", "merge") else D(0)
    fw += f"; cash saved {saved:,.0f} 元"
    assert (decision, rule) == a.want, (a.row, a.name, decision, rule, a.want)
    return dict(hours=hours, freed=freed, cash=cash, saved=saved, decision=decision, rule=rule), words, why, fw


def fmt_range(r):
    lo, hi = r
    if lo == hi:
        return general(D(lo))
    return f"{general(D(lo))}–{general(D(hi))}"


def jnum(d):
    d = D(d)
    if d == d.to_integral_value():
        return int(d)
    return float(str(d.normalize()))


# --------------------------------------------------------------------------
# Styles used by the sheets

def define_styles():
    style("title", size=16, h="center", bold=False, font="title")
    style("title_tw", size=16, h="center", bold=True, font="title")
    style("note", h="left")
    style("hdr", bold=True, h="center", wrap=True, border=True, fill="D9D9D9")
    style("sec", bold=True, h="left", border=True)
    style("seq", h="center", border=True)
    style("name", h="left", border=True)
    style("mid", h="center", border=True, wrap=True)  # unit / level / platform / staffing, merged down
    style("fig", border=True)  # numbers right, text left (General alignment)
    style("fig_comma", border=True, fmt="#,##0")
    style("fig_2dp", border=True, fmt="0.00")
    style("date", border=True, fmt="yyyy/m/d")
    style("date_cn", border=True, fmt='yyyy"年"m"月"d"日"')
    style("textfmt", border=True, fmt="@")
    style("quote", border=True, quote=True)
    style("tot", bold=True, h="center", border=True)
    style("totfig", bold=True, border=True)
    style("foot", h="left", v="top", wrap=True)
    style("sign", h="left")
    style("blank", border=True)


def cell_style_for(value, default):
    """The style a value gets in a figure column."""
    if isinstance(value, Dt):
        return "date_cn" if value.fmt == "cn" else "date"
    if isinstance(value, N):
        return {None: default, "#,##0": "fig_comma", "0.00": "fig_2dp"}[value.fmt]
    if isinstance(value, Q):
        return "quote"
    if isinstance(value, T):
        return "textfmt"
    return default


# --------------------------------------------------------------------------
# county

PLAT = {"微信公众号": "wechat", "订阅号": "wechat", "服务号": "wechat", "公众号": "wechat",
        "新浪微博": "weibo", "微博": "weibo", "抖音": "douyin", "今日头条": "toutiao", "头条号": "toutiao",
        "快手": "kuaishou", "视频号": "channels", "小红书": "xiaohongshu", "百家号": "baijiahao"}


def county():
    s = Sheet("county", "Sheet1", 13,
              [40, 120, 168, 88, 88, 72, 64, 64, 64, 64, 72, 96, 64],
              "宋体", 134, "方正小标宋简体")
    cols = ["seq", "name", "unit", "level", "platform", "followers", "reads", "posts", "hpp",
            "staffing", "fee", "last", "decision"]
    heads = {"seq": "序号", "name": "账号名称", "unit": "主办单位", "level": "层级", "platform": "平台",
             "followers": "粉丝数", "reads": "篇均阅读", "posts": "每周发布次数", "hpp": "每期耗时（小时）",
             "staffing": "运营方式", "fee": "外包费用（万元）", "last": "最近更新", "decision": "处置意见"}
    C = {k: i + 1 for i, k in enumerate(cols)}

    s.put(1, 1, "长兴县政务新媒体账号统计表（2019年4月）", "title")
    s.merge("A1:M1")
    s.heights[1] = 40
    s.not_accounts.append((1, "title"))
    s.put(2, 1, "填报单位：县委网信办（盖章）", "note")
    s.put(2, 11, "填报日期：2019年4月19日", "note")
    s.not_accounts.append((2, "note"))
    # two-row header
    for k in cols:
        s.put(3, C[k], None, "hdr")
        s.put(4, C[k], None, "hdr")
    s.put(3, 1, "序号", "hdr"); s.merge("A3:A4")
    s.put(3, 2, "账号名称", "hdr"); s.merge("B3:B4")
    s.put(3, 3, "基本情况", "hdr"); s.merge("C3:E3")
    s.put(3, 6, "传播情况", "hdr"); s.merge("F3:G3")
    s.put(3, 8, "运营情况", "hdr"); s.merge("H3:L3")
    s.put(3, 13, "处置意见", "hdr"); s.merge("M3:M4")
    for k in cols[2:12]:
        s.put(4, C[k], heads[k], "hdr")
    s.heights[4] = 38
    s.not_accounts.append((3, "group"))
    s.header_row = 4

    U = None  # "covered by the merge above"
    d = Dt
    # seq is filled in by lay_out; the tuple is the cells as typed from column B on.
    sections = [
        ("一、县级部门（{n}个）", "县级部门", "county", [
            # name, unit, platform, followers, reads, posts, hpp, staffing, fee, last, decision ; Acc reading
            (("长兴发布", "县委宣传部", "服务号", "10万+", N(8500), N(7), N(3), "专职", None, d(2019, 4, 18), "保留"),
             Acc("长兴发布", "县委宣传部", "county", "", "wechat", 100001, r2(7), r2(3), "dedicated", None, 8500,
                 dt.date(2019, 4, 18), "keep", ("keep", "given"))),
            (("长兴新闻", U, "今日头条", "2.3万", N(1200), N(5), N(2), "外包", N("8.5"), "昨天", None),
             Acc("长兴新闻", "县委宣传部", "county", "", "toutiao", 23000, r2(5), r2(2), "outsourced", D("8.5"), 1200,
                 dt.date(2019, 4, 18), None, ("keep", "default"), "昨天 = 2019-04-18")),
            (("长兴视界", U, "视频号", "不足1000", None, N(1), None, "兼职", None, d(2019, 4, 10), None),
             Acc("长兴视界", "县委宣传部", "county", "", "channels", ("lt", 1000), r2(1), None, "part_time", None, None,
                 dt.date(2019, 4, 10), None, ("close", "lowReach"))),
            (("长兴交警", "县公安局交警大队", "微信公众号", "1.2万", N(2300), N(3), N(2), "兼职", None, d(2019, 4, 16), None),
             Acc("长兴交警", "县公安局交警大队", "county", "", "wechat", 12000, r2(3), r2(2), "part_time", None, 2300,
                 dt.date(2019, 4, 16), None, ("keep", "default"))),
            (("长兴交警", U, "抖音", N(45000, "#,##0"), None, N(2), N(3), "兼职", None, Q("4-18"), None),
             Acc("长兴交警", "县公安局交警大队", "county", "", "douyin", 45000, r2(2), r2(3), "part_time", None, None,
                 dt.date(2019, 4, 18), None, ("keep", "default"), "4-18 (no year) = 2019-04-18")),
            (("长兴农业", "县农业农村局", "订阅号", "3千", N(300), N(2), N(2), "外包", N(20, "0.00"), d(2019, 4, 12), None),
             Acc("长兴农业", "县农业农村局", "county", "", "wechat", 3000, r2(2), r2(2), "outsourced", D(20), 300,
                 dt.date(2019, 4, 12), None, ("close", "poorValue"))),
            (("长兴乡村振兴", U, "新浪微博", N(856), None, None, None, U, N("1.2"), T("7月16日"), None),
             Acc("长兴乡村振兴", "县农业农村局", "county", "", "weibo", 856, None, None, "outsourced", D("1.2"), None,
                 dt.date(2018, 7, 16), None, ("close", "dormant"), "7月16日 (no year) = 2018-07-16")),
            (("长兴教育", "县教育局", "微信公众号", "5.6万", N(3200), N(5), N("2.5"), "兼职", None, d(2019, 4, 17), None),
             Acc("长兴教育", "县教育局", "county", "", "wechat", 56000, r2(5), r2("2.5"), "part_time", None, 3200,
                 dt.date(2019, 4, 17), None, ("keep", "default"))),
            (("长兴市场监管", "县市场监管局", "微信公众号", N(8600, "#,##0"), N(450), N(2), N(2), "兼职", None, d(2019, 4, 5), None),
             Acc("长兴市场监管", "县市场监管局", "county", "", "wechat", 8600, r2(2), r2(2), "part_time", None, 450,
                 dt.date(2019, 4, 5), None, ("keep", "default"))),
            (("长兴消保", U, U, N(1000, "#,##0"), None, N(1), N(2), "兼职", None, d(2019, 4, 15), None),
             Acc("长兴消保", "县市场监管局", "county", "", "wechat", 1000, r2(1), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 15), None, ("keep", "default"))),
            (("长兴食安", U, "抖音", "1000以下", None, N(1), N(3), "兼职", None, d(2019, 4, 4), None),
             Acc("长兴食安", "县市场监管局", "county", "", "douyin", ("lt", 1000), r2(1), r2(3), "part_time", None, None,
                 dt.date(2019, 4, 4), None, ("close", "dormant"))),
            (("长兴文旅", "县文广旅体局", "微信公众号", "1.8万", N(900), N(4), N(3), "外包", N(15), d(2019, 4, 18), None),
             Acc("长兴文旅", "县文广旅体局", "county", "", "wechat", 18000, r2(4), r2(3), "outsourced", D(15), 900,
                 dt.date(2019, 4, 18), None, ("keep", "default"))),
            (("长兴体育", U, "新浪微博", "约500", None, N(1), N(2), "兼职", None, d(2019, 4, 15), None),
             Acc("长兴体育", "县文广旅体局", "county", "", "weibo", 500, r2(1), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 15), None, ("close", "lowReach"))),
            (("健康长兴", "县卫健局", "微信公众号", "2.1万", N(1500), N(3), "2~3", "兼职", None, Q("19/4/2"), None),
             Acc("健康长兴", "县卫健局", "county", "", "wechat", 21000, r2(3), r2(2, 3), "part_time", None, 1500,
                 dt.date(2019, 4, 2), None, ("close", "dormant"), "19/4/2 = 2019-04-02")),
            (("长兴司法", "县司法局", "订阅号", N(600), None, N(1), N(2), "兼职", None, "已停更", "关停"),
             Acc("长兴司法", "县司法局", "county", "", "wechat", 600, r2(1), r2(2), "part_time", None, None,
                 ("phrase", "已停更"), "close", ("close", "given"),
                 "this row is HIDDEN in the workbook (row 20 hidden; style='display:none' in the Excel HTML); "
                 "a plain copy still carries it, so it counts as an account")),
        ]),
        ("二、乡镇（街道）（{n}个）", "乡镇（街道）", "township", [
            (("李家巷发布", "李家巷镇", "微信公众号", N(6800), N(700), N(7), N(2), "专职", None, d(2019, 4, 18), None),
             Acc("李家巷发布", "李家巷镇", "township", "", "wechat", 6800, r2(7), r2(2), "dedicated", None, 700,
                 dt.date(2019, 4, 18), None, ("keep", "default"))),
            (("李家巷党建", U, "订阅号", N(2400), N(260), N(7), N(2), U, None, d(2019, 4, 17), "归并"),
             Acc("李家巷党建", "李家巷镇", "township", "", "wechat", 2400, r2(7), r2(2), "dedicated", None, 260,
                 dt.date(2019, 4, 17), "merge", ("merge", "given"))),
            (("李家巷青年", U, "抖音", "不足1000", None, N(7), N(2), "兼职", None, d(2019, 4, 18), None),
             Acc("李家巷青年", "李家巷镇", "township", "", "douyin", ("lt", 1000), r2(7), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 18), None, ("close", "lowReach"))),
            (("李家巷便民服务", U, "服务号", N(1500), N(150), None, N(1), "兼职", None, "近一月未更新", None),
             Acc("李家巷便民服务", "李家巷镇", "township", "", "wechat", 1500, None, r2(1), "part_time", None, 150,
                 ("atleast", 30, "近一月未更新"), None, ("close", "dormant"))),
            (("雉城发布", "雉城街道", "微信公众号", "1.1万", N(800), N(3), N(3), "兼职", None, d(2019, 4, 16), None),
             Acc("雉城发布", "雉城街道", "township", "", "wechat", 11000, r2(3), r2(3), "part_time", None, 800,
                 dt.date(2019, 4, 16), None, ("keep", "default"))),
            (("雉城街道", U, "新浪微博", "1000以上", None, N(1), N(2), "兼职", None, d(2019, 4, 11), None),
             Acc("雉城街道", "雉城街道", "township", "", "weibo", ("ge", 1000), r2(1), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 11), None, ("keep", "default"))),
            (("和平发布", "和平镇", "订阅号", N(3200), N(400), "2~3", N(2), "外包", N(12), d(2019, 4, 15), None),
             Acc("和平发布", "和平镇", "township", "", "wechat", 3200, r2(2, 3), r2(2), "outsourced", D(12), 400,
                 dt.date(2019, 4, 15), None, ("close", "poorValue"))),
            (("和平视窗", U, "今日头条", N(5600), N(300), "2~3", N(2), U, N(8), d(2019, 4, 8), None),
             Acc("和平视窗", "和平镇", "township", "", "toutiao", 5600, r2(2, 3), r2(2), "outsourced", D(8), 300,
                 dt.date(2019, 4, 8), None, ("close", "poorValue"))),
            (("图影度假区", "太湖图影旅游度假区管委会", "视频号", "1.5万", None, N(2), N(3), "外包", N("3.6"), "已停更", None),
             Acc("图影度假区", "太湖图影旅游度假区管委会", "township", "", "channels", 15000, r2(2), r2(3), "outsourced",
                 D("3.6"), None, ("phrase", "已停更"), None, ("close", "dormant"))),
        ]),
        ("三、村（社区）（{n}个）", "村（社区）", "village", [
            (("顾渚村", "水口乡顾渚村", "微信公众号", N(4500), N(600), N(2), N(2), "兼职", None, d(2019, 4, 17), None),
             Acc("顾渚村", "水口乡顾渚村", "village", "", "wechat", 4500, r2(2), r2(2), "part_time", None, 600,
                 dt.date(2019, 4, 17), None, ("merge", "village"))),
            (("顾渚茶旅", U, "抖音", "1.3万", None, N(3), N(2), "兼职", None, d(2019, 4, 14), None),
             Acc("顾渚茶旅", "水口乡顾渚村", "village", "", "douyin", 13000, r2(3), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 14), None, ("merge", "village"))),
            (("长兴里社区", "雉城街道长兴里社区", "微信公众号", N(780), None, N(1), N(2), "兼职", None, d(2019, 4, 12), None),
             Acc("长兴里社区", "雉城街道长兴里社区", "village", "", "wechat", 780, r2(1), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 12), None, ("close", "lowReach"))),
            (("长兴里邻里", U, "订阅号", N(1200), None, None, None, "兼职", None, None, None),
             Acc("长兴里邻里", "雉城街道长兴里社区", "village", "", "wechat", 1200, None, None, "part_time", None, None,
                 None, None, ("merge", "village"))),
            (("新川村务", "煤山镇新川村", "微信公众号", N(2600), None, N(1), N(3), "兼职", None, Dt(2018, 12, 20, "cn"), None),
             Acc("新川村务", "煤山镇新川村", "village", "", "wechat", 2600, r2(1), r2(3), "part_time", None, None,
                 dt.date(2018, 12, 20), None, ("close", "dormant"))),
            (("陈家村", "洪桥镇陈家村", "微信公众号", N(1900), N(90), N(1), N(2), "外包", N(2), d(2019, 4, 16), None),
             Acc("陈家村", "洪桥镇陈家村", "village", "", "wechat", 1900, r2(1), r2(2), "outsourced", D(2), 90,
                 dt.date(2019, 4, 16), None, ("merge", "village"),
                 "poor value would also match (20,000 ÷ (1 × 52 × 90) = 4.27 元/read) but the village rule comes first")),
            (("陈家村党建", U, "视频号", N(2100), None, N(1), N(2), "兼职", None, d(2019, 4, 9), "保留"),
             Acc("陈家村党建", "洪桥镇陈家村", "village", "", "channels", 2100, r2(1), r2(2), "part_time", None, None,
                 dt.date(2019, 4, 9), "keep", ("keep", "given"))),
        ]),
    ]

    r = 5
    seq = 0
    sums_all = {"followers": D(0), "posts": D(0), "fee": D(0)}
    for heading, level_word, level, rows in sections:
        s.put(r, 1, heading.format(n=len(rows)), "sec")
        for c in range(2, 14):
            s.put(r, c, None, "sec")
        s.merge(f"A{r}:M{r}")
        s.not_accounts.append((r, "heading"))
        r += 1
        first = r
        sums = {"followers": D(0), "posts": D(0), "fee": D(0)}
        for cells, acc in rows:
            seq += 1
            name, unit, plat, fol, reads, posts, hpp, staff, fee, last, dec = cells
            vals = {"seq": N(seq), "name": name, "unit": unit, "level": level_word if r == first else None,
                    "platform": plat, "followers": fol, "reads": reads, "posts": posts, "hpp": hpp,
                    "staffing": staff, "fee": fee, "last": last, "decision": dec}
            stymap = {"seq": "seq", "name": "name", "unit": "mid", "level": "mid", "platform": "mid",
                      "staffing": "mid", "decision": "mid"}
            for k in cols:
                v = vals[k]
                st = stymap.get(k) or cell_style_for(v, "fig")
                s.put(r, C[k], v, st)
            for k, key in (("followers", "followers"), ("posts", "posts"), ("fee", "fee")):
                if isinstance(vals[k], N):
                    sums[key] += vals[k].value
            acc.row = r
            acc.level_src = f"层级 {level_word} (D{first}:D{first + len(rows) - 1} merged; section heading {heading.format(n=len(rows))[:2]})"
            s.accounts.append(acc)
            r += 1
        last_row = r - 1
        s.merge(f"D{first}:D{last_row}")
        # 小计
        s.put(r, 1, None, "tot")
        s.put(r, 2, "小计", "tot")
        for k in cols[2:]:
            s.put(r, C[k], None, "totfig")
        s.put(r, C["followers"], N(sums["followers"]), "totfig")
        s.put(r, C["posts"], N(sums["posts"]), "totfig")
        s.put(r, C["fee"], N(sums["fee"]), "totfig")
        for k in sums:
            sums_all[k] += sums[k]
        s.not_accounts.append((r, "totals"))
        r += 1
    # merges of unit / platform / staffing, by the rows they were laid out at
    rows_of = {a.row: a for a in s.accounts}
    for ref in ["C6:C8", "C9:C10", "C11:C12", "C14:C16", "C17:C18",  # county units
                "E14:E15",  # two 微信公众号 of 县市场监管局
                "J11:J12",  # 外包 over 县农业农村局's two accounts
                "C23:C26", "J23:J24", "C27:C28", "C29:C30", "J29:J30",
                "C34:C35", "C36:C37", "C39:C40"]:
        s.merge(ref)
    # 合计
    s.put(r, 1, "合计", "tot")
    s.put(r, 2, None, "tot")
    s.merge(f"A{r}:B{r}")
    for k in cols[2:]:
        s.put(r, C[k], None, "totfig")
    s.put(r, C["followers"], N(sums_all["followers"]), "totfig")
    s.put(r, C["posts"], N(sums_all["posts"]), "totfig")
    s.put(r, C["fee"], N(sums_all["fee"]), "totfig")
    s.not_accounts.append((r, "totals"))
    r += 1
    s.put(r, 1, '填表说明：1.粉丝数截至2019年3月31日；\n2.每期耗时指采集、编辑、审核、发布一期所用的小时数；\n'
                '3.外包费用按年计，单位万元；4.处置意见填写"保留""关停"或"归并"，拟保留的可不填。', "foot")
    s.merge(f"A{r}:M{r}")
    s.heights[r] = 64
    s.not_accounts.append((r, "footer"))
    r += 1
    s.put(r, 2, "制表人：张三", "sign")
    s.put(r, 6, "审核人：李四", "sign")
    s.put(r, 10, "联系电话：0572-6021234", "sign")
    s.not_accounts.append((r, "footer"))
    s.hidden.add(20)
    s.nrows = r
    s.colkeys = cols
    s.heads = heads
    # the raw (displayed) text of each account's cells, merged cells resolved
    for a in s.accounts:
        for k in cols:
            v, _ = s.source(a.row, C[k])
            a.raw[k] = displayed(v)
        assert a.raw["name"] == a.name and a.raw["unit"] == a.unit, (a.row, a.raw)
        assert PLAT[a.raw["platform"]] == a.platform, (a.row, a.raw["platform"])
    return s


# --------------------------------------------------------------------------
# township: one township, no platform and no level column, platform in brackets

def township():
    s = Sheet("township", "Sheet1", 9, [40, 176, 160, 72, 64, 64, 72, 88, 120],
              "宋体", 134, "方正小标宋简体")
    cols = ["seq", "name", "unit", "followers", "posts", "staffing", "fee", "last", "remark"]
    heads = ["序号", "公众号名称", "主办单位", "粉丝数", "每周发布次数", "运营方式", "外包费用（万元）", "最近更新", "备注"]
    C = {k: i + 1 for i, k in enumerate(cols)}
    s.put(1, 1, "洪桥镇政务新媒体账号情况统计表", "title")
    s.merge("A1:I1")
    s.heights[1] = 40
    s.not_accounts.append((1, "title"))
    for i, h in enumerate(heads):
        s.put(2, i + 1, h, "hdr")
    s.heights[2] = 38
    s.header_row = 2
    U = None
    d = Dt
    # each group: list of (cells, Acc); groups are separated by one blank row
    groups = [
        [(("洪桥发布", "洪桥镇人民政府", "2.6万", N(5), "兼职", None, d(2019, 4, 18), "镇主账号"),
          Acc("洪桥发布", "洪桥镇人民政府", "township", "inferred: unit 洪桥镇人民政府 has 镇", "wechat", 26000, r2(5), None,
              "part_time", None, None, dt.date(2019, 4, 18), None, ("keep", "default"))),
         (("洪桥发布（新浪微博）", U, "3千", N(2), U, None, d(2019, 4, 10), None),
          Acc("洪桥发布", "洪桥镇人民政府", "township", "inferred: unit 洪桥镇人民政府 has 镇", "weibo", 3000, r2(2), None,
              "part_time", None, None, dt.date(2019, 4, 10), None, ("keep", "default"))),
         (("洪桥发布（抖音）", U, "不足1000", N(3), U, None, d(2019, 4, 16), "2019年1月开通"),
          Acc("洪桥发布", "洪桥镇人民政府", "township", "inferred: unit 洪桥镇人民政府 has 镇", "douyin", ("lt", 1000), r2(3), None,
              "part_time", None, None, dt.date(2019, 4, 16), None, ("close", "lowReach")))],
        [(("洪桥党建", "洪桥镇党委", N(1800), N(2), "外包", N(6), d(2019, 4, 2), None),
          Acc("洪桥党建", "洪桥镇党委", "township", "inferred: unit 洪桥镇党委 has 镇", "wechat", 1800, r2(2), None,
              "outsourced", D(6), None, dt.date(2019, 4, 2), None, ("close", "dormant"))),
         (("洪桥清风（今日头条）", U, "1.1万", N(1), U, N("3.5"), d(2019, 4, 12), None),
          Acc("洪桥清风", "洪桥镇党委", "township", "inferred: unit 洪桥镇党委 has 镇", "toutiao", 11000, r2(1), None,
              "outsourced", D("3.5"), None, dt.date(2019, 4, 12), None, ("keep", "default")))],
        [(("洪桥农业", "洪桥镇农业农村办", N(1500), N(2), "兼职", None, d(2019, 4, 17), None),
          Acc("洪桥农业", "洪桥镇农业农村办", "township",
              "inferred: 农业农村 is a department word, not a village (the brief's exception), and unit has 镇",
              "wechat", 1500, r2(2), None, "part_time", None, None, dt.date(2019, 4, 17), None, ("keep", "default"),
              "a reader that takes the 村 of 农业农村 for a village would merge it instead"))],
        [(("陈家村", "洪桥镇陈家村村委会", N(1200), N(1), "兼职", None, d(2019, 4, 15), None),
          Acc("陈家村", "洪桥镇陈家村村委会", "village", "inferred: name 陈家村 has 村", "wechat", 1200, r2(1), None,
              "part_time", None, None, dt.date(2019, 4, 15), None, ("merge", "village"))),
         (("陈家村（视频号）", U, N(600), N(1), U, None, Q("4-18"), None),
          Acc("陈家村", "洪桥镇陈家村村委会", "village", "inferred: name 陈家村 has 村", "channels", 600, r2(1), None,
              "part_time", None, None, dt.date(2019, 4, 18), None, ("close", "lowReach"), "4-18 (no year) = 2019-04-18"))],
        [(("洪桥社区", "洪桥镇洪桥社区居委会", N(3400), N(2), "兼职", None, "昨天", None),
          Acc("洪桥社区", "洪桥镇洪桥社区居委会", "village", "inferred: name 洪桥社区 has 社区", "wechat", 3400, r2(2), None,
              "part_time", None, None, dt.date(2019, 4, 18), None, ("merge", "village"), "昨天 = 2019-04-18")),
         (("幸福洪桥（快手）", U, "1000以下", N(1), U, None, d(2019, 4, 16), None),
          Acc("幸福洪桥", "洪桥镇洪桥社区居委会", "village",
              "inferred: the name has no level word; the unit (merged from row 15) 洪桥镇洪桥社区居委会 has 社区, checked before 镇",
              "kuaishou", ("lt", 1000), r2(1), None, "part_time", None, None, dt.date(2019, 4, 16), None,
              ("close", "lowReach")))],
        [(("和睦村务", "洪桥镇和睦村", N(2000), N(1), "外包", N("1.5"), "已停更", "合同2019年6月到期"),
          Acc("和睦村务", "洪桥镇和睦村", "village", "inferred: name 和睦村务 has 村", "wechat", 2000, r2(1), None,
              "outsourced", D("1.5"), None, ("phrase", "已停更"), None, ("close", "dormant")))],
        [(("洪桥文明实践（小红书）", "洪桥镇宣传办", N(1500), N(3), "专职", None, d(2019, 4, 18), None),
          Acc("洪桥文明实践", "洪桥镇宣传办", "township", "inferred: unit 洪桥镇宣传办 has 镇", "xiaohongshu", 1500, r2(3), None,
              "dedicated", None, None, dt.date(2019, 4, 18), None, ("keep", "default")))],
    ]
    r = 3
    seq = 0
    sums = {"followers": D(0), "posts": D(0), "fee": D(0)}
    stymap = {"seq": "seq", "name": "name", "unit": "mid", "staffing": "mid", "remark": "name"}
    for gi, g in enumerate(groups):
        if gi:
            for c in range(1, 10):
                s.put(r, c, None, "blank")
            s.not_accounts.append((r, "blank"))
            r += 1
        first = r
        for cells, acc in g:
            seq += 1
            name, unit, fol, posts, staff, fee, last, remark = cells
            vals = dict(seq=N(seq), name=name, unit=unit, followers=fol, posts=posts, staffing=staff, fee=fee,
                        last=last, remark=remark)
            for k in cols:
                v = vals[k]
                s.put(r, C[k], v, stymap.get(k) or cell_style_for(v, "fig"))
            for k in sums:
                if isinstance(vals[k], N):
                    sums[k] += vals[k].value
            acc.row = r
            s.accounts.append(acc)
            r += 1
        if len(g) > 1:
            s.merge(f"C{first}:C{r - 1}")
            s.merge(f"F{first}:F{r - 1}")  # one group, one way of running it
    s.put(r, 1, "合计", "tot")
    s.put(r, 2, None, "tot")
    s.merge(f"A{r}:B{r}")
    for c in range(3, 10):
        s.put(r, c, None, "totfig")
    s.put(r, C["followers"], N(sums["followers"]), "totfig")
    s.put(r, C["posts"], N(sums["posts"]), "totfig")
    s.put(r, C["fee"], N(sums["fee"]), "totfig")
    s.not_accounts.append((r, "totals"))
    r += 1
    s.put(r, 1, "注：粉丝数截至2019年4月15日；未注明平台的为微信公众号。", "foot")
    s.merge(f"A{r}:I{r}")
    s.not_accounts.append((r, "footer"))
    r += 1
    s.put(r, 1, "填表人：赵六", "sign")
    s.put(r, 6, "审核人：王五", "sign")
    s.not_accounts.append((r, "footer"))
    s.nrows = r
    s.colkeys = cols
    s.heads = dict(zip(cols, heads))
    for a in s.accounts:
        for k in cols:
            v, _ = s.source(a.row, C[k])
            a.raw[k] = displayed(v)
        assert a.raw["unit"] == a.unit, (a.row, a.raw)
        assert a.raw["name"].startswith(a.name), (a.row, a.raw)
    return s


# --------------------------------------------------------------------------
# traditional: a small list in Traditional characters

def traditional():
    s = Sheet("traditional", "工作表1", 9, [40, 176, 144, 80, 72, 72, 64, 80, 88],
              "新細明體", 136, "標楷體")
    cols = ["seq", "name", "unit", "level", "followers", "posts", "staffing", "fee", "last"]
    heads = ["序號", "公眾號名稱", "主辦單位", "層級", "粉絲數", "每週發佈次數", "運營方式", "外包費用（萬元）", "最近更新"]
    C = {k: i + 1 for i, k in enumerate(cols)}
    s.put(1, 1, "長興縣政務新媒體賬號統計表", "title_tw")
    s.merge("A1:I1")
    s.heights[1] = 40
    s.not_accounts.append((1, "title"))
    for i, h in enumerate(heads):
        s.put(2, i + 1, h, "hdr")
    s.heights[2] = 38
    s.header_row = 2
    U = None
    d = Dt
    rows = [
        (("長興發布", "縣委宣傳部", "縣級部門", "10萬+", N(7), "專職", None, d(2019, 4, 18)),
         Acc("長興發布", "縣委宣傳部", "county", "層級 縣級部門 (D3:D5 merged)", "wechat", 100001, r2(7), None,
             "dedicated", None, None, dt.date(2019, 4, 18), None, ("keep", "default"))),
        (("長興教育", "縣教育局", U, "1.2萬", N(3), "兼職", None, d(2019, 4, 12)),
         Acc("長興教育", "縣教育局", "county", "層級 縣級部門 (D3:D5 merged)", "wechat", 12000, r2(3), None,
             "part_time", None, None, dt.date(2019, 4, 12), None, ("keep", "default"))),
        (("長興農業", "縣農業農村局", U, "不足1000", N(2), "外包", N(5), d(2019, 4, 15)),
         Acc("長興農業", "縣農業農村局", "county", "層級 縣級部門 (D3:D5 merged)", "wechat", ("lt", 1000), r2(2), None,
             "outsourced", D(5), None, dt.date(2019, 4, 15), None, ("close", "lowReach"))),
        (("雉城發布", "雉城街道辦事處", "鄉鎮", N(8600, "#,##0"), N(2), "兼職", None, T("7月16日")),
         Acc("雉城發布", "雉城街道辦事處", "township", "層級 鄉鎮 (D6:D7 merged)", "wechat", 8600, r2(2), None,
             "part_time", None, None, dt.date(2018, 7, 16), None, ("close", "dormant"), "7月16日 (no year) = 2018-07-16")),
        (("李家巷發布", "李家巷鎮人民政府", U, "2.3萬", N(5), "外包", N("12.5"), d(2019, 4, 17)),
         Acc("李家巷發布", "李家巷鎮人民政府", "township", "層級 鄉鎮 (D6:D7 merged)", "wechat", 23000, r2(5), None,
             "outsourced", D("12.5"), None, dt.date(2019, 4, 17), None, ("keep", "default"))),
        (("顧渚村", "水口鄉顧渚村", "村（社區）", N(3200), N(1), "兼職", None, d(2019, 4, 10)),
         Acc("顧渚村", "水口鄉顧渚村", "village", "層級 村（社區） (D8:D9 merged)", "wechat", 3200, r2(1), None,
             "part_time", None, None, dt.date(2019, 4, 10), None, ("merge", "village"))),
        (("城東社區", "雉城街道城東社區", U, "約500", N(1), "兼職", None, d(2019, 4, 18)),
         Acc("城東社區", "雉城街道城東社區", "village", "層級 村（社區） (D8:D9 merged)", "wechat", 500, r2(1), None,
             "part_time", None, None, dt.date(2019, 4, 18), None, ("close", "lowReach"))),
        (("和平發布（新浪微博）", "和平鎮人民政府", "鄉鎮", "1000以上", N(2), "兼職", None, "長期未更新"),
         Acc("和平發布", "和平鎮人民政府", "township", "層級 鄉鎮 (D10)", "weibo", ("ge", 1000), r2(2), None,
             "part_time", None, None, ("phrase", "長期未更新 (长期未更新)"), None, ("close", "dormant"))),
    ]
    r = 3
    sums = {"followers": D(0), "posts": D(0), "fee": D(0)}
    stymap = {"seq": "seq", "name": "name", "unit": "mid", "level": "mid", "staffing": "mid"}
    for i, (cells, acc) in enumerate(rows):
        name, unit, level, fol, posts, staff, fee, last = cells
        vals = dict(seq=N(i + 1), name=name, unit=unit, level=level, followers=fol, posts=posts, staffing=staff,
                    fee=fee, last=last)
        for k in cols:
            v = vals[k]
            s.put(r, C[k], v, stymap.get(k) or cell_style_for(v, "fig"))
        for k in sums:
            if isinstance(vals[k], N):
                sums[k] += vals[k].value
        acc.row = r
        s.accounts.append(acc)
        r += 1
    for ref in ["D3:D5", "D6:D7", "D8:D9"]:
        s.merge(ref)
    s.put(r, 1, "合計", "tot")
    s.put(r, 2, None, "tot")
    s.merge(f"A{r}:B{r}")
    for c in range(3, 10):
        s.put(r, c, None, "totfig")
    s.put(r, C["followers"], N(sums["followers"]), "totfig")
    s.put(r, C["posts"], N(sums["posts"]), "totfig")
    s.put(r, C["fee"], N(sums["fee"]), "totfig")
    s.not_accounts.append((r, "totals"))
    r += 1
    s.put(r, 1, "註：粉絲數截至2019年3月31日；未註明平臺者為微信公眾號。", "foot")
    s.merge(f"A{r}:I{r}")
    s.not_accounts.append((r, "footer"))
    s.nrows = r
    s.colkeys = cols
    s.heads = dict(zip(cols, heads))
    for a in s.accounts:
        for k in cols:
            v, _ = s.source(a.row, C[k])
            a.raw[k] = displayed(v)
        assert a.raw["name"].startswith(a.name) and a.raw["unit"] == a.unit, (a.row, a.raw)
    return s


# --------------------------------------------------------------------------
# .xlsx

def write_xlsx(s, path):
    wb = Workbook()
    ws = wb.active
    ws.title = s.title
    fixed = dt.datetime(2019, 4, 19, 9, 0, 0)
    wb.properties.creator = "县委网信办"
    wb.properties.lastModifiedBy = "县委网信办"
    wb.properties.created = fixed
    wb.properties.modified = fixed
    thin = Side(style="thin", color="000000")
    for i, px in enumerate(s.widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = round((px - 5) / 7, 2)
    for r, px in s.heights.items():
        ws.row_dimensions[r].height = px * 0.75
    for r in s.hidden:
        ws.row_dimensions[r].hidden = True
    for (r, c), (v, st) in sorted(s.cells.items()):
        if s.covered(r, c) and v is not None:
            raise ValueError(f"value in covered cell {r},{c}")
        cell = ws.cell(row=r, column=c)
        if isinstance(v, N):
            cell.value = int(v.value) if v.value == v.value.to_integral_value() else float(v.value)
        elif isinstance(v, Dt):
            cell.value = v.value
        elif isinstance(v, (Q, T)):
            cell.value = v.value
        elif isinstance(v, str):
            cell.value = v
        sd = STYLES[st]
        fname = s.title_font if sd["font"] == "title" else s.font
        cell.font = Font(name=fname, size=sd["size"], bold=sd["bold"])
        cell.alignment = Alignment(horizontal=None if sd["h"] == "general" else sd["h"],
                                   vertical=sd["v"], wrap_text=sd["wrap"] or None)
        if sd["border"]:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        if sd["fill"]:
            cell.fill = PatternFill("solid", fgColor=sd["fill"])
        if isinstance(v, Dt):
            cell.number_format = DATEFMT[v.fmt]
        elif sd["fmt"]:
            cell.number_format = sd["fmt"]
        if sd["quote"]:
            cell._style.quotePrefix = 1
    # merged cells: openpyxl draws no border on the covered cells unless told; we set it above.
    for r1, c1, r2_, c2 in s.merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2_, end_column=c2)
    ws.sheet_view.zoomScale = 100
    wb.save(path)


# --------------------------------------------------------------------------
# .tsv: Excel's text/plain

def tsv_cell(text):
    if any(ch in text for ch in "\t\n\r\""):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_tsv(s, path):
    lines = []
    for r in range(1, s.nrows + 1):
        row = []
        for c in range(1, s.ncols + 1):
            if s.covered(r, c):
                row.append("")
            else:
                row.append(tsv_cell(displayed(s.cells.get((r, c), (None, None))[0])))
        lines.append("\t".join(row))
    data = "\r\n".join(lines) + "\r\n"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(data)


# --------------------------------------------------------------------------
# .excel.html: a model of Excel 2016's clipboard text/html

def css_numfmt(fmt):
    out = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            out.append("\\0022")
        elif ch.isalnum() and ord(ch) < 128:
            out.append(ch)
        elif ord(ch) >= 128:
            out.append(ch)
        else:
            out.append("\\" + ch)
        i += 1
    return '"' + "".join(out) + '"'


def pt(px, keep_decimal):
    v = D(px) * D("0.75")
    s = format(v.normalize(), "f")
    if keep_decimal and "." not in s:
        s += ".0"
    return s + "pt"


def html_text(t):
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return t.replace("\n", "<br style='mso-data-placement:same-cell;' />")


def text_px(t):
    """Rough width of 11pt text: CJK and full-width 15 px, the rest 8 px."""
    return sum(15 if ord(ch) > 0x2E80 else 8 for ch in t)


def overflow_span(s, r, c):
    """How many columns a plain (unbordered, unwrapped, left/general) text cell spills over."""
    v, st = s.cells.get((r, c), (None, None))
    if not isinstance(v, str) or s.merge_at(r, c) or "\n" in v:
        return 1
    sd = STYLES[st]
    if sd["border"] or sd["wrap"] or sd["h"] not in ("general", "left"):
        return 1
    need = text_px(v)
    span, width = 1, s.widths[c - 1]
    while width < need and c + span <= s.ncols:
        nxt = (r, c + span)
        if nxt in s.cells or s.covered(*nxt):
            break
        width += s.widths[c + span - 1]
        span += 1
    return span


def write_excel_html(s, path):
    # classes in order of first use, from xl65 on, as Excel numbers them
    used = []
    for r in range(1, s.nrows + 1):
        for c in range(1, s.ncols + 1):
            if (r, c) in s.cells:
                v, st = s.cells[(r, c)]
                key = st
                if isinstance(v, Dt):
                    key = "date_cn" if v.fmt == "cn" else "date"
                if key not in used:
                    used.append(key)
    css = []
    cls = {}
    seen = {}  # CSS body -> class: Excel writes one class per distinct look
    for k in used:
        sd = STYLES[k]
        p = ["mso-style-parent:style0"]
        if sd["size"] != 11:
            p.append(f"font-size:{sd['size']}.0pt")
        if sd["bold"]:
            p.append("font-weight:700")
        fname = s.title_font if sd["font"] == "title" else s.font
        p.append(f"font-family:{fname}")
        p.append("mso-generic-font-family:auto")
        p.append(f"mso-font-charset:{s.charset}")
        if sd["fmt"]:
            p.append(f"mso-number-format:{css_numfmt(sd['fmt'])}")
        if sd["h"] != "general":
            p.append(f"text-align:{sd['h']}")
        p.append(f"vertical-align:{'top' if sd['v'] == 'top' else 'middle'}")
        if sd["border"]:
            p.append("border:.5pt solid windowtext")
        if sd["fill"]:
            p.append(f"background:#{sd['fill']}")
            p.append("mso-pattern:black none")
        if sd["wrap"]:
            p.append("white-space:normal")
        body = ";\n\t".join(p)
        if body in seen:
            cls[k] = seen[body]
            continue
        cls[k] = seen[body] = f"xl{65 + len(seen)}"
        css.append(f".{cls[k]}\n\t{{" + body + ";}")

    total_px = sum(s.widths)
    out = []
    w = out.append
    w('<html xmlns:v="urn:schemas-microsoft-com:vml"')
    w('xmlns:o="urn:schemas-microsoft-com:office:office"')
    w('xmlns:x="urn:schemas-microsoft-com:office:excel"')
    w('xmlns="http://www.w3.org/TR/REC-html40">')
    w("")
    w("<head>")
    w('<meta http-equiv=Content-Type content="text/html; charset=utf-8">')
    w("<meta name=ProgId content=Excel.Sheet>")
    w('<meta name=Generator content="Microsoft Excel 15">')
    w("<link id=Main-File rel=Main-File")
    w('href="file:///C:/Users/Administrator/AppData/Local/Temp/msohtmlclip1/01/clip.htm">')
    w("<link rel=File-List")
    w('href="file:///C:/Users/Administrator/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">')
    w("<style>")
    w("<!--table")
    w('\t{mso-displayed-decimal-separator:"\\.";')
    w('\tmso-displayed-thousand-separator:"\\,";}')
    w("@page")
    w("\t{margin:.75in .7in .75in .7in;")
    w("\tmso-header-margin:.3in;")
    w("\tmso-footer-margin:.3in;}")
    w("tr")
    w("\t{mso-height-source:auto;")
    w("\tmso-ruby-visibility:none;}")
    w("col")
    w("\t{mso-width-source:auto;")
    w("\tmso-ruby-visibility:none;}")
    w("br")
    w("\t{mso-data-placement:same-cell;}")
    w("td")
    w("\t{padding-top:1px;")
    w("\tpadding-right:1px;")
    w("\tpadding-left:1px;")
    w("\tmso-ignore:padding;")
    w("\tcolor:black;")
    w("\tfont-size:11.0pt;")
    w("\tfont-weight:400;")
    w("\tfont-style:normal;")
    w("\ttext-decoration:none;")
    w(f"\tfont-family:{'新細明體' if s.charset == 136 else '等线'};")
    w("\tmso-generic-font-family:auto;")
    w(f"\tmso-font-charset:{s.charset};")
    w("\tmso-number-format:General;")
    w("\ttext-align:general;")
    w("\tvertical-align:middle;")
    w("\tborder:none;")
    w("\tmso-background-source:auto;")
    w("\tmso-pattern:auto;")
    w("\tmso-protection:locked visible;")
    w("\twhite-space:nowrap;")
    w("\tmso-rotate:0;}")
    for c in css:
        w(c)
    w("ruby")
    w("\t{ruby-align:left;}")
    w("rt")
    w("\t{color:windowtext;")
    w("\tfont-size:9.0pt;")
    w("\tfont-weight:400;")
    w("\tfont-style:normal;")
    w("\ttext-decoration:none;")
    w(f"\tfont-family:{'新細明體' if s.charset == 136 else '等线'};")
    w("\tmso-generic-font-family:auto;")
    w(f"\tmso-font-charset:{s.charset};")
    w("\tmso-char-type:none;")
    w("\tdisplay:none;}")
    w("-->")
    w("</style>")
    w("</head>")
    w("")
    w('<body link="#0563C1" vlink="#954F72">')
    w("")
    w(f"<table border=0 cellpadding=0 cellspacing=0 width={total_px} style='border-collapse:")
    w(f" collapse;width:{pt(total_px, False)}'>")
    w("<!--StartFragment-->")
    # <col>: consecutive equal widths share one tag with span=N
    i = 0
    while i < len(s.widths):
        j = i
        while j + 1 < len(s.widths) and s.widths[j + 1] == s.widths[i]:
            j += 1
        px = s.widths[i]
        span = f" span={j - i + 1}" if j > i else ""
        w(f" <col width={px}{span} style='mso-width-source:userset;mso-width-alt:{px * 32};width:{pt(px, False)}'>")
        i = j + 1

    def row_px(r):
        if r in s.hidden:
            return 0
        return s.heights.get(r, 19)

    def bordered(r, c):
        if not (1 <= r <= s.nrows and 1 <= c <= s.ncols):
            return False
        # a covered cell takes the border of its merge's top-left cell
        for r1, c1, r2_, c2 in s.merges:
            if r1 <= r <= r2_ and c1 <= c <= c2:
                r, c = r1, c1
                break
        if (r, c) not in s.cells:
            return False
        return STYLES[s.cells[(r, c)][1]]["border"]

    for r in range(1, s.nrows + 1):
        h = row_px(r)
        if r in s.hidden:
            w(" <tr height=0 style='display:none'>")
        elif r in s.heights:
            w(f" <tr height={h} style='mso-height-source:userset;height:{pt(h, True)}'>")
        else:
            w(f" <tr height={h} style='height:{pt(h, True)}'>")
        first = True
        skip = 0
        for c in range(1, s.ncols + 1):
            if skip:
                skip -= 1
                continue
            if s.covered(r, c):
                continue
            v, st = s.cells.get((r, c), (None, None))
            m = s.merge_at(r, c)
            attrs = []
            styles = []
            if m:
                if m[3] > m[1]:
                    attrs.append(f"colspan={m[3] - m[1] + 1}")
                if m[2] > m[0]:
                    attrs.append(f"rowspan={m[2] - m[0] + 1}")
            overflow = overflow_span(s, r, c)
            if overflow > 1:
                # Excel's text that spills into empty cells to its right: a colspan that is NOT a merge
                attrs.append(f"colspan={overflow}")
                skip = overflow - 1
            if first:
                hh = sum(row_px(x) for x in range(r, (m[2] if m else r) + 1))
                attrs.append(f"height={hh}")
                styles.append(f"height:{pt(hh, True)}")
            key = st
            if isinstance(v, Dt):
                key = "date_cn" if v.fmt == "cn" else "date"
            if key is not None:
                attrs.append(f"class={cls[key]}")
            if r == 1:
                wpx = sum(s.widths[c - 1:(m[3] if m else c)])
                attrs.append(f"width={wpx}")
                styles.append(f"width:{pt(wpx, False)}")
            sd = STYLES[key] if key else None
            isnum = isinstance(v, (N, Dt))
            if isnum and (sd is None or sd["h"] == "general"):
                attrs.append("align=right")
            if sd and sd["border"]:
                if bordered(r - 1, c):
                    styles.append("border-top:none")
                if bordered(r, c - 1):
                    styles.append("border-left:none")
            if overflow > 1:
                styles.append("mso-ignore:colspan")
            if styles:
                attrs.append("style='" + ";".join(styles) + "'")
            text = displayed(v)
            if isinstance(v, N):
                raw = general(v.value)
                attrs.append("x:num" if raw == text else f'x:num="{raw}"')
            elif isinstance(v, Dt):
                attrs.append(f'x:num="{excel_serial(v.value)}"')
            elif isinstance(v, Q):
                attrs.append(f"x:str=\"'{v.value}\"")
            if text == "":
                body = "&nbsp;" if (sd and sd["border"]) else ""
            else:
                body = html_text(text)
            w(f"  <td{''.join(' ' + x for x in attrs)}>{body}</td>")
            first = False
        w(" </tr>")
    w("<!--EndFragment-->")
    w("</table>")
    w("")
    w("</body>")
    w("")
    w("</html>")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(("\n".join(out) + "\n").replace("\n", "\r\n"))  # the clipboard's CRLF


# --------------------------------------------------------------------------
# expected.json and .md

LEVELS = ["county", "township", "village"]
PLATFORM_ORDER = ["wechat", "weibo", "douyin", "toutiao", "kuaishou", "channels", "xiaohongshu", "baijiahao", "other"]


def build(s):
    accounts = []
    lines = []
    for a in s.accounts:
        e, words, why, fw = estimate(a)
        accounts.append({
            "row": a.row, "name": a.name, "unit": a.unit, "level": a.level, "platform": a.platform,
            "decision": e["decision"], "rule": e["rule"],
            "hours": [jnum(e["hours"][0]), jnum(e["hours"][1])],
            "hoursFreed": [jnum(e["freed"][0]), jnum(e["freed"][1])],
            "cash": jnum(e["cash"]), "cashSaved": jnum(e["saved"]),
        })
        lines.append((a, e, words, why, fw))
    summary = summarize(accounts)
    return {
        "asOf": AS_OF.isoformat(),
        "header_row": s.header_row,
        "accounts": accounts,
        "not_accounts": [{"row": r, "kind": k} for r, k in sorted(s.not_accounts)],
        "summary": summary,
    }, lines


def summarize(accounts):
    def dsum(xs):
        return sum((D(str(x)) for x in xs), D(0))

    closed = [a for a in accounts if a["decision"] == "close"]
    merged = [a for a in accounts if a["decision"] == "merge"]
    kept = [a for a in accounts if a["decision"] == "keep"]

    def group(key, order):
        out = {}
        for g in order:
            xs = [a for a in accounts if a[key] == g]
            if not xs and key == "platform":
                continue
            out[g] = {
                "before": len(xs),
                "after": sum(1 for a in xs if a["decision"] == "keep"),
                "hoursFreed": [jnum(dsum(a["hoursFreed"][0] for a in xs)), jnum(dsum(a["hoursFreed"][1] for a in xs))],
                "cashSaved": jnum(dsum(a["cashSaved"] for a in xs)),
            }
        return out

    return {
        "accountsTotal": len(accounts),
        "accountsShut": len(closed) + len(merged),
        "accountsClosed": len(closed),
        "accountsMerged": len(merged),
        "accountsKept": len(kept),
        "hoursFreed": [jnum(dsum(a["hoursFreed"][0] for a in accounts)), jnum(dsum(a["hoursFreed"][1] for a in accounts))],
        "cashSaved": jnum(dsum(a["cashSaved"] for a in accounts)),
        "byLevel": group("level", LEVELS),
        "byPlatform": group("platform", PLATFORM_ORDER),
    }


def check_json(s, data):
    """A second, separate pass: recompute every total from the per-account rows, and
    check that each spreadsheet row is exactly one of header / account / not-account."""
    acc = data["accounts"]
    # per-account arithmetic again, from the JSON alone
    for a in acc:
        lo, hi = a["hours"]
        f = a["hoursFreed"]
        if a["decision"] == "close":
            assert f == [lo, hi], a
        elif a["decision"] == "merge":
            assert abs(f[0] - lo * 0.7) < 1e-9 and abs(f[1] - hi * 0.7) < 1e-9, a
        else:
            assert f == [0, 0], a
        assert a["cashSaved"] == (a["cash"] if a["decision"] != "keep" else 0), a
    sm = data["summary"]
    tot_lo = round(sum(a["hoursFreed"][0] for a in acc), 6)
    tot_hi = round(sum(a["hoursFreed"][1] for a in acc), 6)
    assert abs(tot_lo - sm["hoursFreed"][0]) < 1e-6 and abs(tot_hi - sm["hoursFreed"][1]) < 1e-6
    assert sum(a["cashSaved"] for a in acc) == sm["cashSaved"]
    assert sm["accountsTotal"] == len(acc) == sm["accountsShut"] + sm["accountsKept"]
    assert sm["accountsShut"] == sm["accountsClosed"] + sm["accountsMerged"]
    for key, field in (("byLevel", "level"), ("byPlatform", "platform")):
        g = sm[key]
        assert sum(v["before"] for v in g.values()) == len(acc)
        assert sum(v["after"] for v in g.values()) == sm["accountsKept"]
        for name, v in g.items():
            xs = [a for a in acc if a[field] == name]
            assert v["before"] == len(xs)
            assert v["after"] == len([a for a in xs if a["decision"] == "keep"])
            assert abs(v["hoursFreed"][0] - sum(a["hoursFreed"][0] for a in xs)) < 1e-6
            assert abs(v["hoursFreed"][1] - sum(a["hoursFreed"][1] for a in xs)) < 1e-6
            assert v["cashSaved"] == sum(a["cashSaved"] for a in xs)
    rows = [data["header_row"]] + [a["row"] for a in acc] + [n["row"] for n in data["not_accounts"]]
    assert sorted(rows) == list(range(1, s.nrows + 1)), sorted(rows)
    # the TSV has exactly s.nrows records and every account name is in its row's name cell
    with open(os.path.join(OUT, s.key + ".tsv"), encoding="utf-8", newline="") as f:
        text = f.read()
    records = parse_tsv(text)
    assert len(records) == s.nrows, (len(records), s.nrows)
    assert all(len(rec) == s.ncols for rec in records)
    for a in acc:
        assert records[a["row"] - 1][1].startswith(a["name"]), (a, records[a["row"] - 1])
    # section headings say the true count
    for n in data["not_accounts"]:
        if n["kind"] == "heading":
            t = records[n["row"] - 1][0]
            cnt = int(t[t.rindex("（") + 1:t.rindex("个")])
            nxt = [x["row"] for x in data["not_accounts"] if x["row"] > n["row"] and x["kind"] == "totals"][0]
            assert cnt == len([a for a in acc if n["row"] < a["row"] < nxt]), (t, cnt)


def parse_tsv(text):
    """A small reader of Excel's text/plain, used only to check what was written."""
    recs, rec, cell, i, q = [], [], "", 0, False
    while i < len(text):
        ch = text[i]
        if q:
            if ch == '"':
                if i + 1 < len(text) and text[i + 1] == '"':
                    cell += '"'
                    i += 1
                else:
                    q = False
            else:
                cell += ch
        elif ch == '"' and cell == "":
            q = True
        elif ch == "\t":
            rec.append(cell)
            cell = ""
        elif ch == "\r" and text[i + 1:i + 2] == "\n":
            rec.append(cell)
            recs.append(rec)
            rec, cell = [], ""
            i += 1
        else:
            cell += ch
        i += 1
    assert rec == [] and cell == ""
    return recs


KIND_WORDS = {
    "title": "title row (merged across all columns)",
    "note": "填报单位 / 填报日期 row",
    "group": "group-header row (基本情况 / 传播情况 / 运营情况 over the real header)",
    "heading": "section heading",
    "totals": "totals row",
    "footer": "footer",
    "blank": "blank row between groups",
}


def write_md(s, data, lines, path):
    out = []
    w = out.append
    sm = data["summary"]
    w(f"# `{s.key}`: expected figures, by hand\n")
    w("Assumptions: hours per post 2–3; posts per week when unknown 2–3; 52 weeks; FTE 2000 h "
      "(专职 with no staff count = 1 × 2000 h); merge share 30 % (a merged account frees 70 % of its hours); "
      "followers threshold 1000 (below it → low reach); dormant = last post 15 or more days before the as-of date; "
      "cost per read threshold 1.00 元 (a range compared by its midpoint); as of **2019-04-19**.\n")
    w("Rule order: the list's own 处置意见 (given) → dormant → lowReach → village → poorValue → keep (default). "
      "Freed hours: all if close, × 0.7 if merge, 0 if keep. Cash saved: the cash if close or merge.\n")
    w(f"Files: `{s.key}.xlsx` (the workbook), `{s.key}.tsv` (Excel's text/plain), `{s.key}.excel.html` "
      f"(a model of Excel 2016's clipboard text/html), `{s.key}.libreoffice.html` (LibreOffice Calc's HTML export "
      f"of the workbook), `{s.key}.expected.json` (these figures). Row numbers are spreadsheet rows (row 1 = first line of the .tsv).\n")
    w("## Layout\n")
    heads = " | ".join(f"{get_column_letter(i + 1)} {s.heads[k]}" for i, k in enumerate(s.colkeys))
    w(f"Columns: {heads}.\n")
    if s.key == "county":
        w("**Header row: 4.** Row 4 names ten fields (主办单位 … 最近更新); row 3 names only 序号, 账号名称, 处置意见 plus the group "
          "words. Row 4's A, B and M cells are covered by the vertical merges A3:A4 序号, B3:B4 账号名称, M3:M4 处置意见, "
          "so they take the name above; that is how the name column (B) and the decision column (M) are found.\n")
    else:
        w(f"**Header row: {data['header_row']}.** The one row that names the fields; row 1 above it is the title.\n")
    w("Merged cells: " + ", ".join(
        f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2_}" for r1, c1, r2_, c2 in s.merges) + ".\n")
    if s.hidden:
        w(f"Hidden rows: {', '.join(map(str, sorted(s.hidden)))} (hidden in the workbook; in the Excel HTML as "
          "`<tr height=0 style='display:none'>`; a plain copy of the used range still carries it, so it is read as "
          "an account in every format).\n")
    if s.hidden:
        w(f"**LibreOffice's HTML differs here**, as LibreOffice writes it: `{s.key}.libreoffice.html` leaves the "
          f"hidden row out (so it has {s.nrows - len(s.hidden)} `<tr>`, and every row after the hidden one is one `<tr>` "
          "earlier), yet keeps the full `rowspan` of a merge that runs through the hidden row (D6:D20 is still "
          "`rowspan=15`), so that merge spills over the next row, the first 小计 (its `<tr>` 20): in that row the "
          "cells from column D on sit one column to the right (its 56056 lands under 篇均阅读). The row is still a 小计 "
          f"row and not an account. The figures for that file are `{s.key}.libreoffice.expected.json`: this list "
          "without the hidden account, rows renumbered as in that file.\n")
    w("小计 / 合计 rows hold plain numbers written as Excel's SUM would give them (text cells such as `1.2万` "
      "are not counted by SUM); they are excluded, whatever they hold.\n")
    w("Rows that are not accounts:\n")
    recs = parse_tsv(open(os.path.join(OUT, s.key + ".tsv"), encoding="utf-8", newline="").read())
    for n in data["not_accounts"]:
        txt = " / ".join(x.replace("\n", " ") for x in recs[n["row"] - 1] if x) or "(empty)"
        if len(txt) > 90:
            txt = txt[:90] + "…"
        w(f"- row {n['row']}: {n['kind']} — {KIND_WORDS[n['kind']]}: {txt}")
    w("")
    w("## Accounts, row by row\n")
    for a, e, words, why, fw in lines:
        raw = a.raw
        plat_src = raw.get("platform")
        if plat_src:
            pw = f"平台 {plat_src} → {a.platform}"
        elif raw["name"] != a.name:
            pw = f"platform in brackets: {raw['name']} → {a.name} on {a.platform}"
        else:
            pw = "no platform column, no bracket → wechat"
        lvl = a.level_src
        w(f"### row {a.row} {a.name} ({a.unit})\n")
        cells = "; ".join(f"{s.heads[k]} `{raw[k].replace(chr(10), ' ')}`" for k in s.colkeys if raw[k] != "")
        w(f"- cells (merged cells filled in): {cells}")
        w(f"- level **{a.level}** — {lvl}; {pw}")
        rd = reading(a)
        if rd:
            w("- reading: " + "; ".join(rd))
        if a.note:
            w(f"- note: {a.note}")
        for x in words:
            w(f"- hours/cash: {x}")
        w(f"- decision: " + "; ".join(why) + f" ⇒ **{e['decision']} ({e['rule']})**")
        w(f"- {fw}")
        w("")
    w("## Totals\n")
    acc = data["accounts"]
    w(f"- accounts: {sm['accountsTotal']} (rows {', '.join(str(a['row']) for a in acc)})")
    for d_, key in (("close", "accountsClosed"), ("merge", "accountsMerged"), ("keep", "accountsKept")):
        rows_ = [f"{a['row']}" for a in acc if a["decision"] == d_]
        w(f"- {d_}: {sm[key]} (rows {', '.join(rows_) or '—'})")
    w(f"- shut = closed + merged = {sm['accountsClosed']} + {sm['accountsMerged']} = {sm['accountsShut']}")
    for i, end in ((0, "low"), (1, "high")):
        terms = [fmt_num(a["hoursFreed"][i]) for a in acc if a["hoursFreed"][i]]
        w(f"- hours freed, {end}: {' + '.join(terms)} = **{fmt_num(sm['hoursFreed'][i])}**")
    terms = [f"{a['cashSaved']:,}" for a in acc if a["cashSaved"]]
    w(f"- cash saved: {' + '.join(terms) or '0'} = **{sm['cashSaved']:,} 元**")
    w("")
    w("By level (after = accounts kept):\n")
    w("| level | before | closed | merged | after | hours freed | cash saved |")
    w("|---|---|---|---|---|---|---|")
    for k, v in sm["byLevel"].items():
        xs = [a for a in acc if a["level"] == k]
        w(f"| {k} | {v['before']} | {sum(a['decision'] == 'close' for a in xs)} | "
          f"{sum(a['decision'] == 'merge' for a in xs)} | {v['after']} | "
          f"{fmt_num(v['hoursFreed'][0])}–{fmt_num(v['hoursFreed'][1])} | {v['cashSaved']:,} |")
    w("")
    w("By platform (only platforms present):\n")
    w("| platform | before | after | rows | hours freed | cash saved |")
    w("|---|---|---|---|---|---|")
    for k, v in sm["byPlatform"].items():
        xs = [str(a["row"]) for a in acc if a["platform"] == k]
        w(f"| {k} | {v['before']} | {v['after']} | {', '.join(xs)} | "
          f"{fmt_num(v['hoursFreed'][0])}–{fmt_num(v['hoursFreed'][1])} | {v['cashSaved']:,} |")
    w("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def without_hidden(s, data):
    """LibreOffice's HTML export leaves hidden rows out: the figures for NAME.libreoffice.html,
    with the hidden rows gone and every later row numbered as its <tr> comes in that file."""
    def renum(r):
        return r - sum(1 for h in s.hidden if h < r)
    acc = [dict(a, row=renum(a["row"])) for a in data["accounts"] if a["row"] not in s.hidden]
    na = [dict(n, row=renum(n["row"])) for n in data["not_accounts"] if n["row"] not in s.hidden]
    return {
        "asOf": data["asOf"],
        "header_row": renum(data["header_row"]),
        "note": f"for {s.key}.libreoffice.html only: LibreOffice's HTML export leaves out the hidden row(s) "
                f"{sorted(s.hidden)} of the workbook, so those accounts are absent and every later row is one "
                f"<tr> earlier; it keeps the full rowspan of a merge through a hidden row, so that merge spills "
                f"over the next row (a 小计 row here, still not an account); everything else is {s.key}.expected.json",
        "accounts": acc,
        "not_accounts": na,
        "summary": summarize(acc),
    }


def reading(a):
    """How each typed (non-plain) value was read, in words."""
    out = []
    raw = a.raw
    f = raw.get("followers", "")
    if f:
        if isinstance(a.followers, int):
            if f != str(a.followers):
                out.append(f"粉丝数 `{f}` = {a.followers:,}")
        elif a.followers[0] == "lt":
            out.append(f"粉丝数 `{f}` = below 1,000 (exact count unknown)")
        else:
            out.append(f"粉丝数 `{f}` = at least 1,000 (exact count unknown)")
    for k, v in (("posts", a.posts), ("hpp", a.hpp)):
        t = raw.get(k, "")
        if t and v and v[0] != v[1]:
            out.append(f"`{t}` = {fmt_range(v)}")
    t = raw.get("last", "")
    if t:
        if isinstance(a.last, dt.date):
            if t != f"{a.last.year}/{a.last.month}/{a.last.day}":
                out.append(f"最近更新 `{t}` = {a.last.isoformat()}")
        elif a.last[0] == "phrase":
            out.append(f"最近更新 `{t}` = a dormant phrase")
        else:
            out.append(f"最近更新 `{t}` = at least {a.last[1]} days without a post")
    st = raw.get("staffing", "")
    if st:
        out.append(f"运营方式 `{st}` = {a.staffing}")
    return out


def fmt_num(x):
    if isinstance(x, float) and not x.is_integer():
        return f"{x:,}"
    return f"{int(x):,}"


# --------------------------------------------------------------------------

def libreoffice(s):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: skipping", s.key + ".libreoffice.html", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, HOME=tmp)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "html", "--outdir", tmp, os.path.join(OUT, s.key + ".xlsx")],
                       check=True, env=env, stdout=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, s.key + ".html"), os.path.join(OUT, s.key + ".libreoffice.html"))


def html_grid(text):
    """Lay an HTML table out on a grid (rowspan/colspan honoured): [[cell text]], the way a
    browser's table model places cells. Used only to check the HTML files against the TSV."""
    from html.parser import HTMLParser

    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.rows, self.cell, self.span = [], None, None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "tr":
                self.rows.append([])
            elif tag == "td":
                self.cell = ""
                self.span = (int(a.get("rowspan") or 1), int(a.get("colspan") or 1))
            elif tag == "br" and self.cell is not None:
                self.cell += "\n"

        def handle_endtag(self, tag):
            if tag == "td":
                self.rows[-1].append((self.cell, self.span))
                self.cell = None

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

    p = P()
    p.feed(text)
    return layout(p.rows)


def layout(rows):
    """[[(text, (rowspan, colspan))]] per <tr> → the grid a browser's table model makes."""
    grid = {}
    for r, cells in enumerate(rows):
        c = 0
        for t, (rs, cs) in cells:
            while (r, c) in grid:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = t.replace("\xa0", "").strip("\n") if (dr, dc) == (0, 0) else ""
            c += cs
    n = max(r for r, _ in grid) + 1
    m = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(m)] for r in range(n)]


def check_html(s):
    """The Excel HTML model, laid out as a browser would, holds exactly the TSV's cells; the
    LibreOffice HTML (if there) holds the same, less the hidden rows."""
    recs = parse_tsv(open(os.path.join(OUT, s.key + ".tsv"), encoding="utf-8", newline="").read())
    g = html_grid(open(os.path.join(OUT, s.key + ".excel.html"), encoding="utf-8").read())
    assert g == recs, s.key
    path = os.path.join(OUT, s.key + ".libreoffice.html")
    if os.path.exists(path):
        g = html_grid(open(path, encoding="utf-8").read())
        # LibreOffice leaves the hidden rows' <tr> out but keeps the full rowspan of a merge
        # that runs through them, so such a merge spills one row further down in its HTML.
        # Model exactly that: the visible rows' own cells, with the workbook's spans.
        rows = []
        for r in range(1, s.nrows + 1):
            if r in s.hidden:
                continue
            cells = []
            for c in range(1, s.ncols + 1):
                if s.covered(r, c):
                    continue
                m = s.merge_at(r, c)
                span = (m[2] - m[0] + 1, m[3] - m[1] + 1) if m else (1, 1)
                cells.append((displayed(s.cells.get((r, c), (None, None))[0]), span))
            rows.append(cells)
        want = layout(rows)
        norm = lambda rows: [[x.strip() for x in row] for row in rows]
        assert norm(g) == norm(want), s.key
        # and every account row that is visible reads the same as in the TSV
        k = 0
        for i, rec in enumerate(recs):
            if i + 1 in s.hidden:
                continue
            if i + 1 in [a.row for a in s.accounts]:
                assert norm([g[k]])[0][:s.ncols] == norm([rec])[0], (s.key, i + 1)
            k += 1


def check_libreoffice(s):
    """The LibreOffice HTML, if there, has one <tr> per visible row and every account name in it."""
    path = os.path.join(OUT, s.key + ".libreoffice.html")
    if not os.path.exists(path):
        return
    text = open(path, encoding="utf-8").read()
    assert text.count("<tr") == s.nrows - len(s.hidden), (s.key, text.count("<tr"))
    for a in s.accounts:
        assert (a.row in s.hidden) != (a.raw["name"] in text), (s.key, a.row)


def main():
    define_styles()
    os.makedirs(OUT, exist_ok=True)
    for make in (county, township, traditional):
        s = make()
        write_xlsx(s, os.path.join(OUT, s.key + ".xlsx"))
        write_tsv(s, os.path.join(OUT, s.key + ".tsv"))
        write_excel_html(s, os.path.join(OUT, s.key + ".excel.html"))
        data, lines = build(s)
        check_json(s, data)
        with open(os.path.join(OUT, s.key + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.write("\n")
        write_md(s, data, lines, os.path.join(OUT, s.key + ".md"))
        if s.hidden:
            lo = without_hidden(s, data)
            with open(os.path.join(OUT, s.key + ".libreoffice.expected.json"), "w", encoding="utf-8") as f:
                json.dump(lo, f, ensure_ascii=False, indent=1)
                f.write("\n")
        if "--libreoffice" in sys.argv:
            libreoffice(s)
        check_libreoffice(s)
        check_html(s)
        sm = data["summary"]
        print(f"{s.key}: {sm['accountsTotal']} accounts, shut {sm['accountsShut']} "
              f"(closed {sm['accountsClosed']}, merged {sm['accountsMerged']}), hours freed "
              f"{sm['hoursFreed'][0]}–{sm['hoursFreed'][1]}, cash saved {sm['cashSaved']}")


if __name__ == "__main__":
    main()
