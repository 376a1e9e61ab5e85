// The calculator page (issue 5) against dist/: paste a list and check the
// figures against numbers worked out by hand from SPEC §4, change
// assumptions, override decisions (surviving assumption changes and a
// reload), the Changxing demo, a GB18030 upload and the language switch.
// Every test runs in a fresh browser context and ends by checking there was
// no console error, failed or foreign request, or dialog (see app.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { useBrowser } from "./harness.mjs";
import {
  withApp,
  paste,
  pasteInPage,
  setAsOf,
  setAssumption,
  expectShown,
  decisions,
  row,
  read,
  SMALL_LIST,
  SMALL_LIST_AS_OF,
  SMALL_LIST_FIGURES,
  SETTLE_MS,
  boxText,
} from "./app.mjs";

const env = useBrowser();

async function pasteSmallList(page) {
  await paste(page, SMALL_LIST);
  await setAsOf(page, SMALL_LIST_AS_OF);
  await expectShown(page, SMALL_LIST_FIGURES);
}

test("a pasted list gives the figures worked out by hand", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteSmallList(page);
    // The same figures as the page writes them:
    // hours 280.8 → "281", 369.2 → "369" (whole hours below 1万);
    // FTE = [280.8, 369.2] ÷ 2000 = [0.1404, 0.1846] → "0.1–0.2" (one decimal);
    // cash 105 000 元 = 10.50万元;
    // staff value = [280.8, 369.2] × 60 = [16 848, 22 152] → 1.68万元–2.22万元;
    // total = 105 000 + [16 848, 22 152] = [121 848, 127 152] → 12.18万元–12.72万元.
    const shown = await page.evaluate(() =>
      Object.fromEntries(
        ["hours-freed-low", "hours-freed-high", "cash-saved", "fte-freed", "staff-value", "total-value"].map(
          (id) => [id, document.querySelector(`[data-testid="${id}"]`).textContent.trim()],
        ),
      ),
    );
    assert.deepEqual(shown, {
      "hours-freed-low": "281",
      "hours-freed-high": "369",
      "cash-saved": "10.50万元",
      "fte-freed": "0.1–0.2",
      "staff-value": "1.68万元–2.22万元",
      "total-value": "12.18万元–12.72万元",
    });
    assert.deepEqual(await decisions(page), {
      A局发布: "keep",
      B局发布: "close",
      青山村务: "merge",
      C镇发布: "close",
      D局之窗: "keep",
    });
    // The reasons carry the numbers that triggered them.
    assert.match(await row(page, "B局发布").locator("td.reason").textContent(), /500.*1000/);
    assert.match(await row(page, "C镇发布").locator("td.reason").textContent(), /49/);
    // D局之窗's level was inferred, and its posts and hours fell back to the
    // assumptions: both are marked.
    const d = row(page, "D局之窗");
    assert.equal(await d.locator(".mark.inferred").count(), 1);
    assert.equal(await d.locator(".mark.assumed").count(), 2);
    assert.equal(await row(page, "A局发布").locator(".mark").count(), 0);
    // The summary paragraph carries the same numbers.
    const paragraph = await page.getByTestId("summary-paragraph").textContent();
    assert.match(paragraph, /3个/);
    assert.match(paragraph, /10\.50万元/);
    assert.equal(await page.getByTestId("diagnostics").getAttribute("data-count"), "0");
  });
});

