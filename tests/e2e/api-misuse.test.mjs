// The JavaScript API given what a page should not pass but may (issue 14):
// values that throw when read or are not data, assumptions of the wrong
// type, Dates, and mount() on what is not an element or on one element
// twice. Each must end in an exception whose message names the value (the
// place as the page's code writes it, the words in the language asked for),
// and leave the WebAssembly instance and the page's own calculator working.
// Every test ends by checking there was no console error, failed or foreign
// request, or dialog (withApp).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./harness.mjs";
import { withApp, setAsOf, expectShown, pasteInPage, SMALL_LIST, SMALL_LIST_AS_OF, SMALL_LIST_FIGURES } from "./app.mjs";

const env = useBrowser();

/** Runs `body` on the app once window.jianfu is there. */
function withApi(body, options) {
  return withApp(
    env.browser,
    env.server,
    async (app) => {
      await app.page.waitForFunction(() => typeof window.jianfu?.estimate === "function");
      await body(app);
    },
    options,
  );
}

/**
 * The hostile calls, run in the page (sent as source, so self-contained):
 * each is { what, call, at }, where `call()` must throw an Error whose
 * message begins `jianfu: ${at}: `. `options` is passed to every call that
 * takes options, except where the options themselves are the hostile value.
 */
function hostileCalls(api, options) {
  const good = { 公众号名称: "甲", 粉丝数: 500 };
  const rows = (bad) => [good, bad];
  const cell = (value) => rows({ 公众号名称: "乙", 粉丝数: value });
  const estimate = (input) => api.estimate(input, undefined, options);
  const cyclic = {};
  cyclic.self = cyclic;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = (message) => ({
    get() {
      throw new Error(message);
    },
  });
  return [
    {
      what: "a getter that throws",
      call: () =>
        estimate(
          rows({
            公众号名称: "乙",
            get 粉丝数() {
              throw new Error("boom");
            },
          }),
        ),
      at: 'input[1]["粉丝数"]',
    },
    {
      what: "a Proxy whose ownKeys throws",
      call: () =>
        estimate(
          rows(
            new Proxy(
              {},
              {
                ownKeys() {
                  throw new Error("no keys");
                },
              },
            ),
          ),
        ),
      at: "input[1]",
    },
    { what: "a function", call: () => estimate(cell(() => 856)), at: 'input[1]["粉丝数"]' },
    { what: "a Symbol", call: () => estimate(cell(Symbol("856"))), at: 'input[1]["粉丝数"]' },
    {
      what: "a toJSON that returns undefined",
      call: () => estimate(cell({ toJSON: () => undefined })),
      at: 'input[1]["粉丝数"]',
    },
    { what: "a cyclic object", call: () => estimate(cell(cyclic)), at: 'input[1]["粉丝数"]' },
    { what: "a revoked Proxy as a row", call: () => estimate(rows(revoked.proxy)), at: "input[1]" },
    {
      what: "an input array whose reads throw",
      call: () => estimate(new Proxy([good], throwing("no rows"))),
      at: "input",
    },
    { what: "a Proxy of a Date", call: () => estimate(cell(new Proxy(new Date(), {}))), at: 'input[1]["粉丝数"]' },
    {
      what: "assumptions whose getter throws",
      call: () =>
        api.estimate(
          "名称\n甲",
          {
            get hoursPerPost() {
              throw new Error("boom");
            },
          },
          options,
        ),
      at: "assumptions.hoursPerPost",
    },
    {
      what: "options that throw when read",
      call: () => api.estimate("名称\n甲", undefined, new Proxy({}, throwing("no options"))),
      at: "options.lang",
    },
    {
      what: "parse, a getter that throws",
      call: () =>
        api.parse(
          rows({
            get 粉丝数() {
              throw new Error("boom");
            },
          }),
          options,
        ),
      at: 'input[1]["粉丝数"]',
    },
    {
      what: "mount, options.assumptions that throw",
      call: () => api.mount(document.createElement("div"), { ...options, assumptions: new Proxy({}, throwing("no")) }),
      at: "options.assumptions.hoursPerPost",
    },
  ];
}

