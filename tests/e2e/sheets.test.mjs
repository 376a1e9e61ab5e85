// Sheets laid out as offices lay them out (issue 13), pasted as a real user
// pastes them: the clipboard's text alone, its text with the HTML table
// Excel puts beside it, and the HTML alone. The sheets are
// tests/fixtures/sheets/ (made by scripts/make_sheets.py); their figures were
// worked out by hand from SPEC §4, row by row, in NAME.md and
// NAME.expected.json. Each way of pasting must give those figures, say on
// screen what it read and how, and lay every notice out readably, on
// screen at 1366 px and in print.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useBrowser } from "./harness.mjs";
import { withApp, setAsOf, expectShown, boxText } from "./app.mjs";

const env = useBrowser();

const sheet = (name) => readFileSync(new URL(`../fixtures/sheets/${name}`, import.meta.url), "utf8");
const expected = (name) => JSON.parse(sheet(`${name}.expected.json`));

/** The headline figures of a sheet's hand-worked summary, as the page shows them. */
function figures(json) {
  const s = json.summary;
  return {
    "accounts-total": String(s.accountsTotal),
    "accounts-shut": String(s.accountsShut),
    "hours-freed-low": String(s.hoursFreed[0]),
    "hours-freed-high": String(s.hoursFreed[1]),
    "cash-saved": String(s.cashSaved),
  };
}

/**
 * Pastes into the input box as the clipboard does: one `paste` event whose
 * clipboardData carries the given types. When the page leaves the paste to
 * the browser, the browser's part is done here (the text goes in, one
 * input event). Resolves to whether the page took the paste itself.
 */
async function pasteClipboard(page, { text, html }) {
  return page.evaluate(
    ({ text, html }) => {
      const box = document.querySelector('[data-testid="paste"]');
      box.focus();
      const clipboardData = new DataTransfer();
      if (text !== null) clipboardData.setData("text/plain", text);
      if (html !== null) clipboardData.setData("text/html", html);
      const paste = new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData });
      const taken = !box.dispatchEvent(paste);
      if (!taken && text !== null) {
        box.value = text;
        box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
      }
      return taken;
    },
    { text: text ?? null, html: html ?? null },
  );
}

/** Every diagnostic on screen: its class and its five cells' text. */
function diagnostics(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="diagnostics"] tbody tr')].map((tr) => ({
      severity: tr.className,
      cells: [...tr.querySelectorAll("td")].map((td) => td.textContent),
    })),
  );
}

const WAYS = [
  // Pasted into the empty box, text alone is a new list too, which the page
  // takes itself (over the demo it becomes the user's own list).
  { way: "its text alone", clipboard: (name) => ({ text: sheet(`${name}.tsv`) }), taken: true },
  {
    way: "its text with Excel's HTML",
    clipboard: (name) => ({ text: sheet(`${name}.tsv`), html: sheet(`${name}.excel.html`) }),
    taken: true,
  },
  { way: "Excel's HTML alone", clipboard: (name) => ({ html: sheet(`${name}.excel.html`) }), taken: true },
];

for (const name of ["county", "township", "traditional"]) {
  for (const { way, clipboard, taken } of WAYS) {
    test(`the ${name} sheet pasted as ${way} gives the figures worked out by hand`, async () => {
      await withApp(env.browser, env.server, async ({ page }) => {
        await setAsOf(page, "2019-04-19");
        assert.equal(await pasteClipboard(page, clipboard(name)), taken, "who took the paste");
        await expectShown(page, figures(expected(name)));
        // Every diagnostic is a notice of what was read: nothing went wrong.
        const shown = await diagnostics(page);
        assert.ok(shown.length > 0, "the panel says what was read");
        assert.deepEqual(
          shown.filter((d) => d.severity !== "notice").map((d) => d.cells[4]),
          [],
        );
        assert.doesNotMatch(await page.getByTestId("diagnostics").innerText(), /未发现问题/);
        // The accounts on every platform, by platform.
        const platforms = Object.entries(expected(name).summary.byPlatform);
        const rows = await page
          .getByTestId("by-platform")
          .locator("tbody tr")
          .evaluateAll((trs) =>
            trs.map((tr) => [tr.dataset.platform, [...tr.querySelectorAll("td")].slice(0, 2).map((td) => td.textContent)]),
          );
        assert.deepEqual(
          rows,
          platforms.map(([key, totals]) => [key, [String(totals.before), String(totals.after)]]),
        );
      });
    });
  }
}

test("the county sheet's notices say what was read and how", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await setAsOf(page, "2019-04-19");
    await pasteClipboard(page, { text: sheet("county.tsv") });
    await expectShown(page, figures(expected("county")));
    const messages = (await diagnostics(page)).map((d) => d.cells[4]);
    for (const said of [
      /^第3行“序号 \| 账号名称 \| 基本情况 \| 传播情况 \| 运营情况 \| 处置意见”是表头上方的分组标题/,
      /^第4行表头中的空白列名取自上一行（合并的表头）：序号、账号名称、处置意见。$/,
      /^第5行“一、县级部门（15个）”是分组标题，不计入账号；其下账号按“县级部门”计/,
      /^第7–8、10、12、15–16、18、24–26、28、30行等共\d+行「主办单位」列为空，按合并单元格填充/,
      /^第8、16、25行「粉丝数」列的“不足1000”读作低于1000/,
      /^第12行「最近更新」列的“7月16日”没有写年份，按2018年计/,
      /^第26行「最近更新」列的“近一月未更新”读作2019-03-20之后没有更新/,
      /^第42行“合计”是合计行，不计入账号。$/,
      /^第44行“制表人：张三 \| 审核人：李四 \| 联系电话：0572-6021234”是说明文字/,
    ]) {
      assert.ok(messages.some((m) => said.test(m)), `${said} among ${messages.join("\n")}`);
    }
    // The reasons quote the words as written.
    const reason = (row) => page.locator(`#account-row-${row} td.reason`).textContent();
    assert.equal(await reason(8), "粉丝数“不足1000”，低于1000（依据：国办发〔2018〕123号）");
    assert.match(await reason(12), /^最近更新“7月16日”（按2018-07-16计），距2019-04-19已277天/);
  });
});

