// Workbooks uploaded as an official uploads them (issue 15): through the
// file input and by drag and drop, in every format, from the hosted page and
// from the one-file offline page; the JS API's estimateWorkbook; and the
// files that must be refused with a message while the list on screen stays.
// The fixtures are tests/fixtures/workbooks/ (scripts/make_workbooks.py:
// openpyxl and LibreOffice) and tests/fixtures/sheets/county.xlsx, whose
// figures were worked out by hand in tests/fixtures/sheets/county.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { useBrowser, watchedPage } from "./harness.mjs";
import { withApp, setAsOf, expectShown, paste, SMALL_LIST, SMALL_LIST_AS_OF, SMALL_LIST_FIGURES } from "./app.mjs";

const env = useBrowser();
const DIST = process.env.JIANFU_DIST ?? "dist";
const TIMEOUT = { timeout: 120_000 };

const fixture = (path) => new URL(`../fixtures/${path}`, import.meta.url).pathname;
const county = JSON.parse(readFileSync(fixture("sheets/county.expected.json"), "utf8"));

/** County's hand-worked headline figures, as the page shows them. */
const COUNTY = {
  "accounts-total": String(county.summary.accountsTotal),
  "accounts-shut": String(county.summary.accountsShut),
  "hours-freed-low": String(county.summary.hoursFreed[0]),
  "hours-freed-high": String(county.summary.hoursFreed[1]),
  "cash-saved": String(county.summary.cashSaved),
};

const HEADLINE = ["accounts-total", "accounts-shut", "hours-freed-low", "hours-freed-high", "cash-saved"];

/**
 * Uploads a file through the file input and waits for the reader's answer
 * about this file: the sheet select or the refusal, each naming the file
 * (what the page showed for an earlier file does not count).
 */
async function upload(page, path) {
  await page.getByTestId("upload").setInputFiles(fixture(path));
  const name = path.split("/").pop();
  await page
    .locator('p.sheet label, [data-testid="workbook-error"]')
    .filter({ hasText: name })
    .first()
    .waitFor({ timeout: 60_000 });
}

/** The sheet select's options, as shown. */
function sheets(page) {
  return page.getByTestId("sheet").locator("option").allTextContents();
}

test("the county list as .xlsx, .xls and .ods gives the figures of the paste", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page, log }) => {
    // The reader is not part of the first load.
    assert.equal(log.requests.filter((u) => u.includes("jianfu-reader")).length, 0, "no reader on load");
    for (const path of [
      "sheets/county.xlsx",
      "workbooks/county.libreoffice.xlsx",
      "workbooks/county.xls",
      "workbooks/county.ods",
    ]) {
      await page.getByTestId("clear").click();
      await upload(page, path);
      await setAsOf(page, "2019-04-19");
      await expectShown(page, COUNTY);
      // Read from the file's own merges, with the hidden row named.
      const panel = await page.getByTestId("diagnostics").textContent();
      assert.match(panel, /第20行在工作簿中是隐藏行/, path);
      assert.doesNotMatch(panel, /按合并单元格填充：取上方的值/, `${path}: nothing guessed`);
    }
    assert.ok(log.requests.some((u) => /jianfu-reader-[0-9a-f]+_bg\.wasm$/.test(u)), "the reader was loaded");
  }, { onDialog: (dialog) => dialog.accept() });
});

test("an office workbook: the list's sheet chosen, every sheet listed, another one picked", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    // The list pasted as Excel copies it, then the workbook it came from.
    await paste(page, readFileSync(fixture("workbooks/office.tsv"), "utf8"));
    await setAsOf(page, "2019-04-19");
    await page.getByTestId("accounts-total").filter({ hasText: "11" }).waitFor();
    const pasted = await readHeadline(page);
    for (const path of ["workbooks/office.xlsx", "workbooks/office.ods", "workbooks/office.xls"]) {
      await upload(page, path);
      assert.deepEqual(await sheets(page), ["填报说明（4行）", "汇总（4行）", "账号清单（18行）", "旧版清单（4行，隐藏）"], path);
      assert.equal(await page.getByTestId("sheet").evaluate((s) => s.selectedIndex), 2, path);
      await expectShown(page, pasted);
      assert.match(await page.getByTestId("hidden-sheets").textContent(), /旧版清单/);
      // The hidden sheet, picked: its three accounts.
      await page.getByTestId("sheet").selectOption({ index: 3 });
      await expectShown(page, { "accounts-total": "3" });
      await page.getByTestId("sheet").selectOption({ index: 2 });
      await expectShown(page, pasted);
    }
    // Row 10's fee is =0.1+0.2, stored as Excel stores it: the same figures.
    await upload(page, "workbooks/office.excel-float.xlsx");
    await expectShown(page, pasted);
  }, { onDialog: (dialog) => dialog.accept() });
});