/**
 * Makes `count` hostile calls in the page, round robin, and returns how many
 * were made and what went wrong: a call that returned, or threw anything
 * but an Error naming its value (a RuntimeError of a broken instance, say).
 */
function storm(page, count, options = {}) {
  return page.evaluate(`(() => {
    const calls = (${hostileCalls})(window.jianfu, ${JSON.stringify(options)});
    const wrong = [];
    let made = 0;
    for (; made < ${count} && wrong.length < 5; made++) {
      const { what, call, at } = calls[made % calls.length];
      try {
        call();
        wrong.push(what + ": returned");
      } catch (e) {
        const named = e instanceof Error && String(e.message).startsWith("jianfu: " + at + ": ");
        if (!named || e instanceof WebAssembly.RuntimeError) {
          wrong.push(what + " (call " + made + "): " + e?.constructor?.name + ": " + e?.message);
        }
      }
    }
    return { made, wrong };
  })()`);
}

/** The message each hostile call throws, by `what`, in `lang`. */
function messages(page, lang) {
  return page.evaluate(`(() => {
    const out = {};
    for (const { what, call } of (${hostileCalls})(window.jianfu, { lang: ${JSON.stringify(lang)} })) {
      try {
        call();
        out[what] = "returned";
      } catch (e) {
        out[what] = (e instanceof TypeError ? "TypeError " : "Error ") + e.message;
      }
    }
    return out;
  })()`);
}

/** SMALL_LIST's summary, worked out by hand in app.mjs. */
const SMALL_LIST_SUMMARY = {
  accountsTotal: 5,
  accountsShut: 3,
  hoursFreed: { low: 280.8, high: 369.2 },
  cashSaved: 105000,
};

/** estimate on SMALL_LIST gives the hand-worked figures, and the page's own calculator works on a paste. */
async function expectHealthy(page) {
  const summary = await page.evaluate(
    ([list, asOf]) => {
      const { accountsTotal, accountsShut, hoursFreed, cashSaved } = window.jianfu.estimate(list, { asOf }).summary;
      return { accountsTotal, accountsShut, hoursFreed, cashSaved };
    },
    [SMALL_LIST, SMALL_LIST_AS_OF],
  );
  assert.deepEqual(summary, SMALL_LIST_SUMMARY);
  await pasteInPage(page, (text) => text, SMALL_LIST);
  await setAsOf(page, SMALL_LIST_AS_OF);
  await expectShown(page, SMALL_LIST_FIGURES);
}

test("10,000 calls with values that throw when read leave the instance healthy", { timeout: 180_000 }, async (t) => {
  await withApi(async ({ page }) => {
    // Before the fix, the instance broke after 332 getters that threw (each
    // left a few KB of the 1 MiB shadow stack behind): every later call
    // threw "RuntimeError: memory access out of bounds", and the page's
    // calculator showed 0 for every paste.
    const start = Date.now();
    const { made, wrong } = await storm(page, 10_000);
    t.diagnostic(`${made} hostile calls in ${Date.now() - start} ms`);
    assert.deepEqual(wrong, []);
    assert.equal(made, 10_000);
    await expectHealthy(page);
  });
});