test("changing assumptions changes the figures exactly", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteSmallList(page);

    // Hours per post 1–4 only changes B局发布 among the shut accounts (the
    // others have their own hours per post; D局之窗 is kept):
    // B = 1 × 52 × [1, 4] = [52, 208].
    // low  = 52 + 72.8 + 104 = 228.8; high = 208 + 109.2 + 104 = 421.2.
    await setAssumption(page, "assumption-hoursPerPost", 1);
    await setAssumption(page, "assumption-hoursPerPost-high", 4);
    await expectShown(page, {
      ...SMALL_LIST_FIGURES,
      "hours-freed-low": "228.8",
      "hours-freed-high": "421.2",
    });

    // Staff cost 100 元/h: staff value = [228.8, 421.2] × 100 = [22 880, 42 120]
    // → 2.29万元–4.21万元; total = 105 000 + that = [127 880, 147 120]
    // → 12.79万元–14.71万元. Hours and cash do not move.
    await setAssumption(page, "assumption-hourlyCost", 100);
    await expectShown(page, {
      "hours-freed-low": "228.8",
      "hours-freed-high": "421.2",
      "cash-saved": "105000",
      "staff-value": "2.29万元–4.21万元",
      "total-value": "12.79万元–14.71万元",
    });

    // Merge share 50 %: 青山村务 frees [104, 156] × 0.5 = [52, 78].
    // low = 52 + 52 + 104 = 208; high = 208 + 78 + 104 = 390.
    // Staff value = [20 800, 39 000] → 2.08万元–3.90万元.
    await setAssumption(page, "assumption-mergeShare", 50);
    await expectShown(page, {
      "hours-freed-low": "208",
      "hours-freed-high": "390",
      "staff-value": "2.08万元–3.90万元",
    });

    // Followers threshold 600: B局发布 (500) is still below it; nothing moves.
    // Threshold 400: B局发布 is kept, so it frees nothing and saves nothing:
    // low = 52 + 104 = 156; high = 78 + 104 = 182; cash = 20 000.
    await setAssumption(page, "assumption-followersThreshold", 400);
    await expectShown(page, {
      "accounts-shut": "2",
      "hours-freed-low": "156",
      "hours-freed-high": "182",
      "cash-saved": "20000",
    });

    // Dormant days 60: C镇发布's 49 days are no longer dormant → kept.
    // Only 青山村务 is shut: [52, 78], no cash.
    await setAssumption(page, "assumption-dormantDays", 60);
    await expectShown(page, {
      "accounts-shut": "1",
      "hours-freed-low": "52",
      "hours-freed-high": "78",
      "cash-saved": "0",
    });

    // A merge share of 150 % is refused with a message; the figures keep the
    // last valid value (50 %).
    await setAssumption(page, "assumption-mergeShare", 150);
    await page.getByTestId("assumption-mergeShare").and(page.locator('[aria-invalid="true"]')).waitFor();
    assert.equal(await page.locator(".assumption.invalid [role=alert]").count(), 1);
    await expectShown(page, { "hours-freed-low": "52", "hours-freed-high": "78" });
  });
});

/**
 * Overrides A局发布 keep → close and C镇发布 close → keep on SMALL_LIST.
 * A局发布 then frees its 208 h; C镇发布 gives back its 104 h and 20 000 元:
 * low  = 280.8 + 208 − 104 = 384.8; high = 369.2 + 208 − 104 = 473.2;
 * cash = 105 000 − 20 000 = 85 000; shut = 3 + 1 − 1 = 3.
 */
const OVERRIDDEN = {
  "accounts-total": "5",
  "accounts-shut": "3",
  "hours-freed-low": "384.8",
  "hours-freed-high": "473.2",
  "cash-saved": "85000",
};

/**
 * OVERRIDDEN with hours per post 1–4: B局发布 becomes 1 × 52 × [1, 4] = [52, 208].
 * low = 52 + 72.8 + 208 = 332.8; high = 208 + 109.2 + 208 = 525.2.
 */
const OVERRIDDEN_HPP_1_4 = { ...OVERRIDDEN, "hours-freed-low": "332.8", "hours-freed-high": "525.2" };

const OVERRIDDEN_DECISIONS = {
  A局发布: "close",
  B局发布: "close",
  青山村务: "merge",
  C镇发布: "keep",
  D局之窗: "keep",
};

async function overrideTwo(page) {
  await pasteSmallList(page);
  await row(page, "A局发布").getByTestId("decision-select").selectOption("close");
  await row(page, "C镇发布").getByTestId("decision-select").selectOption("keep");
  await expectShown(page, OVERRIDDEN);
}