async function readHeadline(page) {
  return page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      out[id] = el.dataset.value ?? el.textContent.trim();
    }
    return out;
  }, HEADLINE);
}

test("of two workbooks chosen one after the other, the second is the list", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    // The second is chosen before the first is read.
    await page.getByTestId("upload").setInputFiles(fixture("sheets/county.xlsx"));
    await upload(page, "workbooks/office.xlsx");
    await setAsOf(page, "2019-04-19");
    await expectShown(page, { "accounts-total": "11" });
    // The one worker answers in order, so the first file's answer came
    // before the second's, and was dropped.
    assert.match(await page.locator("p.sheet label").textContent(), /office\.xlsx/);
  });
});

test("a workbook dropped on the page is read", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    const bytes = [...readFileSync(fixture("sheets/county.xlsx"))];
    await page.evaluate((bytes) => {
      const file = new File([new Uint8Array(bytes)], "县清单.xlsx");
      const data = new DataTransfer();
      data.items.add(file);
      const target = document.querySelector('[data-testid="accounts-total"]');
      target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: data }));
      target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: data }));
    }, bytes);
    await page.getByTestId("sheet").waitFor();
    await setAsOf(page, "2019-04-19");
    await expectShown(page, COUNTY);
  });
});

// Each bad file: the message, in the UI language, and the list on screen kept.
const BAD = [
  ["bad/encrypted.xlsx", /设有打开密码/],
  ["bad/encrypted.xls", /设有打开密码/],
  ["bad/truncated.xlsx", /已损坏或不完整/],
  ["bad/lying.xlsx", /已损坏或不完整/],
  ["bad/bomb.xlsx", /解压后有 3000 MB，超过上限 256 MB/],
  ["bad/million.xlsx", /有 1,000,000 行，超过上限 250,000 行/],
  ["bad/not-a-workbook.xlsx", /不是 Excel、WPS 或 LibreOffice 工作簿/],
  ["bad/renamed.xlsx", /不是 Excel、WPS 或 LibreOffice 工作簿/],
  ["bad/not-excel.zip.xlsx", /里面没有工作表/],
];

test("bad workbooks are refused with a message, and the list on screen stays", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await paste(page, SMALL_LIST);
    await setAsOf(page, SMALL_LIST_AS_OF);
    await expectShown(page, SMALL_LIST_FIGURES);
    for (const [path, message] of BAD) {
      await page.getByTestId("upload").setInputFiles(fixture(`workbooks/${path}`));
      const name = path.split("/")[1];
      const error = page.getByTestId("workbook-error").filter({ hasText: name });
      await error.waitFor({ timeout: 60_000 });
      assert.match(await error.textContent(), message, path);
      await expectShown(page, SMALL_LIST_FIGURES);
    }
    // 50 MB: over the limit, said before anything is read.
    const big = Buffer.alloc(50 * 1024 * 1024);
    Buffer.from("PK\x03\x04").copy(big);
    const dir = mkdtempSync(join(tmpdir(), "jianfu-"));
    writeFileSync(join(dir, "大表.xlsx"), big);
    await page.getByTestId("upload").setInputFiles(join(dir, "大表.xlsx"));
    try {
      await page
        .getByTestId("workbook-error")
        .filter({ hasText: /大表\.xlsx：文件有 50 MB，超过上限 20 MB/ })
        .waitFor({ timeout: 120_000 });
    } catch (error) {
      // Say what the page shows instead.
      const shown = await page.locator(".input-panel").innerText();
      throw new Error(`${error.message}\nthe input panel shows:\n${shown}`);
    } finally {
      rmSync(dir, { recursive: true });
    }
    await expectShown(page, SMALL_LIST_FIGURES);
    // And the page is live: a good workbook after all that.
    await upload(page, "sheets/county.xlsx");
    await setAsOf(page, "2019-04-19");
    await expectShown(page, COUNTY);
  }, { onDialog: (dialog) => dialog.accept() });
});