test("a value that cannot be read is named by row and key, in the language asked for", async () => {
  await withApi(async ({ page }) => {
    const at = 'jianfu: input[1]["粉丝数"]: ';
    assert.deepEqual(await messages(page, "en"), {
      "a getter that throws": `Error ${at}threw when read (boom)`,
      "a Proxy whose ownKeys throws": "Error jianfu: input[1]: threw when its keys were read (no keys)",
      "a function": `TypeError ${at}a function is not a cell value; give text, a number, a Date or null`,
      "a Symbol": `TypeError ${at}a Symbol is not a cell value; give text, a number, a Date or null`,
      "a toJSON that returns undefined":
        `Error ${at}JSON.stringify turns it into nothing (a toJSON that returns undefined?); ` +
        "give text, a number, a Date or null",
      "a cyclic object": `Error ${at}threw when read (Converting circular structure to JSON\n    --> starting at object with constructor 'Object'\n    --- property 'self' closes the circle)`,
      "a revoked Proxy as a row":
        "Error jianfu: input[1]: threw when read (Cannot perform 'IsArray' on a proxy that has been revoked)",
      "an input array whose reads throw": "Error jianfu: input: threw when read (no rows)",
      "a Proxy of a Date": `Error ${at}is an invalid Date`,
      "assumptions whose getter throws": "Error jianfu: assumptions.hoursPerPost: threw when read (boom)",
      // The options could not be read, so neither could their language.
      "options that throw when read": "Error jianfu: options.lang: 读取时抛出异常（no options）",
      "parse, a getter that throws": `Error ${at}threw when read (boom)`,
      "mount, options.assumptions that throw": "Error jianfu: options.assumptions.hoursPerPost: threw when read (no)",
    });
    const zh = await messages(page, "zh");
    assert.equal(zh["a getter that throws"], `Error ${at}读取时抛出异常（boom）`);
    assert.equal(zh["a Proxy whose ownKeys throws"], "Error jianfu: input[1]: 读取其键名时抛出异常（no keys）");
    assert.equal(zh["a function"], `TypeError ${at}函数不能作为单元格的值，应为文本、数字、Date 或 null`);
    assert.equal(zh["a Symbol"], `TypeError ${at}Symbol 不能作为单元格的值，应为文本、数字、Date 或 null`);
    assert.match(zh["a toJSON that returns undefined"], /JSON\.stringify 无法把它变成文本/);
    assert.equal(zh["a Proxy of a Date"], `Error ${at}是无效的 Date`);
    for (const message of Object.values(zh)) assert.doesNotMatch(message, /unwrap|None|threw when/);

    // Rows and input of the wrong shape say what they should be.
    const thrown = await page.evaluate(() =>
      [
        () => window.jianfu.estimate(42, undefined, { lang: "en" }),
        () => window.jianfu.estimate([{ 公众号名称: "甲" }, ["乙", 500]], undefined, { lang: "en" }),
        () => window.jianfu.estimate([{ 公众号名称: "甲" }, null]),
      ].map((call) => {
        try {
          call();
          return "returned";
        } catch (e) {
          return `${e.constructor.name} ${e.message}`;
        }
      }),
    );
    assert.deepEqual(thrown, [
      "TypeError jianfu: input: must be the pasted text (a string) or an array of row objects, not 42",
      'TypeError jianfu: input[1]: must be an object for one row, such as {"公众号名称": "…", "粉丝数": 856}, not ["乙",500]',
      'TypeError jianfu: input[1]: 应为一行的对象，如 {"公众号名称": "…", "粉丝数": 856}，而不是null',
    ]);
  });
});

