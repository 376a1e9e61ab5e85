// What must not go wrong with hostile or broken data (issue 5): the results
// CSV opens in Excel without running formulas, markup in a name stays text,
// and a corrupt localStorage value is recovered from with a notice. Every
// test ends by checking there was no console error, failed or foreign
// request, or dialog (see app.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useBrowser } from "./harness.mjs";
import { withApp, paste, setAsOf, expectShown, decisions, row, SMALL_LIST, SMALL_LIST_AS_OF, boxText } from "./app.mjs";

const env = useBrowser();

/** Clicks the button with this test id and returns the downloaded file. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test("the results CSV has a UTF-8 BOM and neutralises formula cells", async () => {
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      // Followers 500 < 1000: the first two are closed; 5000: kept.
      await paste(
        page,
        [
          "公众号名称\t主办单位\t粉丝数",
          '=HYPERLINK("http://x","y")\t-县局\t500',
          "@SUM(A1)\t+1\t500",
          "普通账号\t县局\t5000",
        ].join("\n"),
      );
      await expectShown(page, { "accounts-total": "3", "accounts-shut": "2" });
      const { name, bytes } = await download(page, "export-csv");
      assert.equal(name, "减负测算结果.csv");
      assert.deepEqual(bytes.subarray(0, 3), BOM, "starts with a UTF-8 BOM");
      const text = bytes.subarray(3).toString("utf8");
      const lines = text.split(/\r?\n/);
      assert.match(lines[0], /^行号,公众号名称,主办单位,/);
      // The name is quoted (it holds quotes and a comma), with the quotes
      // doubled, and begins with ' so that Excel shows it as text.
      assert.ok(
        lines[1].startsWith(`2,"'=HYPERLINK(""http://x"",""y"")",'-县局,`),
        `row 2 is ${lines[1]}`,
      );
      assert.ok(lines[2].startsWith("3,'@SUM(A1),'+1,"), `row 3 is ${lines[2]}`);
      assert.ok(lines[3].startsWith("4,普通账号,县局,"), `row 4 is ${lines[3]}`);
      // No cell anywhere begins with a formula character unescaped. (A cell
      // starts after a comma or at a line start, perhaps inside quotes; the
      // numbers in the file are never negative.)
      assert.doesNotMatch(text, /(^|,)"?[=+\-@\t]/m);
      // The summary is part of the file too.
      assert.match(text, /^账号总数,3$/m);
      assert.match(text, /^关停、归并账号数,2$/m);
    },
    { contextOptions: { acceptDownloads: true } },
  );
});

test("the results CSV carries the hand-worked figures of the small list", async () => {
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      await paste(page, SMALL_LIST);
      await setAsOf(page, SMALL_LIST_AS_OF);
      await expectShown(page, { "hours-freed-low": "280.8", "cash-saved": "105000" });
      const { bytes } = await download(page, "export-csv");
      const text = bytes.subarray(3).toString("utf8");
      // See app.mjs: freed 280.8–369.2 h, cash 105 000 元, B局发布 85 000 元.
      assert.match(text, /^释放工时下限（小时\/年）,280\.8$/m);
      assert.match(text, /^释放工时上限（小时\/年）,369\.2$/m);
      assert.match(text, /^节约资金（元\/年）,105000\.00$/m);
      assert.match(text, /^3,B局发布,县B局,.*,85000\.00,关停,/m);
    },
    { contextOptions: { acceptDownloads: true } },
  );
});

test("the template CSV has a BOM and the Chinese headers, and reads back", async () => {
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      const { name, bytes } = await download(page, "download-template");
      assert.equal(name, "公众号清单模板.csv");
      assert.deepEqual(bytes.subarray(0, 3), BOM);
      const text = bytes.subarray(3).toString("utf8");
      assert.match(text, /^公众号名称,主办单位,层级,平台,粉丝数/);
      // Pasting the template back gives its two example accounts without a
      // single diagnostic.
      await paste(page, text);
      await expectShown(page, { "accounts-total": "2" });
      assert.equal(await page.getByTestId("diagnostics").getAttribute("data-count"), "0");
    },
    { contextOptions: { acceptDownloads: true } },
  );
});

test("an account named <img src=x onerror=alert(1)> is shown as text and runs nothing", async () => {
  const evil = "<img src=x onerror=alert(1)>";
  await withApp(env.browser, env.server, async ({ page, log, dialogs }) => {
    // Twice, so that the duplicate-name warning shows it in the diagnostics
    // panel too; markup in the unit column as well.
    await paste(
      page,
      [
        "公众号名称\t主办单位\t粉丝数",
        `${evil}\t<b>bold</b><script>alert(2)</script>\t500`,
        `${evil}\t县局\t5000`,
      ].join("\n"),
    );
    await expectShown(page, { "accounts-total": "2" });
    const names = await page.getByTestId("account-table").locator("td.name").allTextContents();
    assert.deepEqual(names, [evil, evil]);
    const units = await page.getByTestId("account-table").locator("tbody tr td:nth-child(3)").allTextContents();
    assert.equal(units[0], "<b>bold</b><script>alert(2)</script>");
    assert.match(await page.getByTestId("diagnostics").textContent(), /<img src=x onerror=alert\(1\)>/);
    // No element was made from the text anywhere on the page.
    assert.equal(await page.locator("main img, main b, main script").count(), 0);
    // Re-render in English and through the summary paragraph: still text.
    await page.getByTestId("lang-switch").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await page.locator("main img, main b, main script").count(), 0);
    await page.waitForLoadState("networkidle");
    assert.deepEqual(dialogs, [], "no dialog fired");
    assert.ok(!log.requests.some((url) => new URL(url).pathname === "/x"), "the image was never requested");
  });
});

/** Values of `jianfu.v1` that cannot be used, and why. */
const CORRUPT = {
  "not JSON": "{not json",
  "truncated JSON": '{"version":1,"lang":"zh","input":"公众号名称\\nA',
  "JSON of the wrong type": "[1,2,3]",
  "an old version": JSON.stringify({ version: 0, lang: "zh", input: "名称\nA", assumptions: {}, overrides: {} }),
  "a future version": JSON.stringify({ version: 99, lang: "zh", input: "名称\nA", assumptions: {}, overrides: {} }),
  "invalid assumptions": JSON.stringify({
    version: 1,
    lang: "zh",
    input: "名称\nA",
    assumptions: { mergeShare: 5 },
    overrides: {},
  }),
  "a wrong field type": JSON.stringify({ version: 1, lang: "zh", input: 42, assumptions: {}, overrides: {} }),
  "a plan with a rule not in the catalogue": JSON.stringify({
    version: 3,
    lang: "zh",
    input: "名称\nA",
    plans: { jianfu: "plans", version: 1, current: 0, plans: [{ name: "x", rules: ["sleepy"] }] },
  }),
  "no plans at all": JSON.stringify({
    version: 3,
    lang: "zh",
    input: "名称\nA",
    plans: { jianfu: "plans", version: 1, current: 0, plans: [] },
  }),
};

