// The built page (dist/) loads, shows its title, logs no error and asks no
// other origin for anything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, watchedPage, foreignRequests } from "./harness.mjs";

const env = useBrowser();

test("the page loads from dist/ with its title and no errors", async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.getByTestId("title").waitFor();
  assert.equal(await page.getByTestId("title").textContent(), "减负测算");
  assert.equal(await page.title(), "减负测算 · Jianfu");
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  await page.waitForLoadState("networkidle");
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.failures, []);
  assert.deepEqual(foreignRequests(log.requests, new URL(env.server.url).origin), []);
  await context.close();
});

test("?lang=en shows English and the switch goes back to Chinese", async () => {
  const { context, page, log } = await watchedPage(env.browser);
  await page.goto(env.server.url + "?lang=en");
  await page.getByTestId("title").waitFor();
  assert.equal(await page.getByTestId("title").textContent(), "Jianfu");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await page.getByTestId("lang-switch").click();
  assert.equal(await page.getByTestId("title").textContent(), "减负测算");
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.deepEqual(log.errors, []);
  await context.close();
});
