// Helpers for the calculator's end-to-end tests, on top of harness.mjs: open
// the page in a fresh context, paste, wait for the headline figures, and
// check that nothing went wrong on the way (console errors, failed requests,
// requests to other origins, dialogs).
import assert from "node:assert/strict";
import { watchedPage, foreignRequests } from "./harness.mjs";

/** How long a figure may take to settle after an input event. */
export const SETTLE_MS = 10_000;

/**
 * The small list most tests use, tab-separated as Excel and WPS copy it.
 * Worked out by hand from SPEC §4 with the default assumptions (2–3 posts a
 * week, 2–3 h a post, 52 weeks, 30 % merge share, 1,000 followers, 14 days)
 * and the as-of date 2019-04-19:
 *
 * row 2 A局发布  county, 5000 followers, 2 posts × 2 h, last post 04-10 (9 days)
 *        → keep (default); hours = 2 × 52 × 2 = 208
 * row 3 B局发布  county, 500 followers < 1000 → close (lowReach);
 *        1 post a week, hours per post missing → 2–3 h;
 *        hours = 1 × 52 × [2, 3] = [104, 156]; fee 8.5万元 = 85 000 元
 * row 4 青山村务 level 村 → merge (village); 2~3 posts × 1 h;
 *        hours = [2, 3] × 52 × 1 = [104, 156]; freed × (1 − 0.3) = [72.8, 109.2]
 * row 5 C镇发布  township, last post 2019-03-01: 31 + 18 = 49 days > 14
 *        → close (dormant); hours = 1 × 52 × 2 = 104; fee 2万元 = 20 000 元
 * row 6 D局之窗  level blank → inferred county (no 村/镇/乡… in name or unit);
 *        1000 followers is not below 1000, last post 04-05 is exactly 14 days,
 *        not more → keep; posts and hours per post missing → assumed
 *
 * Totals: 5 accounts, shut 3 (closed 2 + merged 1), kept 2.
 * Hours freed low  = 104 + 72.8 + 104 = 280.8
 * Hours freed high = 156 + 109.2 + 104 = 369.2
 * Cash saved = 85 000 + 20 000 = 105 000 元
 */
export const SMALL_LIST = [
  "公众号名称\t主办单位\t层级\t粉丝数\t每周发布次数\t每期耗时（小时）\t运营方式\t外包费用（万元）\t最近更新",
  "A局发布\t县A局\t县级部门\t5000\t2\t2\t兼职\t\t2019-04-10",
  "B局发布\t县B局\t县级部门\t500\t1\t\t外包\t8.5\t2019-04-15",
  "青山村务\t青山镇青山村\t村\t3000\t2~3\t1\t兼职\t\t2019-04-18",
  "C镇发布\tC镇人民政府\t乡镇\t2000\t1\t2\t外包\t2\t2019-03-01",
  "D局之窗\t县D局\t\t1000\t\t\t兼职\t\t2019-04-05",
].join("\n");

export const SMALL_LIST_AS_OF = "2019-04-19";

/**
 * A list of `rows` accounts, built in the page with pasteInPage (it is sent
 * as source, so it is self-contained): every second account has 500
 * followers (closed under the default rules), the others 5000 (kept), each
 * 1 post a week × 2 h = 104 h a year. For an even count n: shut n/2, hours
 * freed n/2 × 104 exactly.
 */
export function halfClosedList(rows) {
  const lines = ["公众号名称\t粉丝数\t每周发布次数\t每期耗时"];
  for (let i = 0; i < rows; i++) lines.push(`账号${i}\t${i % 2 ? 500 : 5000}\t1\t2`);
  return lines.join("\n");
}

/** SMALL_LIST's figures with its as-of date and the default assumptions,
 * worked out above, as the page shows them. */
export const SMALL_LIST_FIGURES = {
  "accounts-total": "5",
  "accounts-shut": "3",
  "hours-freed-low": "280.8",
  "hours-freed-high": "369.2",
  "cash-saved": "105000",
};

/**
 * Runs `body` with a fresh context and page on the app, then checks that the
 * page logged no console error, had no failed response, asked no other
 * origin for anything and opened no dialog. The context is closed whatever
 * happens.
 *
 * `query` is appended to the app's URL; `contextOptions` go to newContext.
 * A test that expects a dialog passes `onDialog`, which then answers every
 * dialog instead of it counting as unexpected.
 */
