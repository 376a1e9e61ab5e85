// Nobody's work is lost or lands on the wrong account (issue 14, point 5):
// the demo and an embedded calculator never write over the saved list, two
// tabs never silently overwrite each other, the demo button offers the
// list back, and an override follows its account through a re-sorted
// paste. Tabs are pages of one browser context, sharing its localStorage
// and its `storage` events, as two tabs of one browser do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./harness.mjs";
import { withApp, ready, pasteInPage, setAsOf, expectShown, decisions, row, SMALL_LIST, SMALL_LIST_AS_OF, SMALL_LIST_FIGURES, boxText } from "./app.mjs";

const env = useBrowser();

/** Pastes `text` over all of the box, as Ctrl+A then Ctrl+V does. */
async function pasteOver(page, text) {
  await page.getByTestId("paste").selectText();
  await pasteInPage(page, (t) => t, text);
}

/** The saved record, parsed (null when there is none). */
async function saved(page) {
  return JSON.parse(await page.evaluate(() => localStorage.getItem("jianfu.v1") ?? "null"));
}

/** The overrides of the current plan in the saved record. */
async function savedOverrides(page) {
  const record = await saved(page);
  return record.plans.plans[record.plans.current].overrides;
}

/** Waits until the current plan of the saved record has `count` overrides. */
async function savedOverrideCount(page, count) {
  await page.waitForFunction(
    (want) => {
      const r = JSON.parse(localStorage.getItem("jianfu.v1") ?? "{}");
      return (r.plans ? r.plans.plans[r.plans.current].overrides.length : 0) === want;
    },
    count,
  );
}

/** Waits until the saved record's input is `text`. */
async function savedInput(page, text) {
  await page.waitForFunction((want) => JSON.parse(localStorage.getItem("jianfu.v1") ?? "{}").input === want, text);
}

/** The small list pasted, dated, and A局发布 overridden to close (4 shut). */
async function mySmallList(page) {
  await pasteOver(page, SMALL_LIST);
  await setAsOf(page, SMALL_LIST_AS_OF);
  await expectShown(page, SMALL_LIST_FIGURES);
  await row(page, "A局发布").getByTestId("decision-select").selectOption("close");
  await expectShown(page, { "accounts-shut": "4" });
  await savedOverrideCount(page, 1);
}

async function notice(page, key) {
  await page.locator(`[data-testid="notice"][data-notice="${key}"]`).waitFor();
}

test("a second tab opening the demo, or the embedding example, leaves the saved list as it is", async () => {
  await withApp(env.browser, env.server, async ({ context, page }) => {
    await mySmallList(page);
    const before = await saved(page);

    const demo = await context.newPage();
    await demo.goto(`${env.server.url}?demo=changxing`);
    await ready(demo);
    await expectShown(demo, { "accounts-total": "282" });
    await notice(demo, "viewing-demo");
    // An edit of the demo is the demo still: saved nowhere.
    await demo.getByTestId("as-of").fill("2019-05-01");
    await expectShown(demo, { "accounts-total": "282" });

    const embedding = await context.newPage();
    await embedding.goto(`${env.server.url}embed-example.html`);
    await embedding.getByTestId("parent-summary").filter({ hasText: "/ 282" }).waitFor();
    await embedding.getByTestId("mounted").getByTestId("paste").waitFor();

    assert.deepEqual(await saved(page), before, "the saved record is untouched");
    await page.reload();
    await ready(page);
    assert.equal(await boxText(page), SMALL_LIST);
    await expectShown(page, { "accounts-total": "5", "accounts-shut": "4" });
  });
});

test("the demo button keeps the list and offers it back; a list pasted over the demo is saved", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await mySmallList(page);
    await page.getByTestId("load-demo").click();
    await expectShown(page, { "accounts-total": "282" });
    await notice(page, "viewing-demo");
    assert.equal((await saved(page)).input, SMALL_LIST, "the demo is not saved over the list");

    await page.getByTestId("back-to-mine").click();
    await expectShown(page, { "accounts-total": "5", "accounts-shut": "4" });
    assert.equal(await boxText(page), SMALL_LIST);
    assert.equal(await page.getByTestId("notice").count(), 0);

    // A list pasted over the demo is the user's own: saved, and the notice
    // goes.
    await page.getByTestId("load-demo").click();
    await notice(page, "viewing-demo");
    const mine = "公众号名称\t粉丝数\n新号\t300";
    await pasteOver(page, mine);
    await expectShown(page, { "accounts-total": "1" });
    await savedInput(page, mine);
    assert.equal(await page.getByTestId("notice").count(), 0);
  });
});

test("two tabs never silently overwrite each other", async () => {
  await withApp(env.browser, env.server, async ({ context, page }) => {
    await mySmallList(page);
    const other = await context.newPage();
    await other.goto(env.server.url);
    await ready(other);
    assert.equal(await boxText(other), SMALL_LIST);

    // The other tab overrides C镇发布 to keep: this tab is told at once.
    await row(other, "C镇发布").getByTestId("decision-select").selectOption("keep");
    await savedOverrideCount(other, 2);
    await notice(page, "changed-elsewhere");
    // An edit here is not saved over the other tab's record.
    await row(page, "B局发布").getByTestId("decision-select").selectOption("keep");
    await expectShown(page, { "accounts-shut": "3" });
    await page.waitForTimeout(300);
    const names = (await savedOverrides(page)).map((o) => o.name);
    assert.deepEqual(names, ["A局发布", "C镇发布"], "the other tab's overrides stay saved");

    // Loading the other tab's version shows it here.
    await page.getByTestId("load-other-tab").click();
    assert.equal((await decisions(page))["C镇发布"], "keep");
    assert.equal((await decisions(page))["B局发布"], "close");
    assert.equal(await page.getByTestId("notice").count(), 0);

    // Or this tab's version is kept, over the other's, when chosen.
    await row(other, "D局之窗").getByTestId("decision-select").selectOption("close");
    await notice(page, "changed-elsewhere");
    await page.getByTestId("keep-this-tab").click();
    await savedOverrideCount(page, 2);
    const kept = (await savedOverrides(page)).map((o) => o.name);
    assert.deepEqual(kept, ["A局发布", "C镇发布"]);
    await notice(other, "changed-elsewhere");
  });
});