test("with Excel's HTML the merged cells are known, and nothing is guessed", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await setAsOf(page, "2019-04-19");
    await pasteClipboard(page, { text: sheet("county.tsv"), html: sheet("county.excel.html") });
    await expectShown(page, figures(expected("county")));
    const messages = (await diagnostics(page)).map((d) => d.cells[4]);
    assert.ok(
      messages.some((m) => /「主办单位」列是合并单元格，已按合并的值“县委宣传部”填充。$/.test(m)),
      messages.join("\n"),
    );
    assert.ok(!messages.some((m) => /为空，按合并单元格填充/.test(m)), messages.join("\n"));
    // The box holds the table as text, and an edit keeps the figures (the
    // fills are then read from the text again, with a notice).
    const box = page.getByTestId("paste");
    const text = await boxText(page);
    assert.match(text, /^长兴县政务新媒体账号统计表（2019年4月）\n填报单位：县委网信办（盖章）\t/);
    await box.fill(text + "\n");
    await expectShown(page, figures(expected("county")));
  });
});

test("LibreOffice's HTML, which leaves out the hidden row, gives its own hand-worked figures", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await setAsOf(page, "2019-04-19");
    await pasteClipboard(page, { html: sheet("county.libreoffice.html") });
    await expectShown(page, figures(expected("county.libreoffice")));
  });
});

test("a table pasted into a list goes in at the cursor as text", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    const box = page.getByTestId("paste");
    await box.fill("公众号名称\t粉丝数\n甲发布\t300\n");
    await page.evaluate(() => {
      const box = document.querySelector('[data-testid="paste"]');
      box.setSelectionRange(box.value.length, box.value.length);
    });
    const html = "<table><tr><td>乙发布</td><td>5000</td></tr><tr><td>丙发布</td><td>600</td></tr></table>";
    assert.equal(await pasteClipboard(page, { html }), true);
    await expectShown(page, { "accounts-total": "3", "accounts-shut": "2" });
    assert.equal(await boxText(page), "公众号名称\t粉丝数\n甲发布\t300\n乙发布\t5000\n丙发布\t600\n");
  });
});

/**
 * How the diagnostics panel lays out: for every row, whether it displays as
 * a table row, whether its cells start where their headers do, and how wide
 * its message is.
 */
function layout(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid="diagnostics"]');
    const heads = [...panel.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect().left);
    return {
      visible: panel.getBoundingClientRect().height > 0 && getComputedStyle(panel).display !== "none",
      rows: [...panel.querySelectorAll("tbody tr")].map((tr) => {
        const cells = [...tr.querySelectorAll("td")];
        return {
          severity: tr.className,
          display: getComputedStyle(tr).display,
          aligned: cells.every((td, i) => Math.abs(td.getBoundingClientRect().left - heads[i]) < 1.5),
          message: cells[4]?.getBoundingClientRect().width ?? 0,
          height: tr.getBoundingClientRect().height,
        };
      }),
    };
  });
}

test("every diagnostic reads in full lines at 1366 px and in print", async () => {
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      await setAsOf(page, "2019-04-19");
      await pasteClipboard(page, { text: sheet("county.tsv") });
      await expectShown(page, figures(expected("county")));
      for (const media of ["screen", "print"]) {
        await page.emulateMedia({ media });
        const { visible, rows } = await layout(page);
        assert.ok(visible, `${media}: the panel is shown`);
        assert.ok(rows.length >= 20, `${media}: ${rows.length} rows`);
        for (const row of rows) {
          assert.equal(row.display, "table-row", `${media}: ${JSON.stringify(row)}`);
          assert.ok(row.aligned, `${media}: cells under their headers: ${JSON.stringify(row)}`);
          // Room for some 25 characters a line, not a few.
          assert.ok(row.message > 300, `${media}: message ${row.message} px wide`);
          assert.ok(row.height > 0, `${media}: shown`);
        }
        assert.ok(rows.some((r) => r.severity === "notice"), media);
      }
    },
    { contextOptions: { viewport: { width: 1366, height: 900 } } },
  );
});

test("the table filters by platform when the list has several", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await setAsOf(page, "2019-04-19");
    await pasteClipboard(page, { text: sheet("county.tsv") });
    await expectShown(page, figures(expected("county")));
    await page.getByTestId("platform-filter").selectOption("douyin");
    const shown = await page
      .getByTestId("account-table")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.row)));
    const douyin = expected("county")
      .accounts.filter((a) => a.platform === "douyin")
      .map((a) => a.row);
    assert.deepEqual(shown, douyin);
  });
});