test("a reader that cannot load says so, and the next workbook starts it afresh", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ context, page, log }) => {
    await context.route(/jianfu-reader-[0-9a-f]+_bg\.wasm$/, (route) => route.abort());
    await page.getByTestId("upload").setInputFiles(fixture("sheets/county.xlsx"));
    await page.getByTestId("workbook-error").filter({ hasText: /工作簿读取模块未能加载/ }).waitFor({ timeout: 60_000 });
    await context.unroute(/jianfu-reader-[0-9a-f]+_bg\.wasm$/);
    await upload(page, "sheets/county.xlsx");
    await setAsOf(page, "2019-04-19");
    await expectShown(page, COUNTY);
    // The aborted request is the test's own doing.
    log.failures.length = 0;
    log.errors.length = 0;
  });
});

test("in English, a refusal is in English", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await page.getByTestId("upload").setInputFiles(fixture("workbooks/bad/encrypted.xlsx"));
    await page.getByTestId("workbook-error").filter({ hasText: /protected by a password/ }).waitFor({ timeout: 60_000 });
  }, { query: "?lang=en" });
});

test("estimateWorkbook takes an ArrayBuffer, a Uint8Array or a Blob, and picks a sheet", TIMEOUT, async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    const bytes = [...readFileSync(fixture("workbooks/office.xlsx"))];
    const got = await page.evaluate(async (bytes) => {
      const array = new Uint8Array(bytes);
      const assumptions = { asOf: "2019-04-19" };
      const summary = (r) => [r.sheet, r.summary.accountsTotal, r.summary.accountsShut, r.summary.cashSaved];
      const out = {};
      out.buffer = summary(await window.jianfu.estimateWorkbook(array.buffer, assumptions));
      out.array = summary(await window.jianfu.estimateWorkbook(array, assumptions));
      out.blob = summary(await window.jianfu.estimateWorkbook(new Blob([array]), assumptions));
      out.named = summary(await window.jianfu.estimateWorkbook(array, assumptions, { sheet: "旧版清单" }));
      out.index = summary(await window.jianfu.estimateWorkbook(array, assumptions, { sheet: 3 }));
      out.sheets = (await window.jianfu.estimateWorkbook(array, assumptions)).sheets;
      const refused = async (...args) => {
        try {
          await window.jianfu.estimateWorkbook(...args);
          return "resolved";
        } catch (error) {
          return `${error.name}: ${error.message}`;
        }
      };
      out.string = await refused("not bytes");
      out.noSheet = await refused(array, assumptions, { sheet: "无此表" });
      out.ole = await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), {}, { lang: "en" });
      return out;
    }, bytes);
    assert.deepEqual(got.buffer, got.array);
    assert.deepEqual(got.blob, got.array);
    assert.equal(got.array[0], "账号清单");
    assert.equal(got.array[1], 11);
    assert.deepEqual(got.named.slice(0, 2), ["旧版清单", 3]);
    assert.deepEqual(got.index, got.named);
    assert.deepEqual(got.sheets.map((s) => [s.name, s.rows, s.hidden]), [
      ["填报说明", 4, false],
      ["汇总", 4, false],
      ["账号清单", 18, false],
      ["旧版清单", 4, true],
    ]);
    assert.match(got.string, /^TypeError: .*ArrayBuffer, a Uint8Array or a Blob/);
    assert.match(got.noSheet, /^RangeError: .*无此表/);
    assert.match(got.ole, /^Error: The workbook is damaged/);
  });
});

test("the one-file offline page reads a workbook from file:// with the network off", TIMEOUT, async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await context.setOffline(true);
  await page.goto(pathToFileURL(join(DIST, "jianfu-offline.html")).href);
  await page.getByTestId("paste").waitFor();
  await page.getByTestId("upload").setInputFiles(fixture("workbooks/county.ods"));
  await page.getByTestId("sheet").waitFor({ timeout: 60_000 });
  await setAsOf(page, "2019-04-19");
  await expectShown(page, COUNTY);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.requests.filter((u) => !/^(file|data|blob):/.test(u)), []);
  await context.close();
});