test("an override changes the figures and survives an assumption change", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await overrideTwo(page);
    assert.equal(await row(page, "A局发布").locator(".mark.overridden").count(), 1);
    assert.equal(await row(page, "C镇发布").locator(".mark.overridden").count(), 1);
    assert.equal(await row(page, "B局发布").locator(".mark.overridden").count(), 0);
    assert.match(await row(page, "A局发布").locator("td.reason").textContent(), /关停/);

    await setAssumption(page, "assumption-hoursPerPost", 1);
    await setAssumption(page, "assumption-hoursPerPost-high", 4);
    await expectShown(page, OVERRIDDEN_HPP_1_4);
    assert.deepEqual(await decisions(page), OVERRIDDEN_DECISIONS);

    // Undoing A局发布's override gives back the rules' keep:
    // low = 332.8 − 208 = 124.8; high = 525.2 − 208 = 317.2; shut 2.
    await row(page, "A局发布").locator(".mark.overridden button").click();
    await expectShown(page, {
      "accounts-shut": "2",
      "hours-freed-low": "124.8",
      "hours-freed-high": "317.2",
      "cash-saved": "85000",
    });
    assert.equal((await decisions(page)).A局发布, "keep");
    assert.equal(await row(page, "A局发布").locator(".mark.overridden").count(), 0);
  });
});

test("input, assumptions, as-of date and overrides survive a reload", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await overrideTwo(page);
    await setAssumption(page, "assumption-hoursPerPost", 1);
    await setAssumption(page, "assumption-hoursPerPost-high", 4);
    await expectShown(page, OVERRIDDEN_HPP_1_4);

    // The autosaved record holds the overrides by account: name, unit and
    // platform, and the occurrence among true duplicates (SPEC §4: an
    // override is kept; issue 5 step 9: overrides are autosaved; issue 14:
    // an override follows its account).
    await page.waitForFunction(
      () => {
        const r = JSON.parse(localStorage.getItem("jianfu.v1") ?? "{}");
        return r.plans?.plans[r.plans.current].assumptions.hoursPerPost?.[1] === 4;
      },
    );
    const saved = JSON.parse(await page.evaluate(() => localStorage.getItem("jianfu.v1")));
    assert.equal(saved.input, SMALL_LIST);
    // The current plan's assumptions and overrides; the as-of date is every
    // plan's.
    const plan = saved.plans.plans[saved.plans.current];
    assert.deepEqual(plan.assumptions.hoursPerPost, [1, 4]);
    assert.deepEqual(
      saved.plans.plans.map((p) => p.assumptions.asOf),
      [SMALL_LIST_AS_OF, SMALL_LIST_AS_OF, SMALL_LIST_AS_OF],
    );
    assert.deepEqual(
      plan.overrides,
      [
        { name: "A局发布", unit: "县A局", platform: "wechat", occurrence: 0, decision: "close" },
        { name: "C镇发布", unit: "C镇人民政府", platform: "wechat", occurrence: 0, decision: "keep" },
      ],
      "overrides in localStorage",
    );

    // A reload in the same context restores all of it.
    await page.reload();
    await page.getByTestId("accounts-total").waitFor();
    assert.equal(await boxText(page), SMALL_LIST);
    assert.equal(await page.getByTestId("assumption-hoursPerPost").inputValue(), "1");
    assert.equal(await page.getByTestId("assumption-hoursPerPost-high").inputValue(), "4");
    assert.equal(await page.getByTestId("as-of").inputValue(), SMALL_LIST_AS_OF);
    await expectShown(page, OVERRIDDEN_HPP_1_4);
    assert.deepEqual(await decisions(page), OVERRIDDEN_DECISIONS);
    assert.equal(await row(page, "A局发布").locator(".mark.overridden").count(), 1);
  });
});

test("the decision filter lists only the accounts with that decision", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteSmallList(page);
    await page.getByTestId("decision-filter").selectOption("close");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="account-table"] tbody tr').length === 2,
    );
    assert.deepEqual(await decisions(page), { B局发布: "close", C镇发布: "close" });
    await page.getByTestId("decision-filter").selectOption("");
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="account-table"] tbody tr').length === 5,
    );
  });
});