export async function withApp(browser, server, body, { query = "", contextOptions = {}, onDialog } = {}) {
  const { context, page, log } = await watchedPage(browser, contextOptions);
  const dialogs = [];
  page.on("dialog", (dialog) => {
    if (onDialog) {
      onDialog(dialog);
      return;
    }
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  try {
    await page.goto(server.url + query);
    await ready(page);
    await body({ context, page, log, dialogs });
    assertClean({ log, dialogs }, server);
  } finally {
    await context.close();
  }
}

/** Waits until the app has rendered its input box and headline figures. */
export async function ready(page) {
  await page.getByTestId("paste").waitFor();
  await page.getByTestId("accounts-total").waitFor();
}

/** No console error, no failed response, no foreign request, no dialog. */
export function assertClean({ log, dialogs }, server) {
  assert.deepEqual(log.errors, [], "console errors");
  assert.deepEqual(log.failures, [], "failed responses");
  assert.deepEqual(foreignRequests(log.requests, new URL(server.url).origin), [], "foreign requests");
  assert.deepEqual(dialogs, [], "dialogs");
}

/** Pastes `text` into the input box (as one input event, like a real paste). */
export async function paste(page, text) {
  await page.getByTestId("paste").fill(text);
}

/**
 * Builds the text `make(arg)` inside the page and pastes it into the paste
 * box the way the clipboard does: a `paste` event carrying the text. If the
 * page leaves the paste to the browser (small text), the browser's part is
 * done here: the value is set and one `input` event (insertFromPaste)
 * dispatched. Large texts are built in the page rather than sent through
 * the Playwright protocol, and `make` must be self-contained (it is sent as
 * source). Resolves to the text's length in UTF-16 units, and whether the
 * page took the paste itself (cancelled the event).
 */
export async function pasteInPage(page, make, arg = null) {
  return page.evaluate(`(() => {
    const text = (${make})(${JSON.stringify(arg)});
    const box = document.querySelector('[data-testid="paste"]');
    box.focus();
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", text);
    const paste = new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData });
    const taken = !box.dispatchEvent(paste);
    if (!taken) {
      box.value = text;
      box.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }
    return { length: text.length, taken };
  })()`);
}

/**
 * The paste box's text, once what the page holds has come into it: a list
 * that replaced the box (a paste over all of it, the demo, a file, the
 * saved list) comes in after the frame that shows its figures, and the box
 * is `aria-busy` until then. `scope` is a page or a frame.
 */
export async function boxText(scope) {
  const box = scope.locator('[data-testid="paste"]:not([aria-busy])');
  await box.waitFor();
  return box.inputValue();
}

/** Sets the as-of date in the assumptions panel. */
export async function setAsOf(page, date) {
  await page.getByTestId("as-of").fill(date);
}

/** Types `value` into the assumption input with that test id. */
export async function setAssumption(page, testId, value) {
  await page.getByTestId(testId).fill(String(value));
}

/**
 * Reads what the page shows: for each test id, the element's `data-value`
 * when it has one (exact numbers), else its trimmed text.
 */
export async function read(page, testIds) {
  return page.evaluate((ids) => {
    const out = {};
    for (const id of ids) {
      const el = document.querySelector(`[data-testid="${id}"]`);
      out[id] = el === null ? null : (el.dataset.value ?? el.textContent.trim());
    }
    return out;
  }, testIds);
}

/**
 * Waits until every test id in `expected` shows the expected value (see
 * `read`) and the page has filled in around the figures (nothing is
 * `aria-busy`: the paste box and the account table's rows come after the
 * frame that shows the figures), then asserts it, so that a timeout reports
 * the values actually shown next to the expected ones.
 */
export async function expectShown(page, expected, timeout = SETTLE_MS) {
  try {
    await page.waitForFunction(
      (want) =>
        document.querySelector('[aria-busy="true"]') === null &&
        Object.entries(want).every(([id, value]) => {
          const el = document.querySelector(`[data-testid="${id}"]`);
          return el !== null && (el.dataset.value ?? el.textContent.trim()) === value;
        }),
      expected,
      { timeout },
    );
  } catch {
    // Fall through to the assertion, which shows the difference.
  }
  assert.deepEqual(await read(page, Object.keys(expected)), expected);
}

/** The decision select's value of every row on the current table page, by
 * name, once the page's rows have come (the table body is `aria-busy` until
 * then: a table that fills comes after the frame that shows the figures). */
export async function decisions(page) {
  await page.locator('[data-testid="account-table"] tbody:not([aria-busy])').waitFor();
  return page.getByTestId("account-table").locator("tbody tr").evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((tr) => [
        tr.querySelector("td.name").textContent,
        tr.querySelector('[data-testid="decision-select"]').value,
      ]),
    ),
  );
}

/** The table row of the account with this exact name. */
export function row(page, name) {
  return page
    .getByTestId("account-table")
    .locator("tbody tr")
    .filter({ has: page.locator("td.name", { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
