// The peer baseline for `make bench` (issue 7): the same import and estimate
// as Jianfu's, written the way a competent JavaScript developer would, with
// PapaParse for the splitting and plain JavaScript for the rest.
//
// It is not a straw man. It reads what the benchmark lists contain the way
// SPEC §2 asks: headers found by synonym (full-width folded, case ignored,
// a trailing unit in brackets such as （万元） setting the column's unit),
// counts and money with thousands separators, 万/千 multipliers, ¥ and 约,
// `10万+`, ranges (`2~3`, `2-3`, `2至3`), `日更` = 7 a week, `每月4次`
// (× 12 / 52), dates as 2019-03-01, 2019/4/18, 2019.3.1, 2019年1月5日 and
// Excel serials, the missing markers (blank, -, —, /, 无, 不详, N/A), totals
// rows, duplicate names and a diagnostic for each unreadable cell. Money is
// exact, in integer fen; hours are floating point (as any JS app would do).
// It then works out every account as SPEC §4 does (default assumptions,
// ranges as [low, high], the five rules in order) and sums the totals. It
// does not do what no benchmark list needs: title rows above the header,
// GB18030, every rare spelling Jianfu accepts, or the reason texts.
//
// Usage: `baseline(text, { asOf: "2019-04-19" })` returns
// `{ summary, accounts, diagnostics }`. baseline.html (served with
// papaparse.min.js beside it) has a box like the app's, whose totals update
// on every input. `scripts/bench.mjs` times both, the function alone and a
// paste into the box, in the same Chromium as the app, on the same bytes.
"use strict";

