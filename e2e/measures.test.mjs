// A group's measures in a real browser (issue 10, item 3), at desktop and phone width: a value of 150% for a
// measure in % is refused with a message naming the field and nothing is saved; a wrong value is corrected
// with a reason the chart then shows; the limits are recalculated from a point with the reason on the chart.
// axe-core finds no serious or critical violation on any page of the journey, and no table hides rows.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, demoGroupPath, expectAxeClean, signIn, startServerAndBrowser, submitAndWait,
  tablesHidingRows
} from './helpers.mjs';

let server;
let browser;
let groupPath;

const PHONE = { width: 375, height: 667 };
const CARDS = "New patients given their CNS's contact card";

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  groupPath = await demoGroupPath(server);
});

after(() => closeBrowserAndServer(browser, server));

async function newPage(options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  return { context, page: await context.newPage() };
}

// The chart page of the demo's contact-card measure, found from the work programme as a user would.
async function openCardsChart(page) {
  await page.goto(`${server.baseURL}${groupPath}/programme`);
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: CARDS, exact: true }).first().click()]);
  assert.match(page.url(), /\/measures\/\d+$/);
}

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', PHONE]]) {
  test(`a value of 150% is refused naming the field, on a ${label}`, async (t) => {
    const { context, page } = await newPage({ viewport, isMobile: label === 'phone' });
    try {
      await signIn(page, server.baseURL, DEMO_USERS.facilitator);
      await openCardsChart(page);
      const chartURL = page.url();
      const rowsBefore = await page.locator('tr.cv-observation').count();
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Add or import values' }).click()]);
      await expectAxeClean(t, page, `the values page (${label})`);
      const today = new Date();
      await page.fill('#date-day', String(today.getDate()));
      await page.fill('#date-month', String(today.getMonth() + 1));
      await page.fill('#date-year', String(today.getFullYear()));
      await page.fill('#value', '150');
      const response = await submitAndWait(page, 'button:has-text("Add the value")');
      assert.equal(response.status(), 422);
      const summary = page.locator('.nhsuk-error-summary');
      assert.match(await summary.innerText(), /The value must be a percentage: a number from 0 to 100 \(150 is not\)/);
      // The summary links to the field, and the field says the same.
      assert.equal(await summary.locator('a[href="#value"]').count(), 1);
      assert.match(await page.locator('#value-error').innerText(), /from 0 to 100/);
      assert.equal(await page.inputValue('#value'), '150', 'what was typed is kept');
      await expectAxeClean(t, page, `the refused value (${label})`);
      await page.goto(chartURL);
      assert.equal(await page.locator('tr.cv-observation').count(), rowsBefore, 'nothing was saved');
      assert.deepEqual(await tablesHidingRows(page), []);
    } finally {
      await context.close();
    }
  });
}

test('a value is corrected with a reason and the limits recalculated from a point, both shown on the chart', async (t) => {
  const { context, page } = await newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await signIn(page, server.baseURL, DEMO_USERS.facilitator);
    await openCardsChart(page);
    const chartURL = page.url();
    await page.goto(`${chartURL}/values`);
    const latest = await page.locator('#correct_date option').first().getAttribute('value');
    await page.selectOption('#correct_date', latest);
    await page.check('#correct_action-change');
    await page.fill('#correct_value', '85');
    await page.fill('#correct_reason', 'Two cards were counted twice');
    let response = await submitAndWait(page, 'button:has-text("Save the correction")');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('#corrections ~ table').innerText(), /Two cards were counted twice/);

    const point = await page.locator('#rebase_date option').nth(8).getAttribute('value');
    await page.selectOption('#rebase_date', point);
    await page.fill('#rebase_reason', 'Contact cards handed out at every diagnosis clinic');
    response = await submitAndWait(page, 'button:has-text("Recalculate the limits")');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('main').innerText(), /Contact cards handed out at every diagnosis clinic/);
    assert.equal(await page.locator('svg .cv-spc__rebase').count() > 0, true, 'the chart marks the rebase');
    await expectAxeClean(t, page, 'the chart with a correction and a rebase');
    assert.deepEqual(await tablesHidingRows(page), []);
  } finally {
    await context.close();
  }
});

test('a facilitator adds a measure fed from the pathway, and the form and its chart pass axe', async (t) => {
  const { context, page } = await newPage({ viewport: PHONE, isMobile: true });
  try {
    await signIn(page, server.baseURL, DEMO_USERS.facilitator);
    await page.goto(`${server.baseURL}${groupPath}/measures/new`);
    await expectAxeClean(t, page, 'the add-a-measure form on a phone');
    await page.fill('#name', 'Told within 28 days, every area');
    await page.check('#source-pathway');
    await page.selectOption('#pathway_measure', 'fds');
    const response = await submitAndWait(page, 'button:has-text("Add the measure")');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('main').innerText(), /The pathway: Faster Diagnosis Standard/);
    await expectAxeClean(t, page, 'a chart fed from the pathway on a phone');
    assert.deepEqual(await tablesHidingRows(page), []);
  } finally {
    await context.close();
  }
});
