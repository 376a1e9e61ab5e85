// The JavaScript API of SPEC §6 as an intranet page sees it: window.jianfu
// on the built page. The summary numbers are worked out by hand (app.mjs
// explains SMALL_LIST), and the shapes are the camelCase ones SPEC §6 lists.
// Every test ends by checking there was no console error, failed or foreign
// request, or dialog.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./harness.mjs";
import { withApp, SMALL_LIST, SMALL_LIST_AS_OF } from "./app.mjs";

const env = useBrowser();

/** Runs `body` on the page once window.jianfu is there. */
function withApi(body) {
  return withApp(env.browser, env.server, async (app) => {
    await app.page.waitForFunction(() => typeof window.jianfu?.estimate === "function");
    await body(app);
  });
}

/**
 * Calls window.jianfu[fn](...args) in the page. Returns { value } or, when it
 * throws, { thrown: { isError, message } }.
 */
function call(page, fn, ...args) {
  return page.evaluate(
    ([fn, args]) => {
      try {
        return { value: window.jianfu[fn](...args) };
      } catch (e) {
        return { thrown: { isError: e instanceof Error, message: String(e?.message ?? e) } };
      }
    },
    [fn, args],
  );
}

const ACCOUNT_KEYS = [
  "row",
  "name",
  "unit",
  "level",
  "levelInferred",
  "decision",
  "rule",
  "reason",
  "hours",
  "hoursFreed",
  "cash",
  "cashSaved",
  "assumed",
];
const SUMMARY_KEYS = [
  "accountsTotal",
  "accountsShut",
  "accountsClosed",
  "accountsMerged",
  "accountsKept",
  "hoursFreed",
  "fteFreed",
  "cashSaved",
  "staffValue",
  "byLevel",
];
const DIAGNOSTIC_KEYS = ["row", "column", "value", "severity", "message"];

function assertHasKeys(object, keys, what) {
  const missing = keys.filter((k) => !Object.hasOwn(object, k));
  assert.deepEqual(missing, [], `${what} lacks ${missing.join(", ")}`);
}

test("estimate on a small paste returns the hand-worked summary in SPEC §6 shapes", async () => {
  await withApi(async ({ page }) => {
    const { value: result, thrown } = await call(page, "estimate", SMALL_LIST, { asOf: SMALL_LIST_AS_OF });
    assert.equal(thrown, undefined);
    assert.deepEqual(Object.keys(result).sort(), ["accounts", "diagnostics", "summary"]);
    const { summary, accounts, diagnostics } = result;

    assertHasKeys(summary, SUMMARY_KEYS, "summary");
    // See app.mjs for the working.
    assert.equal(summary.accountsTotal, 5);
    assert.equal(summary.accountsShut, 3);
    assert.equal(summary.accountsClosed, 2);
    assert.equal(summary.accountsMerged, 1);
    assert.equal(summary.accountsKept, 2);
    assert.deepEqual(summary.hoursFreed, { low: 280.8, high: 369.2 });
    // FTE = [280.8, 369.2] ÷ 2000.
    assert.deepEqual(summary.fteFreed, { low: 0.1404, high: 0.1846 });
    assert.equal(summary.cashSaved, 105000);
    // Staff value = [280.8, 369.2] × 60 元.
    assert.deepEqual(summary.staffValue, { low: 16848, high: 22152 });
    assert.deepEqual(Object.keys(summary.byLevel).sort(), ["county", "township", "village"]);
    const level = (before, after, hoursFreed, cashSaved) => ({ before, after, hoursFreed, cashSaved });
    const pick = ({ before, after, hoursFreed, cashSaved }) => ({ before, after, hoursFreed, cashSaved });
    // County: A (kept), B (closed: [104, 156] h, 85 000 元), D (kept).
    assert.deepEqual(pick(summary.byLevel.county), level(3, 2, { low: 104, high: 156 }, 85000));
    // Township: C (closed: 104 h, 20 000 元).
    assert.deepEqual(pick(summary.byLevel.township), level(1, 0, { low: 104, high: 104 }, 20000));
    // Village: 青山村务 (merged: [72.8, 109.2] h).
    assert.deepEqual(pick(summary.byLevel.village), level(1, 0, { low: 72.8, high: 109.2 }, 0));

    assert.equal(accounts.length, 5);
    for (const account of accounts) assertHasKeys(account, ACCOUNT_KEYS, `account ${account.name}`);
    const columns = (key) => accounts.map((a) => a[key]);
    assert.deepEqual(columns("row"), [2, 3, 4, 5, 6]);
    assert.deepEqual(columns("name"), ["A局发布", "B局发布", "青山村务", "C镇发布", "D局之窗"]);
    assert.deepEqual(columns("unit"), ["县A局", "县B局", "青山镇青山村", "C镇人民政府", "县D局"]);
    assert.deepEqual(columns("level"), ["county", "county", "village", "township", "county"]);
    assert.deepEqual(columns("levelInferred"), [false, false, false, false, true]);
    assert.deepEqual(columns("decision"), ["keep", "close", "merge", "close", "keep"]);
    assert.deepEqual(columns("rule"), ["default", "lowReach", "village", "dormant", "default"]);
    assert.deepEqual(columns("hours"), [
      { low: 208, high: 208 }, // 2 × 52 × 2
      { low: 104, high: 156 }, // 1 × 52 × [2, 3]
      { low: 104, high: 156 }, // [2, 3] × 52 × 1
      { low: 104, high: 104 }, // 1 × 52 × 2
      { low: 208, high: 468 }, // [2, 3] × 52 × [2, 3]
    ]);
    assert.deepEqual(columns("hoursFreed"), [
      { low: 0, high: 0 },
      { low: 104, high: 156 },
      { low: 72.8, high: 109.2 }, // × (1 − 0.3)
      { low: 104, high: 104 },
      { low: 0, high: 0 },
    ]);
    assert.deepEqual(columns("cash"), [0, 85000, 0, 20000, 0]);
    assert.deepEqual(columns("cashSaved"), [0, 85000, 0, 20000, 0]);
    assert.deepEqual(columns("assumed"), [[], ["hoursPerPost"], [], [], ["postsPerWeek", "hoursPerPost"]]);
    for (const reason of columns("reason")) assert.equal(typeof reason, "string");
    // The reasons carry the numbers that triggered the rule.
    assert.match(accounts[1].reason, /500.*1000/);
    assert.match(accounts[3].reason, /2019-03-01.*49/);
    assert.deepEqual(diagnostics, []);
  });
});

