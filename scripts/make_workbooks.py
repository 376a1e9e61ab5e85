#!/usr/bin/env python3
"""Writes tests/fixtures/workbooks/: account lists as uploaded workbook files (.xlsx, .xls, .ods).

county (the list of tests/fixtures/sheets/county.xlsx, made by make_sheets.py):

- county.ods               `soffice --headless --convert-to ods` of sheets/county.xlsx;
- county.xls               `soffice --headless --convert-to xls` of it (BIFF8, "MS Excel 97");
- county.libreoffice.xlsx  `soffice --headless --convert-to xlsx` of it: the same list as
                           LibreOffice writes xlsx (its own styles, t="n", hidden="true").
  Nothing else is changed; the figures are those of sheets/county.md and county.expected.json.

office (a workbook as an office sends it: several sheets, the list not the first):

- office.openpyxl.xlsx     written by openpyxl from the cells below. openpyxl stores formulas
                           without a cached value (<f> and no <v>), which is not what Excel or
                           WPS send, so it is kept only as the source of
- office.xlsx              `soffice --convert-to xlsx` of office.openpyxl.xlsx: LibreOffice
                           computes the formulas on load and stores their values (<v>; for
                           =0.1+0.2 it stores 0.3, not 0.30000000000000004); it writes the
                           hidden row as hidden="true", not Excel's hidden="1";
- office.ods, office.xls   `soffice --convert-to ods` / `xls` of that office.xlsx (the .xls is
                           checked by converting it back to xlsx in a temporary directory);
- office.tsv               what Excel puts on the clipboard as text/plain after selecting the used
                           range A1:H18 of 账号清单 and copying (TAB / CRLF, covered merge cells
                           empty, values as displayed, Excel's quoting), the hidden row included
                           as Excel includes it, so a test can compare the file with the paste;
- office.md                what a correct reader must get from 账号清单, row by row.

  Sheets of office, in this order: 填报说明 (four lines of text in column A, no table), 汇总 (a
  small table 单位 | 账号数 naming one field of the list, as a decoy), 账号清单 (the list: title
  row merged across, a 填报单位 row, the header, a section heading merged across before each
  group, 主办单位 merged down over the accounts of one unit, a hidden account row, a 合计 row and
  a 注 row), 旧版清单 (hidden sheet: an older three-account version, same header). Followers are
  numbers (one is the text 不足1000), last posts are date cells (yyyy/m/d or yyyy-mm-dd), fees
  are numbers, one the formula =12000*2 and one =0.1+0.2 (whose double is 0.30000000000000004).

  The posts column is headed 每周发布次数 (the word of SPEC §2 and county.tsv), not 周发文: the
  importer's header table (core/src/fields.rs) does not know 周发文, and these files test reading
  workbooks, not headers. The fee column is 年外包费用（元）, which that table does know.

  EXPECTED below is written by hand, from the cells as typed; the script does not derive it.
  It checks it against what openpyxl reads back from the LibreOffice office.xlsx (cached values,
  merges filled in), against the .ods read from its XML, and against office.tsv parsed back, and
  prints what it found in the XML of each format (merges, hidden row, hidden sheet, the stored
  values of the formula and date cells).

bad/ (files that must be refused with a message, never a panic; each well under 100 KB):

- encrypted.xlsx       office.xlsx encrypted with the password "jianfu" by msoffcrypto-tool
                       (ECMA-376 agile encryption: an OLE/CFB file holding EncryptionInfo and
                       EncryptedPackage streams). Its salts and key, normally random, are drawn
                       from a fixed seed here, so the same office.xlsx gives the same bytes;
- encrypted.xls        office.xlsx saved by LibreOffice as "MS Excel 97" with the password
                       "jianfu" (a BIFF8 Workbook stream whose second record is FILEPASS,
                       RC4 with a random salt), through a
                       Basic macro placed in the throw-away LibreOffice profile, because
                       --convert-to cannot pass a password; msoffcrypto-tool cannot encrypt .xls;
- truncated.xlsx       the first 60 % of the bytes of office.xlsx (no zip central directory);
- not-a-workbook.xlsx  an HTML error page in UTF-8, as a failed download leaves it;
- renamed.xlsx         a 1x1 PNG, its bytes put together below, under an .xlsx name;
- bomb.xlsx            a zip bomb (about 100 KB): a minimal workbook whose directory lists 30
                       worksheets, every one pointing at the same deflated part that inflates
                       to 100 MB of XML, 3 GB in all (the overlapping-entries bomb);
- lying.xlsx           a minimal workbook whose sheet part declares 1 KB and inflates to 50 MB:
                       the zip reader must stop at the declared size;
- million.xlsx         a minimal workbook whose one sheet has a header, three accounts and a
                       stray cell in row 1,000,000 (A1000000), as an office sheet gets when
                       someone types far below the list: a sheet of 1,000,000 rows;
- (in the parent directory) office.excel-float.xlsx: office.xlsx with the cached value of
                       =0.1+0.2 written as Excel writes it, 0.30000000000000004 (17 significant
                       digits; LibreOffice writes 0.3).
  These four are written by write_hostile(), from the bytes below and office.xlsx, with no
  LibreOffice: `python3 scripts/make_workbooks.py --hostile` writes only them.
- not-excel.zip.xlsx   a valid zip holding only readme.txt.

Every LibreOffice run uses one profile in a new /tmp/lo-profile-* directory (HOME pointed there
too, removed at the end), so it works headless and touches no one's own profile. office.openpyxl.xlsx,
office.tsv, office.md, not-a-workbook.xlsx, renamed.xlsx and not-excel.zip.xlsx get fixed times
and the same bytes on every run. What LibreOffice writes has the same content on every run but the zip entry times of
the run (so truncated.xlsx and encrypted.xlsx, made from office.xlsx's bytes, change with them),
its .ods styles.xml lists the per-sheet master pages in no fixed order, and its .xls encryption
uses a random salt, so encrypted.xls differs on every run.

Run from the repository root:  python3 scripts/make_workbooks.py
Needs: pip install openpyxl msoffcrypto-tool (which brings olefile);
       apt-get install libreoffice-calc (tested with LibreOffice 7.4).
"""