/** Waits (polling, up to SETTLE_MS) until `condition()` holds in this process. */
async function until(condition) {
  const deadline = Date.now() + SETTLE_MS;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${condition}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

/** The demo: 282 accounts, 220–232 shut (SPEC §7, issue 4), labelled as synthetic. */
async function checkDemo(page) {
  await expectShown(page, { "accounts-total": "282" });
  const { "accounts-shut": shut } = await read(page, ["accounts-shut"]);
  assert.ok(Number(shut) >= 220 && Number(shut) <= 232, `demo shuts ${shut}, expected 220–232`);
  await page.getByTestId("demo-label").waitFor({ state: "visible" });
  assert.match(await page.getByTestId("demo-label").textContent(), /合成/);
  assert.equal(await page.getByTestId("as-of").inputValue(), "2019-04-19");
  // 282 accounts at 50 a page.
  assert.match(await page.getByTestId("page-status").textContent(), /282/);
}

test("the demo button loads the Changxing demo: 282 accounts, about 80 % shut", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    assert.equal(await page.getByTestId("demo-label").count(), 0);
    await page.getByTestId("load-demo").click();
    await checkDemo(page);
    // Editing the text makes it no longer the demo, and the label goes.
    await paste(page, SMALL_LIST);
    await page.getByTestId("demo-label").waitFor({ state: "detached" });
  });
});

test("?demo=changxing opens with the demo loaded", async () => {
  await withApp(env.browser, env.server, ({ page }) => checkDemo(page), { query: "?demo=changxing" });
});

test("a GB18030 file uploads with its Chinese names intact", async () => {
  // tests/fixtures/gb18030.csv is GB18030 bytes; its UTF-8 twin is
  // gb18030.utf8.csv. With as-of 2019-04-19 and default assumptions:
  // 长兴发布   县直 → county; 25,000 followers; 3 posts; last post 04-18 → keep;
  //           hours = 3 × 52 × [2, 3] = [312, 468]
  // 和平镇发布 乡镇 → township; 2至3 posts; last post 2019.4.2 = 17 days > 14
  //           → close; hours = [2, 3] × 52 × [2, 3] = [208, 468]; fee 80,000
  // 吕山乡     level blank → 乡 → township (inferred); 1到2 posts;
  //           last post 2019/02/28 = 50 days → close;
  //           hours = [1, 2] × 52 × [2, 3] = [104, 312]
  // 总计       a totals row: excluded, with a notice.
  // Freed: low = 208 + 104 = 312, high = 468 + 312 = 780; cash 80 000.
  await withApp(env.browser, env.server, async ({ page }) => {
    await setAsOf(page, "2019-04-19");
    await page.getByTestId("upload").setInputFiles(resolve("tests/fixtures/gb18030.csv"));
    await expectShown(page, {
      "accounts-total": "3",
      "accounts-shut": "2",
      "hours-freed-low": "312",
      "hours-freed-high": "780",
      "cash-saved": "80000",
    });
    assert.deepEqual(await decisions(page), { 长兴发布: "keep", 和平镇发布: "close", 吕山乡: "close" });
    const table = await page.getByTestId("account-table").textContent();
    for (const text of ["县委宣传部", "和平镇", "吕山乡人民政府"]) assert.ok(table.includes(text), text);
    assert.equal(await row(page, "吕山乡").locator(".mark.inferred").count(), 1);
    // The decoded text is in the box, and the totals row got a diagnostic.
    assert.match(await boxText(page), /^公众号名称,运营单位/);
    assert.ok(Number(await page.getByTestId("diagnostics").getAttribute("data-count")) >= 1);
    assert.match(await page.getByTestId("diagnostics").textContent(), /总计/);
  });
});

test("the language switch shows English, and back", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteSmallList(page);
    assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await checkEnglish(page);
    // The figures do not change with the language.
    await expectShown(page, SMALL_LIST_FIGURES);
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    assert.equal(await page.getByTestId("title").textContent(), "减负测算");
    assert.equal(await page.locator("#accounts-heading").textContent(), "逐个账号");
    assert.equal(await page.getByTestId("cash-saved").textContent(), "10.50万元");
  });
});

