// Plans side by side (issue 16) against dist/: the three presets compared,
// a plan edited, renamed, added and removed, a plan file saved and opened
// on a fresh page, the exports and print, the plans surviving a reload, and
// the JS API's compare.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser } from "./harness.mjs";
import { withApp, paste, setAsOf, expectShown, read } from "./app.mjs";

const env = useBrowser();

/**
 * Five accounts, worked out by hand with the default assumptions (2–3 posts
 * a week, 2–3 h a post, 52 weeks: 208–468 h an account; a merge frees 70 %,
 * 145.6–327.6 h) as of 2019-04-19:
 *
 * 甲 (某办) 300 followers: below 1,000 → close by lowReach;
 * 乙 (某局) 2,000 followers;
 * 丙 (某局) 9,000 followers, last post 2019-03-01 (49 days) → dormant;
 * 丁 (某中心) outsourced, ¥100,000 a year, 2 posts × 52 × 100 reads = 10,400
 *    reads: ¥9.62 a read → poorValue; its hours 2 × 52 × 2–3 = 208–312;
 * 戊 (某局) 1,500 followers: with 乙, one unit on one platform → duplicate
 *    merges it into 乙 (丙, dormant, is closed first).
 *
 * 稳妥 (dormant, noInteraction): 丙 → 1 shut, 208–468 h, ¥0.
 * 推荐 (dormant, lowReach, village, poorValue): 丙, 甲, 丁 → 3 shut,
 *   208 + 208 + 208 = 624 to 468 + 468 + 312 = 1,248 h, ¥100,000.
 * 彻底 (every rule): also 戊 merged → 4 shut, 769.6–1,575.6 h, ¥100,000.
 */
const LIST = [
  "公众号名称\t主办单位\t粉丝数\t最近更新\t运营方式\t外包费用（元）\t每周发布次数\t篇均阅读",
  "甲\t某办\t300\t2019-04-19\t\t\t\t",
  "乙\t某局\t2000\t2019-04-19\t\t\t\t",
  "丙\t某局\t9000\t2019-03-01\t\t\t\t",
  "丁\t某中心\t5000\t2019-04-19\t外包\t100000\t2\t100",
  "戊\t某局\t1500\t2019-04-19\t\t\t\t",
].join("\n");

const PRESETS = {
  "plan-shut-1": "1",
  "plan-hours-low-1": "208",
  "plan-hours-high-1": "468",
  "plan-cash-1": "0",
  "plan-shut-2": "3",
  "plan-hours-low-2": "624",
  "plan-hours-high-2": "1248",
  "plan-cash-2": "100000",
  "plan-shut-3": "4",
  "plan-hours-low-3": "769.6",
  "plan-hours-high-3": "1575.6",
  "plan-cash-3": "100000",
};

async function pasteList(page) {
  await paste(page, LIST);
  await setAsOf(page, "2019-04-19");
  await expectShown(page, PRESETS);
}

test("the three presets side by side, the recommended one current", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteList(page);
    // The headline is the current plan's: 推荐, plan 2.
    await expectShown(page, { "accounts-shut": "3", "cash-saved": "100000" });
    assert.equal(await page.getByTestId("plan-name-2").getAttribute("aria-pressed"), "true");
    // The table marks the accounts the plans decide differently: 甲 (kept
    // by 稳妥), 丁 (kept by 稳妥) and 戊 (merged by 彻底).
    const differs = await page
      .getByTestId("account-table")
      .locator("tbody tr[data-differs]")
      .evaluateAll((rows) => rows.map((tr) => tr.querySelector("td.name").textContent));
    assert.deepEqual(differs, ["甲", "丁", "戊"]);
    // Each plan's decision for each account.
    const 戊 = await page.locator('tr[data-row="6"] [data-testid="plan-decisions"]').textContent();
    assert.equal(戊, "1保留2保留3归并");
    // Only those three with the filter.
    await page.getByTestId("differs-only").check();
    assert.equal(await page.getByTestId("account-table").locator("tbody tr").count(), 3);
    // Plan 3 made current: the headline follows, and 戊's reason names 乙.
    await page.getByTestId("plan-name-3").click();
    await expectShown(page, { "accounts-shut": "4" });
    const reason = await page.locator('tr[data-row="6"] td.reason').textContent();
    assert.match(reason, /归并至粉丝最多的“乙”（依据：国办发〔2018〕123号）/);
    // The receiving accounts and the structure after the plan.
    assert.match(await page.getByTestId("receiving").textContent(), /乙1/);
    assert.match(await page.getByTestId("structure").textContent(), /某局乙并入：戊/);
    // The differences from plan 1.
    assert.equal(await page.getByTestId("plan-diff-3").textContent(), "+3个 · +562–+1108小时 · +10.00万元");
  });
});