import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_sheets import parse_tsv  # noqa: E402  (the same reader of Excel's text/plain)
import zlib
from decimal import Decimal as D
from hashlib import sha256
from xml.etree import ElementTree as ET

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, range_boundaries

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "workbooks")
BAD = os.path.join(OUT, "bad")
COUNTY = os.path.join(ROOT, "tests", "fixtures", "sheets", "county.xlsx")

AS_OF = dt.date(2019, 4, 19)
DORMANT_DAYS = 14
PASSWORD = "jianfu"
FIXED = dt.datetime(2019, 4, 19, 9, 0, 0)  # document and zip-entry times we write ourselves

# --------------------------------------------------------------------------
# Cell values of 账号清单 (and 旧版清单)


class Dt:
    """A real date cell. fmt 'ymd' = yyyy/m/d (Excel's Chinese short date), 'iso' = yyyy-mm-dd."""

    FMT = {"ymd": "yyyy/m/d", "iso": "yyyy-mm-dd"}

    def __init__(self, y, m, d, fmt="ymd"):
        self.value = dt.date(y, m, d)
        self.fmt = fmt

    def shown(self):
        d = self.value
        if self.fmt == "ymd":
            return f"{d.year}/{d.month}/{d.day}"
        return d.isoformat()


class F:
    """A formula, with the value Excel shows for it (General format), worked out by hand."""

    def __init__(self, formula, shown):
        self.formula = formula
        self.shown_text = shown

    def shown(self):
        return self.shown_text