test("?lang=en opens in English", async () => {
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      assert.equal(await page.locator("html").getAttribute("lang"), "en");
      await pasteSmallList(page);
      await checkEnglish(page);
    },
    { query: "?lang=en" },
  );
});

/** English headings, labels, figures and reasons, once SMALL_LIST is pasted. */
async function checkEnglish(page) {
  assert.equal(await page.getByTestId("title").textContent(), "Jianfu");
  assert.equal(await page.locator(".input-panel h2").textContent(), "Account list");
  assert.equal(await page.locator("#assumptions-heading").textContent(), "Assumptions");
  assert.equal(await page.locator("#accounts-heading").textContent(), "Account by account");
  const labels = await page.locator(".card-label").allTextContents();
  assert.ok(labels.includes("Accounts"), labels.join(" | "));
  assert.ok(labels.includes("Cash saved a year"), labels.join(" | "));
  assert.equal(await page.getByTestId("export-csv").textContent(), "Export results (CSV)");
  // Money in English: ¥105,000; the reasons are English too.
  assert.equal(await page.getByTestId("cash-saved").textContent(), "¥105,000");
  const reason = await row(page, "B局发布").locator("td.reason").textContent();
  assert.match(reason, /followers/i);
  assert.doesNotMatch(reason, /粉丝/);
  assert.doesNotMatch(await page.getByTestId("summary-paragraph").textContent(), /[\u4e00-\u9fff]{4}/);
}

test("overriding one of two accounts with the same name leaves the other alone", async () => {
  // Duplicate names are kept, with a warning (SPEC §2), and "the user can
  // override any row" (SPEC §4). Row 2 (500 followers) is closed by the
  // rules, row 3 (5000 followers) kept. Overriding row 3 to merge must not
  // touch row 2.
  // Expected: row 2 close, 1 × 52 × 2 = 104 h; row 3 merge, 1 × 52 × 1 × 0.7
  // = 36.4 h; freed 140.4, shut 2.
  await withApp(env.browser, env.server, async ({ page }) => {
    await paste(page, ["公众号名称\t粉丝数\t每周发布次数\t每期耗时", "重名号\t500\t1\t2", "重名号\t5000\t1\t1"].join("\n"));
    await expectShown(page, { "accounts-total": "2", "accounts-shut": "1", "hours-freed-low": "104" });
    await page.locator("#account-row-3").getByTestId("decision-select").selectOption("merge");
    await expectShown(page, { "accounts-shut": "2", "hours-freed-low": "140.4", "hours-freed-high": "140.4" });
    assert.equal(await page.locator("#account-row-2").getByTestId("decision-select").inputValue(), "close");
    assert.equal(await page.locator("#account-row-2 .mark.overridden").count(), 0);
  });
});

test("a 10,000-row file gives its figures promptly and a paginated table", async () => {
  // 10,000 accounts, every second one with 500 followers (closed), the
  // others 5000 (kept); each 1 post a week × 2 h = 104 h a year.
  // Shut 5000; freed 5000 × 104 = 520 000 h, exactly (no range).
  // Uploaded rather than typed: Playwright's fill() of 150 KB into a
  // textarea takes minutes in headless Chromium even on a blank page.
  const lines = ["公众号名称\t粉丝数\t每周发布次数\t每期耗时"];
  for (let i = 0; i < 10_000; i++) lines.push(`账号${i}\t${i % 2 ? 500 : 5000}\t1\t2`);
  await withApp(env.browser, env.server, async ({ page }) => {
    await page.getByTestId("upload").setInputFiles({
      name: "big.tsv",
      mimeType: "text/tab-separated-values",
      buffer: Buffer.from(lines.join("\n")),
    });
    await expectShown(page, {
      "accounts-total": "10000",
      "accounts-shut": "5000",
      "hours-freed-low": "520000",
      "hours-freed-high": "520000",
      "cash-saved": "0",
    });
    // 万小时 in Chinese: 520 000 h = 52.00万.
    assert.equal(await page.getByTestId("hours-freed-low").textContent(), "52.00万");
    // Only one page of 50 rows is in the DOM: the first rows with the
    // figures, the rest of the page just after.
    const rows = page.getByTestId("account-table").locator("tbody tr");
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-table"] tbody tr').length >= 50);
    assert.equal(await rows.count(), 50);
    assert.match(await page.getByTestId("page-status").textContent(), /1\/200.*10000/);
    // The next page starts at the 51st account: row 52 (the header is row 1).
    await page.locator("nav.pager button").nth(1).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="account-table"] tbody tr')?.dataset.row === "52",
    );
    assert.match(await page.getByTestId("page-status").textContent(), /2\/200/);
  });
});