test("estimate reports diagnostics in the SPEC §6 shape", async () => {
  await withApi(async ({ page }) => {
    const text = ["公众号名称\t粉丝数", "甲\t很多", "乙\t500", "乙\t600"].join("\n");
    const { value } = await call(page, "estimate", text);
    assert.ok(value.diagnostics.length >= 2, JSON.stringify(value.diagnostics));
    for (const d of value.diagnostics) {
      assertHasKeys(d, DIAGNOSTIC_KEYS, "diagnostic");
      assert.equal(typeof d.row, "number");
      assert.equal(typeof d.column, "string");
      assert.equal(typeof d.value, "string");
      assert.ok(["error", "warning", "notice"].includes(d.severity), d.severity);
      assert.equal(typeof d.message, "string");
      assert.notEqual(d.message, "");
    }
    // The unreadable count names the row as the user sees it (the header is
    // row 1), the column header and the raw text.
    const unreadable = value.diagnostics.find((d) => d.value === "很多");
    assert.ok(unreadable, JSON.stringify(value.diagnostics));
    assert.equal(unreadable.row, 2);
    assert.equal(unreadable.column, "粉丝数");
    // The unreadable cell is kept as missing, the row is kept and marked.
    assert.equal(value.accounts[0].name, "甲");
    // The duplicate name gets a warning on its second row.
    assert.ok(value.diagnostics.some((d) => d.row === 4 && d.severity === "warning"));
    assert.equal(value.summary.accountsTotal, 3);
  });
});