def shown(v):
    """The cell as Excel displays it (General format for numbers)."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (Dt, F)):
        return v.shown()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, D):
        return format(v.normalize(), "f")
    raise TypeError(v)


HEADERS = ["序号", "账号名称", "主办单位", "平台", "粉丝数", "最近更新", "每周发布次数", "年外包费用（元）"]
NCOLS = len(HEADERS)
LIST_TITLE = "某县政务新媒体账号清单"
FILLED_BY = "填报单位：县委网信办\u3000\u3000填报日期：2019年4月"
NOTE = "注：粉丝数截至2019年4月"

# One tuple per row of 账号清单 from row 4 on: a section heading (str, merged across), an account
# (seq, name, unit or None when covered by the merge above, platform, followers, last post,
# posts per week, fee), or ("total", ...) / ("note", ...).
U = None
LIST_ROWS = [
    "一、县级部门",                                                                       # 4
    (1, "某县发布", "县委宣传部", "微信公众号", 12500, Dt(2019, 4, 18), 7, 0),            # 5
    (2, "某县发布微博", U, "新浪微博", 8600, Dt(2019, 4, 17), 5, F("=12000*2", "24000")),  # 6
    (3, "某县发布抖音", U, "抖音", 23000, Dt(2019, 4, 16, "iso"), 3, None),               # 7
    (4, "某县教育", "县教育局", "微信公众号", 5600, Dt(2019, 4, 12), 2, D("1234.56")),     # 8
    (5, "某县教育服务", U, "服务号", "不足1000", Dt(2019, 3, 1), 1, 0),                    # 9
    (6, "某县卫健", "县卫生健康局", "订阅号", 3200, Dt(2019, 4, 15, "iso"), 2, F("=0.1+0.2", "0.3")),  # 10
    (7, "某县交通", "县交通运输局", "微信公众号", 1800, Dt(2019, 4, 10), 1, None),         # 11 hidden
    "二、乡镇（街道）",                                                                   # 12
    (8, "城关镇发布", "城关镇", "微信公众号", 4100, Dt(2019, 4, 11), 2, 0),                # 13
    (9, "城关镇视窗", U, "今日头条", 950, Dt(2019, 3, 20), 1, None),                      # 14
    (10, "和平街道", "和平街道办事处", "微信公众号", 2700, Dt(2019, 4, 18), 3, 0),          # 15
    (11, "和平街道党建", U, "视频号", 1500, Dt(2019, 4, 5), 1, None),                     # 16
    ("total", "合计", 63950, 28, D("25234.86")),                                          # 17
    ("note", NOTE),                                                                       # 18
]
HIDDEN_ROW = 11
UNIT_MERGES = ["C5:C7", "C8:C9", "C13:C14", "C15:C16"]

OLD_ROWS = [  # 旧版清单: header in row 1, accounts in rows 2-4
    (1, "某县发布", "县委宣传部", "微信公众号", 11000, Dt(2019, 1, 15), 7, 0),
    (2, "某县教育", "县教育局", "微信公众号", 5200, Dt(2019, 1, 10), 2, D("1234.56")),
    (3, "城关镇发布", "城关镇", "微信公众号", 3900, Dt(2019, 1, 8), 2, 0),
]

# What a correct reader must get from 账号清单, written by hand from LIST_ROWS:
# row, name, unit (merged cells filled in), followers, last post, posts per week, fee in 元.
# followers "<1000" = the text 不足1000 (below 1,000, count unknown); fee None = blank cell.
EXPECTED = [
    (5, "某县发布", "县委宣传部", 12500, "2019-04-18", 7, "0"),
    (6, "某县发布微博", "县委宣传部", 8600, "2019-04-17", 5, "24000"),
    (7, "某县发布抖音", "县委宣传部", 23000, "2019-04-16", 3, None),
    (8, "某县教育", "县教育局", 5600, "2019-04-12", 2, "1234.56"),
    (9, "某县教育服务", "县教育局", "<1000", "2019-03-01", 1, "0"),
    (10, "某县卫健", "县卫生健康局", 3200, "2019-04-15", 2, "0.30"),
    (11, "某县交通", "县交通运输局", 1800, "2019-04-10", 1, None),
    (13, "城关镇发布", "城关镇", 4100, "2019-04-11", 2, "0"),
    (14, "城关镇视窗", "城关镇", 950, "2019-03-20", 1, None),
    (15, "和平街道", "和平街道办事处", 2700, "2019-04-18", 3, "0"),
    (16, "和平街道党建", "和平街道办事处", 1500, "2019-04-05", 1, None),
]
MERGES = ["A1:H1", "A4:H4", "C5:C7", "C8:C9", "A12:H12", "C13:C14", "C15:C16"]
NOT_ACCOUNTS = {1: "title", 2: "填报单位 line", 3: "header", 4: "section heading", 12: "section heading",
                17: "合计 (totals row)", 18: "注 (note)"}
LAST_ROW = 18


def lay_out():
    """账号清单 as {(row, col): value}, the merges and the account rows."""
    cells = {(1, 1): LIST_TITLE, (2, 1): FILLED_BY}
    for c, h in enumerate(HEADERS, 1):
        cells[(3, c)] = h
    merges = ["A1:H1"]
    kinds = {1: "title", 2: "note", 3: "hdr"}
    r = 4
    for item in LIST_ROWS:
        if isinstance(item, str):
            cells[(r, 1)] = item
            merges.append(f"A{r}:H{r}")
            kinds[r] = "sec"
        elif item[0] == "total":
            _, word, followers, posts, fee = item
            cells[(r, 2)] = word
            cells[(r, 5)] = followers
            cells[(r, 7)] = posts
            cells[(r, 8)] = fee
            kinds[r] = "tot"
        elif item[0] == "note":
            cells[(r, 1)] = item[1]
            kinds[r] = "foot"
        else:
            for c, v in enumerate(item, 1):
                if v is not None:
                    cells[(r, c)] = v
            kinds[r] = "acc"
        r += 1
    assert r - 1 == LAST_ROW
    merges += UNIT_MERGES
    merges.sort(key=lambda m: (range_boundaries(m)[1], range_boundaries(m)[0]))
    assert merges == MERGES, merges
    for m in UNIT_MERGES:  # a merged unit has its value in the first cell only
        c1, r1, c2, r2 = range_boundaries(m)
        assert (r1, c1) in cells and all((rr, c1) not in cells for rr in range(r1 + 1, r2 + 1)), m
    return cells, merges, kinds


def covered(merges, r, c):
    for m in merges:
        c1, r1, c2, r2 = range_boundaries(m)
        if r1 <= r <= r2 and c1 <= c <= c2 and (r, c) != (r1, c1):
            return True
    return False


# --------------------------------------------------------------------------
# office.openpyxl.xlsx

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
FONT = "宋体"


def put(ws, r, c, v, bold=False, size=11, h=None, border=True, fill=None):
    cell = ws.cell(row=r, column=c)
    if isinstance(v, Dt):
        cell.value = dt.datetime.combine(v.value, dt.time())
        cell.number_format = Dt.FMT[v.fmt]
    elif isinstance(v, F):
        cell.value = v.formula
    elif isinstance(v, D):
        cell.value = float(v)
    else:
        cell.value = v
    cell.font = Font(name=FONT, size=size, bold=bold)
    cell.alignment = Alignment(horizontal=h, vertical="center")
    if border:
        cell.border = BORDER
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    return cell


def list_sheet(ws, cells, merges, kinds):
    for c, w in enumerate([6, 16, 18, 12, 10, 12, 13, 17], 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.row_dimensions[1].height = 30
    for r in range(1, LAST_ROW + 1):
        kind = kinds[r]
        for c in range(1, NCOLS + 1):
            v = cells.get((r, c))
            if kind == "title":
                put(ws, r, c, v, size=16, h="center", border=False)
            elif kind in ("note", "foot"):
                if v is not None:
                    put(ws, r, c, v, h="left", border=False)
            elif kind == "hdr":
                put(ws, r, c, v, bold=True, h="center", fill="D9D9D9")
            elif kind == "sec":
                put(ws, r, c, v, bold=True, h="left")
            elif kind == "tot":
                put(ws, r, c, v, bold=True, h="center" if c == 2 else None)
            else:
                put(ws, r, c, v, h="center" if c in (1, 3, 4) else None)
    for m in merges:
        ws.merge_cells(m)
    ws.row_dimensions[HIDDEN_ROW].hidden = True


def write_openpyxl(path, cells, merges, kinds):
    wb = Workbook()
    wb.properties.creator = "县委网信办"
    wb.properties.lastModifiedBy = "县委网信办"
    wb.properties.created = FIXED

    ws = wb.active
    ws.title = "填报说明"
    ws.column_dimensions["A"].width = 70
    for r, line in enumerate([
        "填报说明",
        "1. 请按单位填写本单位全部政务新媒体账号，一个账号填一行。",
        "2. 粉丝数填写截至填报日的关注人数，最近更新填写最后一次发布的日期。",
        "3. 年外包费用以元为单位；未外包的填0或不填。",
    ], 1):
        put(ws, r, 1, line, bold=(r == 1), border=False)

    ws = wb.create_sheet("汇总")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 10
    for r, row in enumerate([("单位", "账号数"), ("县委宣传部", 3), ("县教育局", 2), ("城关镇", 2)], 1):
        for c, v in enumerate(row, 1):
            put(ws, r, c, v, bold=(r == 1), h="center" if r == 1 else None)

    ws = wb.create_sheet("账号清单")
    list_sheet(ws, cells, merges, kinds)

    ws = wb.create_sheet("旧版清单")
    for c, h in enumerate(HEADERS, 1):
        put(ws, 1, c, h, bold=True, h="center", fill="D9D9D9")
    for r, row in enumerate(OLD_ROWS, 2):
        for c, v in enumerate(row, 1):
            put(ws, r, c, v)
    ws.sheet_state = "hidden"

    wb.active = 0
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps the save time into docProps/core.xml and every zip entry: fix both.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2019-04-19T09:00:00Z", data)
            out.writestr(zipfile.ZipInfo(info.filename, FIXED.timetuple()[:6]), data,
                         compress_type=zipfile.ZIP_DEFLATED)


# --------------------------------------------------------------------------
# office.tsv: Excel's text/plain

def tsv_cell(text):
    if any(ch in text for ch in "\t\n\r\""):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_tsv(path, cells, merges):
    lines = []
    for r in range(1, LAST_ROW + 1):
        row = ["" if covered(merges, r, c) else tsv_cell(shown(cells.get((r, c))))
               for c in range(1, NCOLS + 1)]
        lines.append("\t".join(row))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def fmt_followers(f):
    return "不足1000 (text: below 1,000, count unknown)" if f == "<1000" else f"{f:,}"


def write_md(path):
    L = []
    L.append("# office: what a correct reader must get")
    L.append("")
    L.append("Made by `scripts/make_workbooks.py`; the values below are the script's hand-written "
             "`EXPECTED`, checked there against what openpyxl reads from `office.xlsx` (cached "
             "values), against `office.ods` and against `office.tsv`.")
    L.append("")
    L.append("Files: `office.openpyxl.xlsx` (openpyxl; formulas without cached values), `office.xlsx` "
             "(that file through LibreOffice: formulas with cached values), `office.ods` and "
             "`office.xls` (LibreOffice conversions of `office.xlsx`), `office.tsv` (Excel's "
             "text/plain copy of A1:H18 of 账号清单, hidden row included).")
    L.append("")
    L.append("## Sheets")
    L.append("")
    L.append("| # | sheet | state | content |")
    L.append("|---|---|---|---|")
    L.append("| 1 | 填报说明 | visible (active) | four lines of text in A1:A4, no table |")
    L.append("| 2 | 汇总 | visible | 单位 \\| 账号数, three rows (县委宣传部 3, 县教育局 2, 城关镇 2): not the list |")
    L.append("| 3 | 账号清单 | visible | **the list**, A1:H18 |")
    L.append("| 4 | 旧版清单 | **hidden** | an older list of 3 accounts (rows 2–4), same header in row 1; not to be read as the list |")
    L.append("")
    L.append("## 账号清单")
    L.append("")
    L.append("Header (row 3): " + " | ".join(HEADERS) + ". Rows that are not accounts: "
             + "; ".join(f"{r} {k}" for r, k in sorted(NOT_ACCOUNTS.items())) + ".")
    L.append("")
    L.append("Merged ranges (value in the top-left cell only, as Excel stores them): "
             + ", ".join(f"`{m}`" for m in MERGES) + ". A1:H1 is the title, A4:H4 and A12:H12 "
             "the section headings; the C ranges are 主办单位 merged down.")
    L.append("")
    L.append(f"Hidden row: **{HIDDEN_ROW}** (某县交通, an account: it is in the list and must be read; "
             "Excel's copy includes it too).")
    L.append("")
    L.append("| row | 账号名称 | 主办单位 (merges filled in) | 粉丝数 | 最近更新 (serial) | days before 2019-04-19 | 每周发布次数 | 年外包费用（元） | cell notes |")
    L.append("|---|---|---|---|---|---|---|---|---|")
    notes = {
        5: "C5:C7 merged",
        6: "C covered by C5:C7; fee is the formula `=12000*2`",
        7: "C covered by C5:C7; date format yyyy-mm-dd; fee blank",
        8: "C8:C9 merged; fee 1234.56",
        9: "C covered by C8:C9; followers the text 不足1000",
        10: "date format yyyy-mm-dd; fee is the formula `=0.1+0.2` (its double is 0.30000000000000004; Excel shows 0.3; LibreOffice stores 0.3)",
        11: "**hidden row**; fee blank",
        13: "C13:C14 merged",
        14: "C covered by C13:C14; fee blank",
        15: "C15:C16 merged",
        16: "C covered by C15:C16; fee blank; 14 days is not yet dormant",
    }
    for r, name, unit, fol, last, posts, fee in EXPECTED:
        days = (AS_OF - dt.date.fromisoformat(last)).days
        dd = f"{days}" + (" (dormant)" if days > DORMANT_DAYS else "")
        serial = (dt.date.fromisoformat(last) - dt.date(1899, 12, 30)).days
        L.append(f"| {r} | {name} | {unit} | {fmt_followers(fol)} | {last} ({serial}) | {dd} | {posts} | "
                 f"{'blank' if fee is None else fee} | {notes.get(r, '')} |")
    L.append("")
    L.append("Accounts: 11 (rows 5–11, 13–16), the hidden row 11 included. Dormant (last post more "
             "than 14 days before 2019-04-19): rows 9 (49 days) and 14 (30 days).")
    L.append("Fees: blank on rows 7, 11, 14, 16; 0 on rows 5, 9, 13, 15; 24,000 元 (row 6), "
             "1,234.56 元 (row 8), 0.30 元 (row 10); sum 25,234.86 元.")
    L.append("")
    L.append("Row 17 (合计 in B17; E17 63950, G17 28, H17 25234.86, typed numbers) is a totals row and "
             "row 18 (注：粉丝数截至2019年4月) a note: neither is an account.")
    L.append("")
    L.append("## Stored values")
    L.append("")
    L.append("Dates are date cells: in .xlsx/.xls a serial number (days since 1899-12-30, e.g. "
             "2019-04-18 = 43573) with the number format `yyyy/m/d` or `yyyy-mm-dd` (LibreOffice "
             "writes the latter as `yyyy\\-mm\\-dd`); in .ods `office:date-value=\"2019-04-18\"`.")
    L.append("")
    L.append("| cell | formula | office.openpyxl.xlsx | office.xlsx | office.ods |")
    L.append("|---|---|---|---|---|")
    L.append("| H6 | `=12000*2` | `<f>12000*2</f>`, no `<v>` | `<f>12000*2</f><v>24000</v>` | "
             "`table:formula=\"of:=12000*2\" office:value=\"24000\"` |")
    L.append("| H10 | `=0.1+0.2` | `<f>0.1+0.2</f>`, no `<v>` | `<f>0.1+0.2</f><v>0.3</v>` | "
             "`table:formula=\"of:=0.1+0.2\" office:value=\"0.3\"` |")
    L.append("")
    L.append("A reader of `office.openpyxl.xlsx` has only the formula text for H6 and H10; `office.xls` "
             "carries cached values too (checked by reading it back through LibreOffice). The hidden "
             "row is `hidden=\"1\"` in `office.openpyxl.xlsx`, `hidden=\"true\"` in `office.xlsx`, "
             "`table:visibility=\"collapse\"` in `office.ods`; the hidden sheet is `state=\"hidden\"` "
             "in xlsx and a table style with `table:display=\"false\"` in ods.")
    L.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L))


# --------------------------------------------------------------------------
# LibreOffice

def soffice_bin():
    s = shutil.which("soffice") or shutil.which("libreoffice")
    if not s:
        sys.exit("soffice not found: apt-get install libreoffice-calc")
    return s


class LibreOffice:
    """One throw-away profile for all the runs of this script."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="lo-profile-", dir="/tmp")
        self.env = dict(os.environ, HOME=self.dir)
        self.bin = soffice_bin()

    def run(self, *args):
        subprocess.run([self.bin, "--headless", "--norestore",
                        f"-env:UserInstallation=file://{self.dir}/profile", *args],
                       check=True, env=self.env, stdout=subprocess.DEVNULL, timeout=300)

    def convert(self, src, fmt, dst):
        with tempfile.TemporaryDirectory() as tmp:
            self.run("--convert-to", fmt, "--outdir", tmp, src)
            out = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
            shutil.copyfile(out, dst)

    def save_with_password(self, src, dst, filter_name, password):
        """Basic macro in the profile's Standard library: load hidden, store with a Password."""
        basic = os.path.join(self.dir, "profile", "user", "basic", "Standard")
        assert os.path.isdir(basic), "the profile is made by the first run"
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
            '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
            'script:language="StarBasic">\n'
            "Sub SaveWithPassword(src As String, dst As String, flt As String, pw As String)\n"
            "  Dim load(0) As New com.sun.star.beans.PropertyValue\n"
            "  load(0).Name = &quot;Hidden&quot;\n"
            "  load(0).Value = True\n"
            "  doc = StarDesktop.loadComponentFromURL(ConvertToURL(src), &quot;_blank&quot;, 0, load())\n"
            "  Dim store(1) As New com.sun.star.beans.PropertyValue\n"
            "  store(0).Name = &quot;FilterName&quot;\n"
            "  store(0).Value = flt\n"
            "  store(1).Name = &quot;Password&quot;\n"
            "  store(1).Value = pw\n"
            "  doc.storeToURL(ConvertToURL(dst), store())\n"
            "  doc.close(True)\n"
            "End Sub\n"
            "</script:module>\n")
        with open(os.path.join(basic, "Module1.xba"), "w", encoding="utf-8") as f:
            f.write(xml)
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "out")
            self.run(f'macro:///Standard.Module1.SaveWithPassword("{src}","{out}","{filter_name}","{password}")')
            if not os.path.exists(out):
                raise RuntimeError("LibreOffice wrote no password-protected file")
            shutil.copyfile(out, dst)

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