test("a first paste shows the figures, then fills the table's page, each account once and in order; an edit keeps the rows", async () => {
  // 120 accounts: a page of 50, which comes just after the figures.
  const lines = ["公众号名称\t粉丝数"];
  for (let i = 1; i <= 120; i++) lines.push(`号${i}\t5000`);
  await withApp(env.browser, env.server, async ({ page }) => {
    // Every state of the page from the paste on: the accounts shown in the
    // figures, and the table rows' ids, in order.
    await page.evaluate(() => {
      window.__tables = [];
      new MutationObserver(() => {
        const total = document.querySelector('[data-testid="accounts-total"]')?.dataset.value;
        const rows = document.querySelectorAll('[data-testid="account-table"] tbody tr');
        const busy = document.querySelector('[data-testid="account-table"] tbody')?.getAttribute("aria-busy");
        window.__tables.push({ total, busy, rows: [...rows].map((r) => r.dataset.row).join(" ") });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await paste(page, lines.join("\n"));
    await expectShown(page, { "accounts-total": "120" });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-table"] tbody tr').length === 50);
    const tables = (await page.evaluate(() => window.__tables)).filter((t) => t.total === "120");
    // Rows 2–51 (the header is row 1): none with the figures, then the page.
    const rowsUpTo = (n) => Array.from({ length: n }, (_, i) => i + 2).join(" ");
    assert.deepEqual(tables[0], { total: "120", busy: "true", rows: "" });
    assert.deepEqual(tables.at(-1), { total: "120", busy: null, rows: rowsUpTo(50) });
    // In between, no account twice and none out of order.
    for (const { rows } of tables) assert.ok(rowsUpTo(50).startsWith(rows), rows);

    // An edit (one more account) keeps the page's rows on screen throughout.
    await page.evaluate(() => (window.__tables = []));
    await paste(page, lines.join("\n") + "\n号121\t5000");
    await expectShown(page, { "accounts-total": "121" });
    const edited = await page.evaluate(() => window.__tables);
    assert.ok(edited.length > 0);
    for (const state of edited) assert.deepEqual(state, { total: state.total, busy: null, rows: rowsUpTo(50) });
  });
});

test("a list pasted over the box comes into it after its figures, read-only until then; typed text is never held back", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    // The box's state whenever the figures or the box change: its text's
    // length, read-only, aria-busy, and the accounts shown.
    await page.evaluate(() => {
      window.__box = [];
      const box = document.querySelector('[data-testid="paste"]');
      const note = () => {
        const total = document.querySelector('[data-testid="accounts-total"]')?.dataset.value;
        window.__box.push({ length: box.value.length, readOnly: box.readOnly, busy: box.getAttribute("aria-busy"), total });
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const { taken } = await pasteInPage(page, (text) => text, SMALL_LIST);
    assert.equal(taken, true, "a paste into the empty box is the page's to take");
    assert.equal(await boxText(page), SMALL_LIST);
    const states = await page.evaluate(() => window.__box);
    // The figures of the 5 accounts came while the box was still empty,
    // read-only and busy; then the list came into it, editable again.
    const first = states.find((s) => s.total === "5");
    assert.deepEqual(first, { length: 0, readOnly: true, busy: "true", total: "5" });
    assert.deepEqual(states.at(-1), { length: SMALL_LIST.length, readOnly: false, busy: null, total: "5" });

    // Typing is the box's own text: never busy, never held back.
    await page.evaluate(() => (window.__box = []));
    const box = page.getByTestId("paste");
    await box.press("Control+End");
    await box.press("Backspace");
    await expectShown(page, { "accounts-total": "5" });
    await box.pressSequentially("5");
    await box.press("Enter");
    await box.pressSequentially("E局发布");
    await expectShown(page, { "accounts-total": "6" });
    const typed = await page.evaluate(() => window.__box);
    assert.ok(typed.length > 0);
    assert.ok(typed.every((s) => s.busy === null && !s.readOnly), JSON.stringify(typed));
    assert.equal(await box.inputValue(), SMALL_LIST + "\nE局发布");
  });
});

test("clicking a diagnostic shows its row in the table", async () => {
  // 60 accounts; the 55th (row 56) has an unreadable follower count, so it
  // is on the second page of 50.
  const lines = ["公众号名称\t粉丝数"];
  for (let i = 1; i <= 60; i++) lines.push(`号${i}\t${i === 55 ? "很多" : 5000}`);
  await withApp(env.browser, env.server, async ({ page }) => {
    await paste(page, lines.join("\n"));
    await expectShown(page, { "accounts-total": "60" });
    const diagnostics = page.getByTestId("diagnostics");
    assert.equal(await diagnostics.getAttribute("data-count"), "1");
    assert.match(await diagnostics.textContent(), /很多/);
    assert.equal(await page.locator("#account-row-56").count(), 0);
    await diagnostics.getByRole("button", { name: "56" }).click();
    await page.locator("#account-row-56.focused").waitFor();
    assert.match(await page.getByTestId("page-status").textContent(), /2\/2/);
    // The unreadable cell became missing: no low-reach rule, so kept.
    assert.equal(await page.locator("#account-row-56").getByTestId("decision-select").inputValue(), "keep");
  });
});

test("清空 asks first, then empties the list and forgets the overrides", async () => {
  const asked = [];
  let answer = "dismiss";
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      await pasteSmallList(page);
      await row(page, "A局发布").getByTestId("decision-select").selectOption("close");
      await expectShown(page, { "accounts-shut": "4" });

      await page.getByTestId("clear").click();
      await until(() => asked.length === 1);
      assert.equal(await boxText(page), SMALL_LIST);
      await expectShown(page, { "accounts-total": "5", "accounts-shut": "4" });

      answer = "accept";
      await page.getByTestId("clear").click();
      await until(() => asked.length === 2);
      await expectShown(page, { "accounts-total": "0", "accounts-shut": "0", "cash-saved": "0" });
      assert.equal(await boxText(page), "");

      // The same list again: the rules decide, no override is left.
      await paste(page, SMALL_LIST);
      await expectShown(page, SMALL_LIST_FIGURES);
      assert.equal((await decisions(page)).A局发布, "keep");
    },
    {
      onDialog: (dialog) => {
        asked.push(`${dialog.type()}: ${dialog.message()}`);
        (answer === "accept" ? dialog.accept() : dialog.dismiss()).catch(() => {});
      },
    },
  );
  assert.ok(asked.every((a) => a.startsWith("confirm: ")), asked.join(" | "));
});

test("absurd and implausible figures are warned with their rows, never shown without a word", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    // Row 2: 9999亿 posts a week × 52 × 9999亿 hours ≈ 5.2 × 10^25 hours,
    // beyond 64 bits: approximated, and said. Both cells are also past what
    // an account can be (100 posts a week, 24 hours a post).
    await paste(page, "公众号名称\t每周发布次数\t每期耗时（小时）\t粉丝数\n巨号\t9999亿\t9999亿\t5000");
    await expectShown(page, { "accounts-total": "1" });
    const diagnostics = page.getByTestId("diagnostics");
    await page.waitForFunction(
      () => document.querySelector('[data-testid="diagnostics"]').dataset.count === "3",
    );
    const text = await diagnostics.textContent();
    assert.match(text, /第2行的数值过大，超出精确计算的范围，结果为近似值/);
    assert.match(text, /第2行「每周发布次数」列的“9999亿”大得不合常理/);
    assert.match(text, /第2行「每期耗时（小时）」列的“9999亿”大得不合常理/);
  });
});