test("Date objects in rows are read as the calendar day the user sees", async () => {
  // 00:30 on 1 March 2019 in Shanghai is 16:30 on 28 February in UTC and
  // 11:30 on 28 February in New York. Against 2019-04-19, 1 March is 49
  // days back (dormant: more than 14) and 28 February 50.
  for (const [timezoneId, day, days] of [
    ["Asia/Shanghai", "2019-03-01", 49],
    ["America/New_York", "2019-02-28", 50],
  ]) {
    await withApi(
      async ({ page }) => {
        const result = await page.evaluate(() => {
          const lastPost = new Date("2019-02-28T16:30:00Z");
          const rows = [{ 公众号名称: "C镇发布", 层级: "乡镇", 粉丝数: 2000, 最近更新: lastPost }];
          const { accounts, diagnostics } = window.jianfu.estimate(rows, { asOf: "2019-04-19" });
          const parsed = window.jianfu.parse(rows, { assumptions: { asOf: "2019-04-19" } }).accounts[0];
          return { rule: accounts[0].rule, reason: accounts[0].reason, diagnostics, lastPost: parsed.lastPost };
        });
        assert.deepEqual(result.diagnostics, []);
        assert.equal(result.rule, "dormant");
        assert.match(result.reason, new RegExp(`${day}.*${days}`), `${timezoneId}: ${result.reason}`);
        assert.match(JSON.stringify(result.lastPost), new RegExp(day));
        // A Date as the as-of day is read the same way: 00:30 on 19 April,
        // local time (18 April in UTC in Shanghai), is 15 days after
        // 4 April, so the account is dormant (14 days would keep it).
        const asOf = await page.evaluate(
          () =>
            window.jianfu.estimate([{ 公众号名称: "甲", 最近更新: "2019-04-04" }], {
              asOf: new Date(2019, 3, 19, 0, 30),
            }).accounts[0],
        );
        assert.equal(asOf.rule, "dormant", asOf.reason);
        assert.match(asOf.reason, /2019-04-04.*15/);
        // An invalid Date is refused by row and key.
        const invalid = await page.evaluate(() => {
          try {
            window.jianfu.estimate([{ 公众号名称: "甲", 最近更新: new Date("soon") }], undefined, { lang: "en" });
            return "returned";
          } catch (e) {
            return e.message;
          }
        });
        assert.equal(invalid, 'jianfu: input[0]["最近更新"]: is an invalid Date');
      },
      { contextOptions: { timezoneId } },
    );
  }
});

test("assumptions of the wrong type name the assumption and the shape expected", async () => {
  await withApi(async ({ page }) => {
    const thrown = await page.evaluate(() => {
      const cases = [
        [{ hoursPerPost: "2" }, "en"],
        [{ hoursPerPost: "2" }, "zh"],
        [{ hoursPerPost: { low: 1, high: 2 } }, "en"],
        [{ postsPerWeek: [1, "3"] }, "en"],
        [{ mergeShare: true }, "zh"],
        [{ asOf: 20190419 }, "en"],
        [{ asOf: 20190419 }, "zh"],
        [{ asOf: new Date("soon") }, "en"],
        [{ weeksPerYear: [1, 2, 3, 4, 5] }, "en"],
        ["2019-04-19", "en"],
      ];
      return cases.map(([assumptions, lang]) => {
        try {
          window.jianfu.estimate("公众号名称\n甲", assumptions, { lang });
          return "returned";
        } catch (e) {
          return `${e.constructor.name} ${e.message}`;
        }
      });
    });
    const hours = "Hours per post (collect, edit, review, publish)";
    assert.deepEqual(thrown, [
      `TypeError jianfu: assumptions.hoursPerPost: Assumption "${hours}" must be a number or [low, high], not "2"`,
      'TypeError jianfu: assumptions.hoursPerPost: 假设“每期耗时（收集、编辑、审核、发布）”应为一个数或[下限, 上限]，而不是"2"',
      `TypeError jianfu: assumptions.hoursPerPost: Assumption "${hours}" must be a number or [low, high], not {"low":1,"high":2}`,
      'TypeError jianfu: assumptions.postsPerWeek: Assumption "Posts per week (when unknown)" must be a number or [low, high], not [1,"3"]',
      "TypeError jianfu: assumptions.mergeShare: 假设“归并账号工作量转入承接账号的比例”应为一个数或[下限, 上限]，而不是true",
      'TypeError jianfu: assumptions.asOf: Assumption ""As of" date for dormancy" must be a date written "YYYY-MM-DD", not 20190419',
      'TypeError jianfu: assumptions.asOf: 假设“测算基准日”应为写作"YYYY-MM-DD"的日期，而不是20190419',
      'TypeError jianfu: assumptions.asOf: Assumption ""As of" date for dormancy" must be a date written "YYYY-MM-DD", not Invalid Date',
      'Error jianfu: assumptions.weeksPerYear: Assumption "Weeks per year" must be a number or [low, high], got 5 numbers',
      'TypeError jianfu: assumptions: must be an object such as {"hoursPerPost": [2, 3], "asOf": "2019-04-19"}, not "2019-04-19"',
    ]);

    // The same through parse's and mount's options, and the options' own keys.
    const options = await page.evaluate(() =>
      [
        () => window.jianfu.parse("名称\n甲", { lang: "en", assumptions: { asOf: 20190419 } }),
        () => window.jianfu.mount(document.createElement("div"), { assumptions: { hourlyCost: "80" } }),
        () => window.jianfu.mount(document.createElement("div"), { lang: "en", embed: "yes" }),
        () => window.jianfu.estimate("名称\n甲", undefined, { lang: 5 }),
        () => window.jianfu.estimate("名称\n甲", undefined, "en"),
      ].map((call) => {
        try {
          call();
          return "returned";
        } catch (e) {
          return `${e.constructor.name} ${e.message}`;
        }
      }),
    );
    assert.deepEqual(options, [
      'TypeError jianfu: options.assumptions.asOf: Assumption ""As of" date for dormancy" must be a date written "YYYY-MM-DD", not 20190419',
      'TypeError jianfu: options.assumptions.hourlyCost: 假设“每小时人力成本”应为一个数或[下限, 上限]，而不是"80"',
      'TypeError jianfu: options.embed: must be true or false, not "yes"',
      'TypeError jianfu: options.lang: 应为"zh"或"en"，而不是5',
      'TypeError jianfu: options: 应为对象，如 {"lang": "en", "embed": true}，而不是"en"',
    ]);
  });
});