test("editing a plan: rules on and off, their order, its name; adding and removing plans", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteList(page);
    await page.getByTestId("plan-name-1").click();
    // 稳妥 plus low reach closes 甲 too: 2 shut, 416–936 h.
    await page.getByTestId("rule-lowReach").check();
    await expectShown(page, { "plan-shut-1": "2", "plan-hours-low-1": "416", "plan-hours-high-1": "936" });
    // The other plans are untouched.
    await expectShown(page, { "plan-shut-2": "3", "plan-shut-3": "4" });
    // Duplicate before dormant: 丙 (dormant) now merges into 乙 with 戊,
    // rather than being closed: 3 shut; 甲 closed 208–468, 丙 and 戊 merged
    // 2 × 145.6–327.6: 499.2–1,123.2 h.
    await page.getByTestId("rule-duplicate").check();
    await page.getByTestId("raise-duplicate").click();
    await page.getByTestId("raise-duplicate").click();
    await page.getByTestId("raise-duplicate").click();
    await expectShown(page, { "plan-shut-1": "3", "plan-hours-low-1": "499.2", "plan-hours-high-1": "1123.2" });
    await page.getByTestId("plan-name-input").fill("县里的方案");
    assert.match(await page.getByTestId("plan-name-1").textContent(), /县里的方案/);
    // A fourth plan, a copy of the current one; no fifth.
    await page.getByTestId("add-plan").click();
    await expectShown(page, { "plan-shut-4": "3" });
    assert.equal(await page.getByTestId("add-plan").isDisabled(), true);
    // Removing it (after a confirm) leaves three.
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByTestId("remove-plan-4").click();
    await page.getByTestId("plan-shut-4").waitFor({ state: "detached" });
    await expectShown(page, { "plan-shut-1": "3" });
    // In English the presets' names follow; the name typed stays.
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const names = [];
    for (const n of [1, 2, 3]) names.push(await page.getByTestId(`plan-name-${n}`).textContent());
    assert.deepEqual(names, ["1. 县里的方案", "2. Recommended", "3. Thorough"]);
    await expectShown(page, { "plan-shut-1": "3", "plan-shut-2": "3", "plan-shut-3": "4" });
  }, { onDialog: () => {} });
});

test("a plan file saved on one page opens on another with the same figures", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jianfu-plans-"));
  const file = join(dir, "plans.json");
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteList(page);
    await page.getByTestId("plan-name-1").click();
    await page.getByTestId("rule-lowReach").check();
    await page.getByTestId("rule-noInteraction").uncheck();
    // An override in plan 1: 乙 closed.
    await page.locator('tr[data-row="3"] [data-testid="decision-select"]').selectOption("close");
    await expectShown(page, { "plan-shut-1": "3" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-plans").click()]);
    await download.saveAs(file);
  }, { contextOptions: { acceptDownloads: true } });
  const saved = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(saved.jianfu, "plans");
  assert.deepEqual(saved.plans[0].rules, ["dormant", "lowReach"]);
  assert.deepEqual(saved.plans[0].overrides, [
    { name: "乙", unit: "某局", platform: "wechat", occurrence: 0, decision: "close" },
  ]);
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteList(page);
    await page.getByTestId("open-plans").setInputFiles(file);
    await expectShown(page, { "plan-shut-1": "3", "plan-shut-2": "3", "plan-shut-3": "4" });
    assert.equal(await page.getByTestId("plan-name-1").getAttribute("aria-pressed"), "true");
    // A file that is no plan file is refused with a message; the plans stay.
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ jianfu: "something else" }));
    await page.getByTestId("open-plans").setInputFiles(bad);
    assert.match(await page.getByTestId("plans-error").textContent(), /不是减负测算的方案文件/);
    await expectShown(page, { "plan-shut-1": "3" });
    // The message follows a switch of language.
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(
      await page.getByTestId("plans-error").textContent(),
      /^The plan file could not be opened: .*not a Jianfu plan file/,
    );
  });
});