# --------------------------------------------------------------------------
# Bad files

def encrypt_ooxml(src, dst):
    import msoffcrypto.method.ecma376_agile as agile
    from msoffcrypto.format.ooxml import OOXMLFile

    seed = [0]

    def fixed_random(n):  # deterministic stand-in for secrets.token_bytes
        out = b""
        while len(out) < n:
            seed[0] += 1
            out += sha256(f"jianfu fixture {seed[0]}".encode()).digest()
        return out[:n]

    saved = agile._random_buffer
    agile._random_buffer = fixed_random
    try:
        buf = io.BytesIO()
        with open(src, "rb") as f:
            OOXMLFile(f).encrypt(PASSWORD, buf)
    finally:
        agile._random_buffer = saved
    with open(dst, "wb") as f:
        f.write(buf.getvalue())


def png_1x1():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    idat = zlib.compress(b"\x00\xc0\x39\x2b", 9)  # filter 0, one red-ish pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def write_bad(lo):
    os.makedirs(BAD, exist_ok=True)
    office = os.path.join(OUT, "office.xlsx")
    encrypt_ooxml(office, os.path.join(BAD, "encrypted.xlsx"))
    lo.save_with_password(office, os.path.join(BAD, "encrypted.xls"), "MS Excel 97", PASSWORD)
    data = open(office, "rb").read()
    with open(os.path.join(BAD, "truncated.xlsx"), "wb") as f:
        f.write(data[:len(data) * 60 // 100])
    with open(os.path.join(BAD, "not-a-workbook.xlsx"), "w", encoding="utf-8", newline="\n") as f:
        f.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>404 Not Found</title></head>"
                "<body><h1>404</h1><p>您访问的页面不存在。</p></body></html>\n")
    with open(os.path.join(BAD, "renamed.xlsx"), "wb") as f:
        f.write(png_1x1())
    with zipfile.ZipFile(os.path.join(BAD, "not-excel.zip.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("readme.txt", FIXED.timetuple()[:6]),
                   "这不是Excel工作簿，只是一个压缩包。\nThis is a zip, not a workbook.\n".encode(),
                   compress_type=zipfile.ZIP_DEFLATED)


MINIMAL_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = '</sheetData></worksheet>'


def inline_row(r, values):
    cells = "".join(f'<c r="{chr(65 + i)}{r}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values))
    return f'<row r="{r}">{cells}</row>'


def minimal_xlsx(path, sheet_xml):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in MINIMAL_PARTS.items():
            z.writestr(zipfile.ZipInfo(name, FIXED.timetuple()[:6]), text, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED.timetuple()[:6]), sheet_xml,
                   compress_type=zipfile.ZIP_DEFLATED)


def raw_zip(entries, data):
    """A zip written by hand: `data` is one local part (name, deflated bytes, crc, size), and
    `entries` the (name, declared size) of central-directory entries that all point at it."""
    import struct
    local_name, deflated, crc, size = data
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(deflated), size,
                        len(local_name), 0) + local_name + deflated
    central = b""
    for name, declared in entries:
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc,
                               len(deflated), declared, len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central),
                      len(local), 0)
    return local + central + end