test("mount on what is not an element throws a TypeError and changes nothing", async () => {
  await withApi(async ({ page }) => {
    const outcome = await page.evaluate(async () => {
      const text = document.body.appendChild(document.createTextNode("a text node"));
      const before = document.body.innerHTML;
      const host = document.createElement("div");
      const targets = [
        ["a text node", text],
        ["a plain object", { nodeType: 1, tagName: "DIV" }],
        ["null", null],
        ["a selector", "#jianfu"],
        ["the document", document],
        ["a Proxy of an element", new Proxy(host, {})],
      ];
      const thrown = targets.map(([what, target]) => {
        try {
          window.jianfu.mount(target, { lang: "en" });
          return `${what}: returned`;
        } catch (e) {
          return `${e.constructor.name} ${e.message}`;
        }
      });
      // Yew renders after a microtask; give it time to do anything it would.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { thrown, unchanged: document.body.innerHTML === before, hostEmpty: host.childNodes.length === 0 };
    });
    const expected = (given) =>
      `TypeError jianfu: mount(element): must be a DOM Element, such as document.getElementById("calculator"), not ${given}`;
    assert.deepEqual(outcome.thrown, [
      expected("#text"),
      expected('{"nodeType":1,"tagName":"DIV"}'),
      expected("null"),
      expected('"#jianfu"'),
      expected("#document"),
      expected("{}"),
    ]);
    assert.equal(outcome.unchanged, true, "the page changed");
    assert.equal(outcome.hostEmpty, true, "something was rendered into the proxied element");
    await expectHealthy(page);
  });
});