test("the plans travel with autosave", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteList(page);
    await page.getByTestId("plan-name-3").click();
    await page.getByTestId("rule-duplicate").uncheck();
    await expectShown(page, { "plan-shut-3": "3" });
    await page.waitForTimeout(300);
    await page.reload();
    await expectShown(page, { "plan-shut-3": "3", "accounts-shut": "3" });
    assert.equal(await page.getByTestId("plan-name-3").getAttribute("aria-pressed"), "true");
  });
});

test("the CSV has each plan's decisions, the report compares the plans, print puts the comparison first", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await pasteList(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const csv = readFileSync(await download.path(), "utf8");
    const header = csv.split("\r\n")[0];
    assert.match(header, /处置·方案一（稳妥）,规则·方案一（稳妥）,理由·方案一（稳妥）,归并至·方案一（稳妥）/);
    assert.match(header, /处置·方案三（彻底）/);
    // The current plan's summary as for one plan, then every plan's.
    assert.match(csv, /^关停、归并账号数,3$/m);
    assert.match(csv, /^关停、归并账号数,1,3,4$/m);
    const comparison = await page.getByTestId("comparison-paragraph").textContent();
    assert.match(comparison, /^方案一（稳妥）关停、归并账号1个/);
    assert.match(comparison, /与方案一相比，方案二多关停、归并2个/);
    await page.emulateMedia({ media: "print" });
    const plans = await page.getByTestId("plans").boundingBox();
    const results = await page.locator("section.results").boundingBox();
    assert.ok(plans && results && plans.y < results.y, "the comparison prints before the headline");
    assert.equal(await page.getByTestId("plan-editor").isVisible(), false);
    const breakAfter = await page.getByTestId("plans").evaluate((el) => getComputedStyle(el).breakAfter);
    assert.equal(breakAfter, "page");
  }, { contextOptions: { acceptDownloads: true } });
});

test("compare() and estimate()'s assumptions.rules", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    const result = await page.evaluate(async (list) => {
      const api = window.jianfu;
      const compared = api.compare(list, [
        { name: "低", rules: ["lowReach"], assumptions: { asOf: "2019-04-19" } },
        { name: "重", rules: ["dormant", "duplicate"], assumptions: { asOf: "2019-04-19" } },
      ]);
      const estimated = api.estimate(list, { rules: ["dormant"], asOf: "2019-04-19" });
      let refused = null;
      try {
        api.compare(list, [{ rules: ["sleepy"] }]);
      } catch (error) {
        refused = `${error.name}: ${error.message}`;
      }
      return {
        names: compared.plans.map((p) => p.name),
        shut: compared.plans.map((p) => p.summary.accountsShut),
        byPlatform: compared.plans[1].summary.byPlatform.wechat.after,
        戊: compared.accounts[4].plans[1],
        differs: compared.accounts.map((a) => a.differs),
        estimated: estimated.summary.accountsShut,
        refused,
      };
    }, LIST);
    // 低: 甲 only. 重: 丙 dormant, 戊 merged into 乙 → 2 shut, 3 kept.
    assert.deepEqual(result.names, ["低", "重"]);
    assert.deepEqual(result.shut, [1, 2]);
    assert.equal(result.byPlatform, 3);
    assert.equal(result.戊.decision, "merge");
    assert.equal(result.戊.rule, "duplicate");
    assert.equal(result.戊.mergeInto, "乙");
    assert.deepEqual(result.differs, [true, false, true, false, true]);
    assert.equal(result.estimated, 1);
    assert.match(result.refused, /^Error: jianfu: plans\[0\]\.rules: 没有名为“sleepy”的规则/);
  });
});