(function () {
  // SPEC §3 defaults, as [low, high].
  const DEFAULTS = {
    hoursPerPost: [2, 3],
    postsPerWeek: [2, 3],
    weeksPerYear: 52,
    fteHours: 2000,
    mergeShare: 0.3,
    followersThreshold: 1000,
    dormantDays: 14,
    costPerReadThreshold: 1.0,
  };

  // Header synonyms (after normalising), SPEC §2.
  const SYNONYMS = {
    name: ["名称", "公众号名称", "账号名称", "公众号", "name", "account", "account name"],
    unit: ["主办单位", "运营单位", "所属单位", "单位", "unit", "owner"],
    level: ["层级", "级别", "类别", "level"],
    followers: ["粉丝数", "粉丝", "关注人数", "用户数", "followers"],
    postsPerWeek: ["每周发布次数", "周发布次数", "每周推送", "posts per week"],
    postsPerMonth: ["每月发布次数", "月发布次数", "posts per month"],
    hoursPerPost: ["每期耗时", "单篇耗时", "hours per post"],
    staff: ["运营人数", "工作人员数", "staff"],
    staffing: ["运营方式", "管理方式", "是否外包", "staffing"],
    outsourcingFee: ["外包费用", "托管费用", "运维费用", "outsourcing fee"],
    otherCost: ["其他费用", "other cost"],
    avgReads: ["篇均阅读", "平均阅读量", "avg reads"],
    lastPost: ["最近更新", "最后发布日期", "last post"],
    decision: ["处置", "处置意见", "是否关停", "decision"],
    mergeInto: ["归并至", "并入", "merge into"],
  };
  const FIELD_OF = new Map();
  for (const [field, names] of Object.entries(SYNONYMS)) {
    for (const name of names) FIELD_OF.set(name, field);
  }

  const MISSING = new Set(["-", "--", "—", "——", "–", "/", "\\", "无", "暂无", "没有", "不详", "未知", "n/a", "na", "null", "none", "?", "？", "*", "…"]);
  const TOTALS = new Set(["合计", "总计", "小计", "total", "totals"]);
  const UNREADABLE = Symbol("unreadable");

  /** Full-width ASCII (Ｕ+FF01–FF5E) and the ideographic space to half-width. */
  function halfWidth(text) {
    let wide = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3000) {
        wide = true;
        break;
      }
    }
    if (!wide) return text;
    return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
      ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
    );
  }

  /** A header as a field name and the unit its brackets give. */
  function readHeader(raw) {
    let text = halfWidth(String(raw)).trim().toLowerCase();
    let unit = "";
    const bracket = /^(.*?)\s*[(\[【]([^)\]】]*)[)\]】]\s*$/.exec(text);
    if (bracket) {
      text = bracket[1];
      unit = bracket[2];
    }
    const field = FIELD_OF.get(text.replace(/\s+/g, " ")) ?? null;
    // The column's unit: 万元 or 万 multiplies by 10,000; 分钟 divides hours by 60.
    let multiplier = 1;
    if (unit.startsWith("万")) multiplier = 10000;
    else if (unit.startsWith("千")) multiplier = 1000;
    else if (unit.startsWith("分钟") || unit === "min" || unit === "minutes") multiplier = 1 / 60;
    const perMonth = field === "postsPerMonth" || unit.includes("月");
    return { field: field === "postsPerMonth" ? "postsPerWeek" : field, multiplier, perMonth };
  }

  function isMissing(cell) {
    return cell.length === 0 || (cell.length <= 6 && MISSING.has(cell.toLowerCase()));
  }

  /** True if the text is ASCII digits only (the fast path: Excel's plain figures). */
  function allDigits(text) {
    if (text.length === 0 || text.length > 15) return false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return true;
  }

  const RANGE = /^([0-9.]+)(万|千)?\s*(?:~|-|—|–|至|到)\s*([0-9.]+)(万|千)?$/;
  const ONE = /^([0-9]+(?:\.[0-9]+)?)(万|千)?(\+)?$/;

  /**
   * A number or range as typed: `1,234`, `1 234`, `1.2万`, `10万+`, `约500`,
   * `500左右`, `¥20,000`, `289.50万元`, `20万元/年`, `2~3`, `2-3`.
   * Returns { low, high, lowText, highText, own } (own: the cell's own
   * multiplier, or 0 when it states none), null when missing, or UNREADABLE.
   * The texts are kept so that money can be converted to fen exactly.
   */
  function quantity(raw) {
    if (allDigits(raw)) {
      const n = +raw;
      return { low: n, high: n, lowText: raw, highText: raw, own: 0, plus: false };
    }
    let cell = raw.trim();
    if (isMissing(cell)) return null;
    cell = halfWidth(cell);
    let own = 0;
    // Currency and hedges around the figure.
    if (cell.charCodeAt(0) === 0xa5 /* ¥ */ || cell[0] === "￥") {
      cell = cell.slice(1);
      own = 1;
    } else if (cell.startsWith("rmb")) cell = cell.slice(3);
    if (cell.startsWith("大约")) cell = cell.slice(2);
    else if (cell[0] === "约" || cell[0] === "近" || cell[0] === "共") cell = cell.slice(1);
    for (const suffix of ["/年", "每年", "左右", "以上", "余", "多", "个", "人", "次", "篇"]) {
      if (cell.endsWith(suffix)) cell = cell.slice(0, -suffix.length);
    }
    if (cell.endsWith("万元")) {
      cell = cell.slice(0, -2);
      own = 10000;
    } else if (cell.endsWith("元")) {
      cell = cell.slice(0, -1);
      own = own || 1;
    }
    cell = cell.replace(/[,\s]/g, "");
    let m = ONE.exec(cell);
    if (m) {
      const mult = m[2] === "万" ? 10000 : m[2] === "千" ? 1000 : 0;
      const n = +m[1];
      return { low: n, high: n, lowText: m[1], highText: m[1], own: mult || own, plus: m[3] === "+" };
    }
    m = RANGE.exec(cell);
    if (m) {
      const mult = (m[2] ?? m[4]) === "万" ? 10000 : (m[2] ?? m[4]) === "千" ? 1000 : 0;
      const low = +m[1];
      const high = +m[3];
      if (Number.isNaN(low) || Number.isNaN(high)) return UNREADABLE;
      return { low, high, lowText: m[1], highText: m[3], own: mult || own, plus: false };
    }
    return UNREADABLE;
  }

  /** A count (followers, staff, reads) as [low, high], null or UNREADABLE. */
  function count(raw, column) {
    const q = quantity(raw);
    if (q === null || q === UNREADABLE) return q;
    const mult = q.own || column.multiplier;
    // `10万+` is WeChat's display for "more than 100,000": 100,001.
    const plus = q.plus ? 1 : 0;
    return [q.low * mult + plus, q.high * mult + plus];
  }

  /** Decimal text times a whole multiplier, in integer fen, exactly. */
  function toFen(text, yuanPerUnit) {
    const dot = text.indexOf(".");
    const whole = dot < 0 ? text : text.slice(0, dot);
    const frac = dot < 0 ? "" : text.slice(dot + 1);
    const scale = yuanPerUnit * 100; // fen per written unit: 100 or 1,000,000
    const digits = scale === 1e6 ? 6 : scale === 1e5 ? 5 : 2;
    return +whole * scale + +(frac + "000000").slice(0, digits);
  }

  /** Money per year in fen: [low, high], null or UNREADABLE. */
  function money(raw, column) {
    const q = quantity(raw);
    if (q === null || q === UNREADABLE) return q;
    const yuan = q.own || column.multiplier;
    return [toFen(q.lowText, yuan), toFen(q.highText, yuan)];
  }

  /** Posts per week: numbers, ranges, 日更/每天 (7), 每周N次, 每月N次 (× 12 / 52). */
  function postsPerWeek(raw, column) {
    if (allDigits(raw)) {
      const n = column.perMonth ? (+raw * 12) / 52 : +raw;
      return [n, n];
    }
    const cell = halfWidth(raw.trim());
    if (isMissing(cell)) return null;
    if (cell === "日更" || cell === "每天" || cell === "每日" || cell === "天天") return [7, 7];
    if (cell === "停更" || cell === "不更新") return [0, 0];
    let perWeek = column.perMonth ? 12 / 52 : 1;
    let text = cell;
    if (text.startsWith("每月") || text.startsWith("月")) {
      text = text.slice(text[0] === "每" ? 2 : 1);
      perWeek = 12 / 52;
    } else if (text.startsWith("每周") || text.startsWith("周")) {
      text = text.slice(text[0] === "每" ? 2 : 1);
      perWeek = 1;
    } else if (text.startsWith("每天") || text.startsWith("每日")) {
      text = text.slice(2);
      perWeek = 7;
    }
    const q = quantity(text);
    if (q === null || q === UNREADABLE) return q;
    return [q.low * perWeek, q.high * perWeek];
  }

  // Days since 1970-01-01 of the dates people type; Excel serials count
  // from 1899-12-30 (25,569 days before 1970).
  const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
  function day(year, month, date) {
    if (month < 1 || month > 12 || date < 1 || date > 31) return UNREADABLE;
    const ms = Date.UTC(year, month - 1, date);
    const check = new Date(ms);
    if (check.getUTCDate() !== date) return UNREADABLE; // 2019-02-30
    return ms / 86400000;
  }
  function lastPost(raw) {
    const cell = raw.trim();
    if (isMissing(cell)) return null;
    if (allDigits(cell) && cell.length === 5) return +cell - 25569;
    const m = DATE.exec(halfWidth(cell));
    if (m) return day(+m[1], +m[2], +m[3]);
    if (allDigits(cell) && cell.length === 8) return day(+cell.slice(0, 4), +cell.slice(4, 6), +cell.slice(6));
    return UNREADABLE;
  }

  function level(raw) {
    const cell = raw.trim();
    if (cell.length === 0) return null;
    if (cell.includes("村") || cell.includes("社区") || cell.includes("居委")) return "village";
    if (/乡|镇|街道|园区|开发区/.test(cell)) return "township";
    if (/县|部门|局|委|办|county/i.test(cell)) return "county";
    if (/village/i.test(cell)) return "village";
    if (/township/i.test(cell)) return "township";
    return UNREADABLE;
  }

  function inferLevel(name, unit) {
    const text = name + unit;
    if (text.includes("村") || text.includes("社区") || text.includes("居委")) return "village";
    if (/镇|乡|街道|园区|开发区/.test(text)) return "township";
    return "county";
  }

  function staffing(raw, column) {
    const cell = raw.trim();
    if (cell.length === 0) return null;
    if (cell.includes("兼职")) return "partTime";
    if (cell.includes("专职")) return "dedicated";
    if (/外包|托管|第三方/.test(cell) || (column.yesMeansOutsourced && cell === "是")) return "outsourced";
    if (column.yesMeansOutsourced && cell === "否") return "partTime";
    return UNREADABLE;
  }

  function decision(raw) {
    const cell = raw.trim();
    if (cell.length === 0) return null;
    if (cell === "保留") return "keep";
    if (/关停|注销|停更|停止运营/.test(cell) || cell === "是") return "close";
    if (/归并|合并|整合/.test(cell)) return "merge";
    if (cell === "否") return "keep";
    return UNREADABLE;
  }

  const mid = (range) => (range[0] + range[1]) / 2;

  /** Imports `text` and estimates it with the default assumptions. */
  function baseline(text, { asOf = "2019-04-19" } = {}) {
    const parsed = Papa.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
      delimiter: "", // sniff: tab (Excel, WPS), comma or semicolon
      header: false,
      skipEmptyLines: "greedy",
    });
    const rows = parsed.data;
    const diagnostics = [];
    const headerRow = rows[0] ?? [];
    const columns = headerRow.map((cell) => {
      const column = readHeader(cell);
      column.header = String(cell);
      column.yesMeansOutsourced = String(cell).includes("是否外包");
      return column;
    });
    const index = {};
    columns.forEach((column, i) => {
      if (column.field !== null && !(column.field in index)) index[column.field] = i;
    });
    if (!("name" in index)) throw new Error("baseline: no name column");

    const [ay, am, ad] = asOf.split("-").map(Number);
    const today = Date.UTC(ay, am - 1, ad) / 86400000;
    const a = DEFAULTS;
    const seen = new Set();
    const accounts = [];
    const summary = {
      accountsTotal: 0,
      accountsShut: 0,
      accountsClosed: 0,
      accountsMerged: 0,
      accountsKept: 0,
      followers: 0,
      hoursFreed: { low: 0, high: 0 },
      cashSavedFen: 0,
      byLevel: {
        county: { before: 0, after: 0 },
        township: { before: 0, after: 0 },
        village: { before: 0, after: 0 },
      },
    };

    for (let r = 1; r < rows.length; r++) {
      const cells = rows[r];
      const row = r + 1;
      const cell = (field) => {
        const i = index[field];
        return i === undefined ? "" : (cells[i] ?? "");
      };
      const read = (field, reader) => {
        const i = index[field];
        if (i === undefined) return null;
        const value = reader(cells[i] ?? "", columns[i]);
        if (value === UNREADABLE) {
          diagnostics.push({ row, column: columns[i].header, value: cells[i] });
          return null;
        }
        return value;
      };

      const name = cell("name").trim();
      const first = String(cells[0] ?? "").trim();
      if (TOTALS.has(name) || (name === "" && TOTALS.has(first))) {
        diagnostics.push({ row, column: columns[0].header, value: first || name, notice: "totals" });
        continue;
      }
      if (name === "") {
        if (cells.some((c) => c.trim() !== "")) diagnostics.push({ row, column: columns[index.name].header, value: "" });
        continue;
      }
      if (seen.has(name)) diagnostics.push({ row, column: columns[index.name].header, value: name, warning: "duplicate" });
      seen.add(name);

      const unit = cell("unit").trim();
      let lvl = read("level", level);
      const levelInferred = lvl === null;
      if (lvl === null) lvl = inferLevel(name, unit);
      const account = {
        row,
        name,
        unit,
        level: lvl,
        levelInferred,
        followers: read("followers", count),
        postsPerWeek: read("postsPerWeek", postsPerWeek),
        hoursPerPost: read("hoursPerPost", count),
        staff: read("staff", count),
        staffing: read("staffing", staffing),
        outsourcingFee: read("outsourcingFee", money),
        otherCost: read("otherCost", money),
        avgReads: read("avgReads", count),
        lastPost: read("lastPost", lastPost),
        decision: read("decision", decision),
        mergeInto: cell("mergeInto").trim(),
      };

      // SPEC §4: figures, with the assumptions where the list is silent.
      const dedicated = account.staffing === "dedicated";
      const posts = account.postsPerWeek ?? a.postsPerWeek;
      let hours;
      if (dedicated) {
        const staff = account.staff ?? [1, 1];
        hours = [staff[0] * a.fteHours, staff[1] * a.fteHours];
      } else {
        const hpp = account.hoursPerPost ?? a.hoursPerPost;
        hours = [posts[0] * a.weeksPerYear * hpp[0], posts[1] * a.weeksPerYear * hpp[1]];
      }
      const fee = account.outsourcingFee ?? [0, 0];
      const other = account.otherCost ?? [0, 0];
      const cashFen = [fee[0] + other[0], fee[1] + other[1]];
      const reads = account.avgReads && [
        posts[0] * a.weeksPerYear * account.avgReads[0],
        posts[1] * a.weeksPerYear * account.avgReads[1],
      ];

      // The list's decision, then the rules in order.
      let decided = account.decision;
      let rule = "given";
      if (decided === null) {
        rule = "default";
        decided = "keep";
        if (account.lastPost !== null && today - account.lastPost > a.dormantDays) {
          decided = "close";
          rule = "dormant";
        } else if (account.followers !== null && mid(account.followers) < a.followersThreshold) {
          decided = "close";
          rule = "lowReach";
        } else if (account.level === "village") {
          decided = "merge";
          rule = "village";
        } else if (account.staffing === "outsourced" && reads) {
          const poor =
            reads[0] > 0
              ? (cashFen[0] / 100 / reads[1] + cashFen[1] / 100 / reads[0]) / 2 > a.costPerReadThreshold
              : mid(cashFen) > 0;
          if (poor) {
            decided = "close";
            rule = "poorValue";
          }
        }
      }
      const share = decided === "close" ? 1 : decided === "merge" ? 1 - a.mergeShare : 0;
      const freed = [hours[0] * share, hours[1] * share];
      const savedFen = decided === "keep" ? [0, 0] : cashFen;

      account.hours = hours;
      account.cashFen = cashFen;
      account.decision = decided;
      account.rule = rule;
      account.hoursFreed = freed;
      account.cashSavedFen = savedFen;
      accounts.push(account);

      summary.accountsTotal++;
      if (decided === "close") summary.accountsClosed++;
      else if (decided === "merge") summary.accountsMerged++;
      else summary.accountsKept++;
      if (account.followers) summary.followers += account.followers[0];
      summary.hoursFreed.low += freed[0];
      summary.hoursFreed.high += freed[1];
      summary.cashSavedFen += savedFen[0];
      summary.byLevel[lvl].before++;
      if (decided === "keep") summary.byLevel[lvl].after++;
    }
    summary.accountsShut = summary.accountsClosed + summary.accountsMerged;
    return { summary, accounts, diagnostics };
  }

  globalThis.baseline = baseline;

  // The page: the totals of the box's text, updated on every input, as the
  // app updates its figures.
  if (typeof document !== "undefined") {
    document.addEventListener("DOMContentLoaded", () => {
      const box = document.getElementById("paste");
      if (!box) return;
      const show = (id, value, text = String(value)) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        el.dataset.value = String(value);
        el.textContent = text;
      };
      // As the app does: a large paste (over 200 KB) is kept out of the
      // box, whose layout would cost seconds, and computed straight from
      // the clipboard; anything else goes into the box as usual.
      box.addEventListener("paste", (event) => {
        const text = event.clipboardData?.getData("text/plain") ?? "";
        if (text.length * 2 > 200_000) {
          event.preventDefault();
          box.value = "";
          update(text);
        }
      });
      box.addEventListener("input", () => update(box.value));
      const update = (text) => {
        const start = performance.now();
        const { summary, diagnostics } = baseline(text);
        const ms = performance.now() - start;
        show("hours-freed-low", summary.hoursFreed.low, Math.round(summary.hoursFreed.low).toLocaleString("zh-CN"));
        show("hours-freed-high", summary.hoursFreed.high, Math.round(summary.hoursFreed.high).toLocaleString("zh-CN"));
        const fen = summary.cashSavedFen;
        show("cash-saved", fen / 100, `${Math.floor(fen / 100).toLocaleString("zh-CN")}.${String(fen % 100).padStart(2, "0")}`);
        show("diagnostics", diagnostics.length);
        show("time", ms, `${ms.toFixed(1)} ms`);
        show("accounts-shut", summary.accountsShut);
        // Last, as the benchmark waits for it.
        show("accounts-total", summary.accountsTotal);
      };
    });
  }
})();