for (const [what, value] of Object.entries(CORRUPT)) {
  test(`a corrupt localStorage value (${what}) is reset with a notice`, async () => {
    await withApp(env.browser, env.server, async ({ page }) => {
      await page.evaluate((v) => localStorage.setItem("jianfu.v1", v), value);
      await page.reload();
      await page.getByTestId("notice").waitFor();
      assert.match(await page.getByTestId("notice").textContent(), /重置/);
      // The page starts afresh and works.
      assert.equal(await boxText(page), "");
      await expectShown(page, { "accounts-total": "0" });
      await paste(page, SMALL_LIST);
      await setAsOf(page, SMALL_LIST_AS_OF);
      await expectShown(page, { "accounts-total": "5", "accounts-shut": "3", "cash-saved": "105000" });
      // What is stored now is a good record, so the next visit has no notice.
      await page.waitForFunction(() => JSON.parse(localStorage.getItem("jianfu.v1") ?? "{}").input?.length > 0);
      await page.reload();
      await page.getByTestId("accounts-total").waitFor();
      await expectShown(page, { "accounts-total": "5", "accounts-shut": "3" });
      assert.equal(await page.getByTestId("notice").count(), 0);
    });
  });
}

test("the storage notice can be dismissed", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await page.evaluate(() => localStorage.setItem("jianfu.v1", "garbage"));
    await page.reload();
    await page.getByTestId("notice").locator("button").click();
    await page.getByTestId("notice").waitFor({ state: "detached" });
  });
});

test("a well-formed saved record with overrides is restored", async () => {
  // The record written by hand in the documented shape (storage.rs): the
  // small list, as-of 2019-04-19, A局发布 overridden to close.
  // Figures (app.mjs) plus A局发布's 208 h: low 280.8 + 208 = 488.8,
  // high 369.2 + 208 = 577.2; shut 4; cash unchanged.
  const record = {
    version: 1,
    lang: "zh",
    input: SMALL_LIST,
    assumptions: { asOf: SMALL_LIST_AS_OF },
    overrides: { A局发布: "close" },
  };
  await withApp(env.browser, env.server, async ({ page }) => {
    await page.evaluate((v) => localStorage.setItem("jianfu.v1", v), JSON.stringify(record));
    await page.reload();
    await page.getByTestId("accounts-total").waitFor();
    await expectShown(page, {
      "accounts-total": "5",
      "accounts-shut": "4",
      "hours-freed-low": "488.8",
      "hours-freed-high": "577.2",
      "cash-saved": "105000",
    });
    assert.equal((await decisions(page)).A局发布, "close");
    assert.equal(await row(page, "A局发布").locator(".mark.overridden").count(), 1);
    assert.equal(await page.getByTestId("notice").count(), 0);
  });
});

test("when the env.browser refuses to save, a notice says so and the data stays", async () => {
  await withApp(env.browser, env.server, async ({ context, page }) => {
    // Every later page load in this context has a full localStorage.
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await page.reload();
    await page.getByTestId("paste").waitFor();
    await paste(page, SMALL_LIST);
    await setAsOf(page, SMALL_LIST_AS_OF);
    await page.getByTestId("notice").waitFor();
    assert.match(await page.getByTestId("notice").textContent(), /未能保存/);
    await expectShown(page, { "accounts-total": "5", "accounts-shut": "3", "cash-saved": "105000" });
    assert.equal(await boxText(page), SMALL_LIST);
  });
});