test("estimate takes assumptions in camelCase, ranges as [low, high]", async () => {
  await withApi(async ({ page }) => {
    // Hours per post 1–4 changes B局发布 (the one closed account without its
    // own hours per post): 1 × 52 × [1, 4] = [52, 208]. Merge share 0.5:
    // 青山村务 frees [104, 156] × 0.5 = [52, 78].
    // low = 52 + 52 + 104 = 208; high = 208 + 78 + 104 = 390.
    // Staff cost 100: staff value = [20 800, 39 000].
    const { value } = await call(page, "estimate", SMALL_LIST, {
      asOf: SMALL_LIST_AS_OF,
      hoursPerPost: [1, 4],
      mergeShare: 0.5,
      hourlyCost: 100,
    });
    assert.deepEqual(value.summary.hoursFreed, { low: 208, high: 390 });
    assert.deepEqual(value.summary.staffValue, { low: 20800, high: 39000 });
    assert.equal(value.summary.cashSaved, 105000);

    // Followers threshold 400 and dormant days 60: B局发布 (500) and
    // C镇发布 (49 days) are kept; only 青山村务 is merged: [72.8, 109.2].
    const { value: lenient } = await call(page, "estimate", SMALL_LIST, {
      asOf: SMALL_LIST_AS_OF,
      followersThreshold: 400,
      dormantDays: 60,
    });
    assert.equal(lenient.summary.accountsShut, 1);
    assert.deepEqual(lenient.summary.hoursFreed, { low: 72.8, high: 109.2 });
    assert.equal(lenient.summary.cashSaved, 0);

    // A single number is a range with equal ends: posts per week 2 for
    // D局之窗 (kept) changes nothing shut; weeks per year 50 scales all:
    // low = 280.8 × 50 / 52 = 270, high = 369.2 × 50 / 52 = 355.
    const { value: weeks } = await call(page, "estimate", SMALL_LIST, {
      asOf: SMALL_LIST_AS_OF,
      postsPerWeek: 2,
      weeksPerYear: 50,
    });
    assert.deepEqual(weeks.summary.hoursFreed, { low: 270, high: 355 });
  });
});

test("estimate honours a decision written in the list (rule 'given')", async () => {
  await withApi(async ({ page }) => {
    // 甲 would be kept (5000 followers) but the list says 关停: close, and it
    // frees its 1 × 52 × 2 = 104 h. 乙 would be closed (500 followers) but
    // the list says 保留. 丙 says 归并: 104 × 0.7 = 72.8 h.
    const text = [
      "公众号名称\t粉丝数\t每周发布次数\t每期耗时\t处置意见",
      "甲\t5000\t1\t2\t关停",
      "乙\t500\t1\t2\t保留",
      "丙\t5000\t1\t2\t归并",
    ].join("\n");
    const { value } = await call(page, "estimate", text);
    assert.deepEqual(
      value.accounts.map((a) => [a.decision, a.rule]),
      [
        ["close", "given"],
        ["keep", "given"],
        ["merge", "given"],
      ],
    );
    assert.deepEqual(value.summary.hoursFreed, { low: 176.8, high: 176.8 });
  });
});

test("estimate accepts an array of row objects", async () => {
  await withApi(async ({ page }) => {
    // 甲: 500 followers < 1000 → close; hours 1 × 52 × 2 = 104; fee 1.2万 = 12 000.
    // 乙村: level 村 → merge; hours 2 × 52 × 1 = 104; freed 104 × 0.7 = 72.8.
    // Freed 104 + 72.8 = 176.8; cash saved 12 000.
    const rows = [
      { 公众号名称: "甲", 粉丝数: 500, 每周发布次数: 1, 每期耗时: 2, 外包费用: "1.2万" },
      { 公众号名称: "乙村", 层级: "村", 每周发布次数: 2, 每期耗时: 1, 粉丝数: null },
    ];
    const { value, thrown } = await call(page, "estimate", rows);
    assert.equal(thrown, undefined);
    assert.equal(value.summary.accountsTotal, 2);
    assert.equal(value.summary.accountsShut, 2);
    assert.deepEqual(value.summary.hoursFreed, { low: 176.8, high: 176.8 });
    assert.equal(value.summary.cashSaved, 12000);
    assert.deepEqual(
      value.accounts.map((a) => [a.name, a.level, a.decision, a.rule]),
      [
        ["甲", "county", "close", "lowReach"],
        ["乙村", "village", "merge", "village"],
      ],
    );
    // English keys work too.
    const { value: english } = await call(page, "estimate", [
      { name: "A", followers: 500, "posts per week": 1, "hours per post": 2 },
    ]);
    assert.deepEqual(english.summary.hoursFreed, { low: 104, high: 104 });
  });
});

test("estimate throws an Error for bad assumptions and bad input", async () => {
  await withApi(async ({ page }) => {
    const badAssumptions = [
      { mergeShare: 2 },
      { mergeShare: -0.1 },
      { hoursPerPost: -1 },
      { hoursPerPost: [3, 2] },
      { asOf: "2019-13-40" },
    ];
    for (const assumptions of badAssumptions) {
      const { thrown } = await call(page, "estimate", SMALL_LIST, assumptions);
      assert.ok(thrown, `no exception for ${JSON.stringify(assumptions)}`);
      assert.equal(thrown.isError, true);
      assert.notEqual(thrown.message, "");
    }
    // The message names the assumption.
    const { thrown } = await call(page, "estimate", SMALL_LIST, { mergeShare: 2 });
    assert.match(thrown.message, /归并/);

    for (const input of [42, {}, null, true, [1], [["名称", "甲"]]]) {
      const result = await call(page, "estimate", input);
      assert.ok(result.thrown, `no exception for input ${JSON.stringify(input)}`);
      assert.equal(result.thrown.isError, true);
      assert.match(result.thrown.message, /input/);
    }
    // The page is still alive after all that: a good call works.
    const { value } = await call(page, "estimate", SMALL_LIST, { asOf: SMALL_LIST_AS_OF });
    assert.equal(value.summary.accountsShut, 3);
  });
});