test("an embedded calculator starts empty and never reads or writes the saved list", async () => {
  await withApp(env.browser, env.server, async ({ context, page }) => {
    await mySmallList(page);
    const before = await saved(page);
    const embedded = await context.newPage();
    await embedded.goto(`${env.server.url}?embed=1`);
    await ready(embedded);
    assert.equal(await boxText(embedded), "");
    await expectShown(embedded, { "accounts-total": "0" });
    await pasteOver(embedded, "公众号名称\t粉丝数\n嵌入号\t300");
    await expectShown(embedded, { "accounts-total": "1" });
    await embedded.waitForTimeout(300);
    assert.deepEqual(await saved(page), before);
  });
});

test("an override follows its account through a re-sorted paste, and one left over is shown", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    // 甲 of 某局 and 甲 of 某镇 share a name; 甲#2 is a name of its own.
    await pasteOver(page, "名称\t主办单位\t粉丝数\n甲\t某局\t5000\n甲\t某镇\t5000\n甲#2\t某镇\t5000");
    await expectShown(page, { "accounts-total": "3", "accounts-shut": "0" });
    await page.locator("#account-row-3").getByTestId("decision-select").selectOption("close");
    await expectShown(page, { "accounts-shut": "1" });
    const state = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid="account-table"] tbody tr')].map((tr) => [
          tr.querySelector("td.name").textContent,
          tr.querySelector("td.name").nextElementSibling.textContent,
          tr.querySelector('[data-testid="decision-select"]').value,
        ]),
      );
    assert.deepEqual(await state(), [
      ["甲", "某局", "keep"],
      ["甲", "某镇", "close"],
      ["甲#2", "某镇", "keep"],
    ]);

    // Re-sorted in Excel and pasted again: 某镇's 甲 is first now.
    await pasteOver(page, "名称\t主办单位\t粉丝数\n甲#2\t某镇\t5000\n甲\t某镇\t5000\n甲\t某局\t5000");
    await expectShown(page, { "accounts-total": "3", "accounts-shut": "1" });
    assert.deepEqual(await state(), [
      ["甲#2", "某镇", "keep"],
      ["甲", "某镇", "close"],
      ["甲", "某局", "keep"],
    ]);
    assert.equal(await page.getByTestId("unmatched-overrides").count(), 0);

    // A list without that account: the override is kept and shown, and
    // moves to no other account.
    await pasteOver(page, "名称\t主办单位\t粉丝数\n甲\t某局\t5000");
    await expectShown(page, { "accounts-total": "1", "accounts-shut": "0" });
    const unmatched = page.getByTestId("unmatched-overrides");
    assert.equal(await unmatched.getAttribute("data-count"), "1");
    assert.match(await unmatched.textContent(), /甲（某镇·微信公众号）：关停/);
    await unmatched.getByRole("button").click();
    await unmatched.waitFor({ state: "detached" });
    assert.deepEqual(await savedOverrides(page), []);
  });
});

test("overrides saved by name by the first version go to the accounts they named", async () => {
  await withApp(env.browser, env.server, async ({ page }) => {
    await page.evaluate(() =>
      localStorage.setItem(
        "jianfu.v1",
        JSON.stringify({
          version: 1,
          lang: "zh",
          input: "名称\t主办单位\t粉丝数\n甲\t某局\t5000\n甲\t某镇\t5000",
          assumptions: {},
          overrides: { "甲#2": "close" },
        }),
      ),
    );
    await page.reload();
    await ready(page);
    await expectShown(page, { "accounts-total": "2", "accounts-shut": "1" });
    assert.equal(await page.locator("#account-row-3").getByTestId("decision-select").inputValue(), "close");
    assert.equal(await page.getByTestId("notice").count(), 0, "no reset notice");
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("jianfu.v1")).version === 3);
    // Given to every preset plan.
    const record = await saved(page);
    for (const plan of record.plans.plans) {
      assert.deepEqual(plan.overrides, [{ name: "甲", unit: "某镇", platform: "wechat", occurrence: 0, decision: "close" }]);
    }
  });
});

test("the demo cleared and a list typed in is the user's own, and saved", async () => {
  await withApp(
    env.browser,
    env.server,
    async ({ page }) => {
      await page.getByTestId("load-demo").click();
      await notice(page, "viewing-demo");
      await page.getByTestId("clear").click();
      await expectShown(page, { "accounts-total": "0" });
      // Typed (one input event), not pasted.
      const mine = "公众号名称\t粉丝数\n手输号\t300";
      await page.getByTestId("paste").fill(mine);
      await expectShown(page, { "accounts-total": "1" });
      await savedInput(page, mine);
      assert.equal(await page.getByTestId("notice").count(), 0);
    },
    { onDialog: (dialog) => dialog.accept() },
  );
});