def write_hostile():
    os.makedirs(BAD, exist_ok=True)
    # The bomb: 100 MB of XML (a sheet of spaces) deflated once, listed 30 times.
    size = 100 * 1024 * 1024
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1024 * 1024)
    deflated = b"".join(compressor.compress(chunk) for _ in range(100)) + compressor.flush()
    crc = 0
    for _ in range(100):
        crc = zlib.crc32(chunk, crc)
    names = [f"xl/worksheets/sheet{i}.xml".encode() for i in range(1, 31)]
    with open(os.path.join(BAD, "bomb.xlsx"), "wb") as f:
        f.write(raw_zip([(n, size) for n in names], (names[0], deflated, crc, size)))
    # Lying sizes: the sheet declares 1 KB and inflates to 50 MB.
    body = (SHEET_HEAD + inline_row(1, ["名称", "粉丝数"]) + SHEET_TAIL).encode()
    body = body + b" " * (50 * 1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = compressor.compress(body) + compressor.flush()
    parts = [(n.encode(), t.encode()) for n, t in MINIMAL_PARTS.items()]
    with zipfile.ZipFile(os.path.join(BAD, "lying.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            z.writestr(zipfile.ZipInfo(name.decode(), FIXED.timetuple()[:6]), text, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED.timetuple()[:6]), body[:1024],
                   compress_type=zipfile.ZIP_DEFLATED)
    # Replace the honest sheet part with the lying one: same declared sizes, bigger stream.
    data = open(os.path.join(BAD, "lying.xlsx"), "rb").read()
    honest = zlib.compressobj(9, zlib.DEFLATED, -15)
    honest_bytes = honest.compress(body[:1024]) + honest.flush()
    at = data.rfind(honest_bytes)
    assert at > 0, "the honest sheet part was not found"
    lying = data[:at] + deflated + data[at + len(honest_bytes):]
    # Fix the central directory's offsets (they follow the part) by rebuilding with raw_zip is
    # overkill: the sheet part is written last, so only the directory moves.
    import struct
    shift = len(deflated) - len(honest_bytes)
    end = lying.rfind(b"PK\x05\x06")
    count, dir_size, dir_offset = struct.unpack("<HII", lying[end + 10:end + 20])
    lying = lying[:end + 16] + struct.pack("<I", dir_offset + shift) + lying[end + 20:]
    # The local header's compressed size, and the central entry's, must say the new length.
    local = lying.rfind(b"PK\x03\x04", 0, at)
    lying = lying[:local + 18] + struct.pack("<I", len(deflated)) + lying[local + 22:]
    central = lying.rfind(b"PK\x01\x02")
    lying = lying[:central + 20] + struct.pack("<I", len(deflated)) + lying[central + 24:]
    with open(os.path.join(BAD, "lying.xlsx"), "wb") as f:
        f.write(lying)
    # A sheet reaching row 1,000,000.
    rows = [inline_row(1, ["名称", "粉丝数"]), inline_row(2, ["长兴发布", "12000"]),
            inline_row(3, ["长兴新闻", "8000"]), inline_row(4, ["长兴文明", "900"]),
            inline_row(1_000_000, ["备注"])]
    minimal_xlsx(os.path.join(BAD, "million.xlsx"), SHEET_HEAD + "".join(rows) + SHEET_TAIL)
    # Excel's form of the cached 0.1+0.2.
    src = os.path.join(OUT, "office.xlsx")
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(os.path.join(OUT, "office.excel-float.xlsx"), "w",
                                                      zipfile.ZIP_DEFLATED) as out:
        changed = 0
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename.startswith("xl/worksheets/") and b"<f aca=\"false\">0.1+0.2</f><v>0.3</v>" in data:
                data = data.replace(b"0.1+0.2</f><v>0.3</v>", b"0.1+0.2</f><v>0.30000000000000004</v>")
                changed += 1
            out.writestr(info, data)
        assert changed == 1, "the cached =0.1+0.2 was not found in office.xlsx"


def check_bad():
    import msoffcrypto
    import olefile
    for name in ("encrypted.xlsx", "encrypted.xls"):
        path = os.path.join(BAD, name)
        assert olefile.isOleFile(path), name
        streams = ["/".join(s) for s in olefile.OleFileIO(path).listdir()]
        of = msoffcrypto.OfficeFile(open(path, "rb"))
        assert of.is_encrypted(), name
        of.load_key(password=PASSWORD)
        plain = io.BytesIO()
        of.decrypt(plain)
        print(f"bad/{name}: OLE streams {streams}; encrypted; decrypts with {PASSWORD!r} to "
              f"{len(plain.getvalue())} bytes")
        if name == "encrypted.xlsx":
            assert "EncryptedPackage" in streams
            assert plain.getvalue() == open(os.path.join(OUT, "office.xlsx"), "rb").read()
    path = os.path.join(BAD, "truncated.xlsx")
    try:
        zipfile.ZipFile(path)
        raise AssertionError("truncated.xlsx opens")
    except zipfile.BadZipFile:
        pass
    z = zipfile.ZipFile(os.path.join(BAD, "not-excel.zip.xlsx"))
    assert z.namelist() == ["readme.txt"] and z.testzip() is None
    for name in os.listdir(BAD):
        assert os.path.getsize(os.path.join(BAD, name)) < 100_000, name


# --------------------------------------------------------------------------
# Checks of what LibreOffice wrote

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def q(tag):
    p, t = tag.split(":")
    return f"{{{NS[p]}}}{t}"


def reading_ok(where, got):
    """got: {row: (name, unit, followers, last 'yyyy-mm-dd', posts, fee Decimal|None)}."""
    want = {r: (n, u, f, l, p, None if fee is None else D(fee)) for r, n, u, f, l, p, fee in EXPECTED}
    assert got == want, (where, {r: (got.get(r), want.get(r)) for r in set(got) | set(want)
                                 if got.get(r) != want.get(r)})


def money(x):
    """A stored number as money: exact to the fen, as the importer must keep it."""
    if x is None:
        return None
    return D(repr(float(x))).quantize(D("0.01"))


def followers_of(v):
    return "<1000" if v == "不足1000" else int(v)


def check_xlsx_reading(path):
    """openpyxl's reading of a workbook (cached values), merges filled in, against EXPECTED."""
    wb = load_workbook(path, data_only=True)
    assert wb.sheetnames == ["填报说明", "汇总", "账号清单", "旧版清单"], wb.sheetnames
    assert wb["旧版清单"].sheet_state == "hidden"
    ws = wb["账号清单"]
    assert sorted(str(m) for m in ws.merged_cells.ranges) == sorted(MERGES)
    assert ws.row_dimensions[HIDDEN_ROW].hidden

    def val(r, c):
        for m in ws.merged_cells.ranges:
            if m.min_row <= r <= m.max_row and m.min_col <= c <= m.max_col:
                return ws.cell(m.min_row, m.min_col).value
        return ws.cell(r, c).value

    got = {}
    for r in range(4, LAST_ROW + 1):
        if not isinstance(val(r, 1), int):
            continue
        last = val(r, 6)
        assert isinstance(last, dt.datetime), (path, r, last)
        fee = val(r, 8)
        got[r] = (val(r, 2), val(r, 3), followers_of(val(r, 5)), last.date().isoformat(), val(r, 7),
                  None if fee is None else money(fee))
    reading_ok(path, got)


def xlsx_sheets(z):
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("pr:Relationship", NS)}
    out = []
    for s in wb.find("m:sheets", NS):
        t = target[s.get(q("r:id"))]
        out.append((s.get("name"), s.get("state", "visible"), "xl/" + t.lstrip("/").removeprefix("xl/")))
    return out


def inspect_xlsx(path, label, cached=True):
    z = zipfile.ZipFile(path)
    sheets = xlsx_sheets(z)
    print(f"{label}: sheets " + ", ".join(f"{n} ({st})" for n, st, _ in sheets))
    assert [n for n, _, _ in sheets] == ["填报说明", "汇总", "账号清单", "旧版清单"]
    assert dict((n, st) for n, st, _ in sheets)["旧版清单"] == "hidden"
    part = dict((n, p) for n, _, p in sheets)["账号清单"]
    ws = ET.fromstring(z.read(part))
    merges = [m.get("ref") for m in ws.iter(q("m:mergeCell"))]
    print(f"  merges {merges}")
    assert sorted(merges) == sorted(MERGES)
    hidden = [(row.get("r"), row.get("hidden")) for row in ws.iter(q("m:row"))
              if row.get("hidden") in ("1", "true")]
    print(f"  hidden rows {hidden}")
    assert [int(r) for r, _ in hidden] == [HIDDEN_ROW]
    formulas = {}
    for c in ws.iter(q("m:c")):
        f = c.find("m:f", NS)
        v = c.find("m:v", NS)
        if f is not None:
            formulas[c.get("r")] = (f.text, None if v is None else v.text)
            print(f"  formula {c.get('r')}: <f>{f.text}</f> <v>{None if v is None else v.text}</v>")
    cached = {"H6": "24000", "H10": "0.3"} if cached else {"H6": None, "H10": None}
    assert formulas == {"H6": ("12000*2", cached["H6"]), "H10": ("0.1+0.2", cached["H10"])}, formulas
    want = {f"F{r}" for r, *_ in EXPECTED}
    dates = [f"{c.get('r')}={c.find('m:v', NS).text}" for c in ws.iter(q("m:c")) if c.get("r") in want]
    print("  date cells <v> (serial numbers): " + " ".join(dates))


def ods_grid(path):
    """The .ods as {sheet: (cells {(r, c): value}, merges, hidden rows, displayed?)} and sheet states."""
    z = zipfile.ZipFile(path)
    content = ET.fromstring(z.read("content.xml"))
    hidden_styles = set()
    for st in content.iter(q("style:style")):
        tp = st.find("style:table-properties", NS)
        if tp is not None and tp.get(q("table:display")) == "false":
            hidden_styles.add(st.get(q("style:name")))
    out = {}
    for t in content.iter(q("table:table")):
        cells, merges, hidden, raw = {}, [], [], {}
        r = 0
        for row in t.iter(q("table:table-row")):
            rep = int(row.get(q("table:number-rows-repeated"), "1"))
            for _ in range(min(rep, 1000)):
                r += 1
                if r > 200:
                    break
                if row.get(q("table:visibility")) == "collapse":
                    hidden.append(r)
                c = 0
                for cell in row:
                    crep = int(cell.get(q("table:number-columns-repeated"), "1"))
                    for _ in range(min(crep, 64)):
                        c += 1
                        if cell.tag != q("table:table-cell"):
                            continue
                        rs = int(cell.get(q("table:number-rows-spanned"), "1"))
                        cs = int(cell.get(q("table:number-columns-spanned"), "1"))
                        if rs > 1 or cs > 1:
                            merges.append(f"{get_column_letter(c)}{r}:{get_column_letter(c + cs - 1)}{r + rs - 1}")
                        vt = cell.get(q("office:value-type"))
                        raw[(r, c)] = {k.split("}")[1]: v for k, v in cell.attrib.items()}
                        if vt == "float":
                            cells[(r, c)] = D(cell.get(q("office:value")))
                        elif vt == "date":
                            cells[(r, c)] = dt.date.fromisoformat(cell.get(q("office:date-value"))[:10])
                        elif vt == "string":
                            cells[(r, c)] = "\n".join("".join(p.itertext()) for p in cell.findall("text:p", NS))
        out[t.get(q("table:name"))] = dict(cells=cells, merges=merges, hidden=hidden, raw=raw,
                                           state="hidden" if t.get(q("table:style-name")) in hidden_styles else "visible")
    return out


def inspect_ods(path, label):
    g = ods_grid(path)
    print(f"{label}: sheets " + ", ".join(f"{n} ({s['state']})" for n, s in g.items()))
    assert list(g) == ["填报说明", "汇总", "账号清单", "旧版清单"]
    assert g["旧版清单"]["state"] == "hidden" and g["账号清单"]["state"] == "visible"
    s = g["账号清单"]
    print(f"  merges {s['merges']}")
    assert sorted(s["merges"]) == sorted(MERGES)
    print(f"  hidden rows (table:visibility=\"collapse\") {s['hidden']}")
    assert s["hidden"] == [HIDDEN_ROW]
    formulas = {}
    for (r, c), a in sorted(s["raw"].items()):
        if "formula" in a:
            formulas[f"{get_column_letter(c)}{r}"] = (a["formula"], a.get("value"))
            print(f"  formula {get_column_letter(c)}{r}: table:formula={a['formula']!r} "
                  f"office:value={a.get('value')!r}")
    assert formulas == {"H6": ("of:=12000*2", "24000"), "H10": ("of:=0.1+0.2", "0.3")}, formulas
    print("  date cells office:date-value: " + " ".join(
        f"F{r}={s['raw'][(r, 6)]['date-value']}" for r, *_ in EXPECTED))

    def val(r, c):
        for m in s["merges"]:
            c1, r1, c2, r2 = range_boundaries(m)
            if r1 <= r <= r2 and c1 <= c <= c2:
                return s["cells"].get((r1, c1))
        return s["cells"].get((r, c))

    got = {}
    for r in range(4, LAST_ROW + 1):
        if not isinstance(val(r, 1), D):
            continue
        fee = val(r, 8)
        fol = val(r, 5)
        got[r] = (val(r, 2), val(r, 3), "<1000" if fol == "不足1000" else int(fol), val(r, 6).isoformat(),
                  int(val(r, 7)), None if fee is None else money(fee))
    reading_ok(path, got)


def check_tsv(path):
    recs = parse_tsv(open(path, encoding="utf-8", newline="").read())
    assert len(recs) == LAST_ROW and all(len(x) == NCOLS for x in recs)
    unit = None
    got = {}
    for r, rec in enumerate(recs, 1):
        if not rec[0].isdigit():
            continue
        unit = rec[2] or unit  # covered merge cells are empty in the copy
        y, m, d = map(int, re.split(r"[/-]", rec[5]))
        got[r] = (rec[1], unit, "<1000" if rec[4] == "不足1000" else int(rec[4]), dt.date(y, m, d).isoformat(),
                  int(rec[6]), money(D(rec[7])) if rec[7] else None)
    reading_ok(path, got)
    print(f"office.tsv: {len(recs)} lines; row 6 fee {recs[5][7]!r}, row 10 fee {recs[9][7]!r}, "
          f"dates {[recs[r - 1][5] for r, *_ in EXPECTED]}")


def inspect_county():
    a = load_workbook(COUNTY)
    for name in ("county.libreoffice.xlsx",):
        b = load_workbook(os.path.join(OUT, name))
        wa, wb_ = a.active, b.active
        assert sorted(map(str, wa.merged_cells.ranges)) == sorted(map(str, wb_.merged_cells.ranges))
        ha = [r for r, d in wa.row_dimensions.items() if d.hidden]
        hb = [r for r, d in wb_.row_dimensions.items() if d.hidden]
        assert ha == hb, (ha, hb)
        print(f"{name}: {len(wb_.merged_cells.ranges)} merges as in county.xlsx, hidden rows {hb}")
    g = ods_grid(os.path.join(OUT, "county.ods"))
    s = next(iter(g.values()))
    wa = a.active
    assert sorted(s["merges"]) == sorted(map(str, wa.merged_cells.ranges))
    print(f"county.ods: {len(s['merges'])} merges as in county.xlsx, hidden rows {s['hidden']}")
    check_xls(os.path.join(OUT, "county.xls"))


def check_xls(path):
    head = open(path, "rb").read(8)
    assert head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", path
    print(f"{os.path.basename(path)}: OLE compound file, {os.path.getsize(path)} bytes")


# --------------------------------------------------------------------------

def main():
    os.makedirs(OUT, exist_ok=True)
    cells, merges, kinds = lay_out()
    lo = LibreOffice()
    try:
        for fmt, name in (("ods", "county.ods"), ("xls", "county.xls"), ("xlsx", "county.libreoffice.xlsx")):
            lo.convert(COUNTY, fmt, os.path.join(OUT, name))

        raw = os.path.join(OUT, "office.openpyxl.xlsx")
        write_openpyxl(raw, cells, merges, kinds)
        office = os.path.join(OUT, "office.xlsx")
        lo.convert(raw, "xlsx", office)
        lo.convert(office, "ods", os.path.join(OUT, "office.ods"))
        lo.convert(office, "xls", os.path.join(OUT, "office.xls"))
        write_tsv(os.path.join(OUT, "office.tsv"), cells, merges)
        write_md(os.path.join(OUT, "office.md"))
        write_bad(lo)
        # .xls is not read here; LibreOffice reads it back to xlsx and that is inspected
        back = tempfile.mkdtemp(prefix="xls-back-", dir="/tmp")
        lo.convert(os.path.join(OUT, "office.xls"), "xlsx", os.path.join(back, "office.xls.xlsx"))
    finally:
        lo.close()

    inspect_county()
    inspect_xlsx(raw, "office.openpyxl.xlsx", cached=False)
    inspect_xlsx(office, "office.xlsx")
    check_xlsx_reading(office)
    inspect_ods(os.path.join(OUT, "office.ods"), "office.ods")
    check_xls(os.path.join(OUT, "office.xls"))
    inspect_xlsx(os.path.join(back, "office.xls.xlsx"), "office.xls read back by LibreOffice as xlsx")
    check_xlsx_reading(os.path.join(back, "office.xls.xlsx"))
    shutil.rmtree(back)
    check_tsv(os.path.join(OUT, "office.tsv"))
    check_bad()
    for d in (OUT, BAD):
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if os.path.isfile(p):
                print(f"{os.path.getsize(p):8d}  {os.path.relpath(p, ROOT)}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--hostile"]:
        write_hostile()
    else:
        main()
        write_hostile()