test("estimate gives reasons and messages in English with { lang: 'en' }", async () => {
  await withApi(async ({ page }) => {
    const text = ["公众号名称\t粉丝数", "甲\t500", "乙\t很多"].join("\n");
    const { value } = await call(page, "estimate", text, undefined, { lang: "en" });
    assert.match(value.accounts[0].reason, /followers/i);
    assert.doesNotMatch(value.accounts[0].reason, /粉丝/);
    assert.equal(value.diagnostics.length, 1);
    // It may quote the header and the cell, but its words are English.
    assert.match(value.diagnostics[0].message, /[A-Za-z]{4}/);
    assert.doesNotMatch(value.diagnostics[0].message, /无法识别|已按缺失处理/);
  });
});

test("parse, demoText and version; the demo through the API", async () => {
  await withApi(async ({ page }) => {
    const info = await page.evaluate(() => ({
      keys: Object.keys(window.jianfu).sort(),
      version: window.jianfu.version(),
      demoIsText: typeof window.jianfu.demoText() === "string",
      parsed: window.jianfu.parse(window.jianfu.demoText()).accounts.length,
    }));
    assert.deepEqual(info.keys, ["compare", "demoText", "estimate", "estimateWorkbook", "mount", "parse", "version"]);
    assert.match(info.version, /^\d+\.\d+\.\d+/);
    assert.equal(info.demoIsText, true);
    assert.equal(info.parsed, 282);

    const parsed = (await call(page, "parse", SMALL_LIST)).value;
    assert.equal(parsed.accounts.length, 5);
    assert.deepEqual(parsed.diagnostics, []);

    // SPEC §7: 282 accounts, 218 / 28 / 36 by level; with the as-of date
    // 2019-04-19 the rules shut 220–232.
    const demo = await page.evaluate(
      () => window.jianfu.estimate(window.jianfu.demoText(), { asOf: "2019-04-19" }).summary,
    );
    assert.equal(demo.accountsTotal, 282);
    assert.deepEqual(
      [demo.byLevel.county.before, demo.byLevel.township.before, demo.byLevel.village.before],
      [218, 28, 36],
    );
    assert.ok(demo.accountsShut >= 220 && demo.accountsShut <= 232, `shut ${demo.accountsShut}`);
    assert.equal(demo.accountsClosed + demo.accountsMerged, demo.accountsShut);
    assert.equal(demo.accountsShut + demo.accountsKept, 282);
  });
});

test("estimate says which figures were too large to work out exactly", async () => {
  await withApi(async ({ page }) => {
    // 9999亿 posts a week × 52 × 9999亿 hours ≈ 5.2 × 10^25 hours: past 64
    // bits, so the hours are approximated and a warning names row 2.
    const text = "公众号名称\t每周发布次数\t每期耗时（小时）\t粉丝数\n巨号\t9999亿\t9999亿\t5000";
    const { value } = await call(page, "estimate", text, {}, { lang: "en" });
    const [first] = value.diagnostics;
    assert.equal(first.row, 2);
    assert.equal(first.severity, "warning");
    assert.match(first.message, /too large to work out exactly/);
    // And each implausible cell is warned with its column.
    const columns = value.diagnostics.filter((d) => /implausibly large/.test(d.message)).map((d) => d.column);
    assert.deepEqual(columns, ["每周发布次数", "每期耗时（小时）"]);
    // compare() says it once, however many plans approximated it.
    const tooLarge = (diagnostics) =>
      diagnostics.filter((d) => /too large to work out exactly/.test(d.message)).map((d) => d.message);
    const plans = [
      { name: "a", rules: ["dormant"] },
      { name: "b", rules: ["lowReach"] },
      { name: "c", rules: ["dormant", "lowReach", "duplicate"] },
    ];
    const compared = await call(page, "compare", text, plans, { lang: "en" });
    assert.deepEqual(tooLarge(compared.value.diagnostics), tooLarge(value.diagnostics));
  });
});