test("mount twice on one element replaces the first calculator; it never renders two", async () => {
  await withApi(async ({ page }) => {
    await page.evaluate(() => {
      const host = document.body.appendChild(document.createElement("div"));
      host.id = "host";
      window.jianfu.mount(host, { lang: "zh", embed: true });
      window.jianfu.mount(host, { lang: "en", embed: true });
    });
    // The same with tasks between the calls, when the first calculator
    // has been created (and rendered) by the time of the next call.
    await page.evaluate(async () => {
      const other = document.body.appendChild(document.createElement("div"));
      other.id = "other";
      window.jianfu.mount(other, { embed: true });
      await Promise.resolve();
      window.jianfu.mount(other, { embed: true });
      await new Promise((resolve) => setTimeout(resolve, 0));
      window.jianfu.mount(other, { lang: "en", embed: true });
    });
    const host = page.locator("#host");
    await host.getByTestId("accounts-total").waitFor();
    // Give a second calculator, if there were one, time to render.
    await page.waitForTimeout(500);
    const count = () =>
      page.evaluate(() => ({
        host: document.querySelectorAll("#host .app").length,
        other: document.querySelectorAll("#other .app").length,
        page: document.querySelectorAll("#jianfu .app").length,
        all: document.querySelectorAll(".app").length,
      }));
    assert.deepEqual(await count(), { host: 1, other: 1, page: 1, all: 3 });
    assert.match(await page.locator("#other").innerText(), /Accounts/);
    // It is the second one: English.
    assert.match(await host.innerText(), /Accounts/);
    // And it works: a paste into it gives SMALL_LIST's figures there.
    await host.getByTestId("paste").fill(SMALL_LIST);
    await host.getByTestId("as-of").fill(SMALL_LIST_AS_OF);
    await page.waitForFunction(
      () => document.querySelector('#host [data-testid="accounts-shut"]')?.dataset.value === "3",
    );
    // One calculator handles each event once: closing A局发布 by hand shuts
    // one more account, not two.
    await host.locator("#account-row-2").getByTestId("decision-select").selectOption("close");
    await page.waitForFunction(
      () => document.querySelector('#host [data-testid="accounts-shut"]')?.dataset.value === "4",
    );
    await page.waitForTimeout(300);
    assert.equal(await host.getByTestId("accounts-shut").getAttribute("data-value"), "4");

    // mount on the page's own root replaces the page's calculator too, and
    // an element that holds a calculator has it replaced.
    await page.evaluate(() => {
      window.jianfu.mount(document.getElementById("jianfu"), { lang: "en" });
      const outer = document.body.appendChild(document.createElement("div"));
      outer.id = "outer";
      outer.appendChild(document.getElementById("host"));
      window.jianfu.mount(outer, { lang: "en", embed: true });
    });
    await page.locator("#outer").getByTestId("accounts-total").waitFor();
    await page.waitForTimeout(500);
    const after = await page.evaluate(() => ({
      outer: document.querySelectorAll("#outer .app").length,
      host: document.getElementById("host"),
      page: document.querySelectorAll("#jianfu .app").length,
      all: document.querySelectorAll(".app").length,
    }));
    assert.deepEqual(after, { outer: 1, host: null, page: 1, all: 3 });

    // An element inside a calculator is refused, and nothing changes.
    const inside = await page.evaluate(() => {
      const panel = document.querySelector("#outer .results");
      const before = document.body.innerHTML;
      try {
        window.jianfu.mount(panel, { lang: "en" });
        return "returned";
      } catch (e) {
        return `${e.constructor.name} ${e.message} ${document.body.innerHTML === before}`;
      }
    });
    assert.equal(
      inside,
      "Error jianfu: mount(element): is inside a calculator already mounted; mount into an element outside it true",
    );
    // The page's own calculator, mounted anew, works on a paste (the
    // calculators share the saved state, so A局发布 is closed by hand here too).
    const own = page.locator("#jianfu");
    await own.getByTestId("paste").fill(SMALL_LIST.split("\n").slice(0, 3).join("\n"));
    await own.getByTestId("as-of").fill(SMALL_LIST_AS_OF);
    await page.waitForFunction(
      () => document.querySelector('#jianfu [data-testid="accounts-total"]')?.dataset.value === "2",
    );
  });
});
