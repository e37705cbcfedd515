// A group's workspace and a trust's buddy pair in a real browser (issue 10, items 1 and 5): from the home
// page a facilitator reaches the group's workspace in one tap and any tool in the next, on a desktop and on a
// phone; an analyst finds a trust's buddy pair from its profile and starts an improvement plan from the pair,
// the form filled in from it. axe-core finds no serious or critical violation on the pages of the journeys.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, expectAxeClean, signIn, startServerAndBrowser, submitAndWait
} from './helpers.mjs';

let server;
let browser;

const VIEWPORTS = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 667 }]];
const GROUP_NAME = 'Milton Keynes Cancer Patient Partnership (demo)';

before(async () => ({ server, browser } = await startServerAndBrowser()));

after(() => closeBrowserAndServer(browser, server));

async function tap(page, locator) {
  await Promise.all([page.waitForNavigation(), locator.click()]);
}

for (const [label, viewport] of VIEWPORTS) {
  test(`the group's workspace is one tap from the home page and each tool one more, on a ${label}`, async (t) => {
    const context = await browser.newContext({ bypassCSP: true, viewport, isMobile: label === 'phone' });
    try {
      const page = await context.newPage();
      await signIn(page, server.baseURL, DEMO_USERS.facilitator);
      await page.goto(`${server.baseURL}/`);
      await expectAxeClean(t, page, `the home page (${label})`);
      // Tap 1: the group's card on the home page.
      await tap(page, page.getByRole('link', { name: GROUP_NAME, exact: true }));
      assert.match(page.url(), /\/groups\/\d+\/overview$/);
      assert.equal((await page.locator('h1').innerText()).trim(), GROUP_NAME);
      await expectAxeClean(t, page, `the group's workspace (${label})`);
      // Every tool is on the page, visible without opening a menu.
      const tools = page.getByRole('navigation', { name: "The group's tools" });
      for (const name of ['Meetings and minutes', 'Actions', 'Members', 'Work programme', 'Rank the priorities (the members\' vote)',
        'Add a measure', 'Annual report', 'Record an impact', 'Impact log', 'Influence map', 'involvement matrix',
        'impact by kind', 'Environmental audits', 'Buddy improvement plans', 'Diversity of the group']) {
        const link = tools.getByRole('link', { name, exact: true });
        assert.equal(await link.count(), 1, `the workspace links "${name}"`);
        assert.ok(await link.isVisible(), `"${name}" is visible on a ${label}`);
      }
      // Tap 2: a tool.
      await tap(page, tools.getByRole('link', { name: 'Work programme', exact: true }));
      assert.match(page.url(), /\/programme$/);
    } finally {
      await context.close();
    }
  });
}

const PAIR_VIEWPORTS = [['desktop', { width: 1280, height: 900 }, 0], ['phone', { width: 375, height: 667 }, 1]];
for (const [label, viewport, nth] of PAIR_VIEWPORTS) test(`an analyst finds a trust's buddy pair from its profile and starts a plan from it, on a ${label}`, async (t) => {
  // A pair of the published 2018 matching whose trusts have no plan in the demo yet (it has RR7 with RD8); each
  // screen size starts the plan of a different pair.
  const buddy = await (await fetch(`${server.baseURL}/api/v1/buddy?year=2018`)).json();
  const pair = buddy.pairs.filter((p) => p.mentee.code !== 'RD8' && p.mentor.code !== 'RR7')[nth];
  assert.ok(pair, 'the 2018 matching has a pair');
  const context = await browser.newContext({ bypassCSP: true, viewport, isMobile: label === 'phone' });
  try {
    const page = await context.newPage();
    await signIn(page, server.baseURL, DEMO_USERS.analyst);
    await page.goto(`${server.baseURL}/experience/organisations/${pair.mentee.code}?year=2018`);
    await tap(page, page.getByRole('link', { name: "This trust's buddy pair" }));
    const found = page.locator('#your-pair');
    assert.match(await found.innerText(), /\(mentee\) is paired with/);
    await expectAxeClean(t, page, `the buddy page with the trust's pair (${label})`);
    await tap(page, found.getByRole('link', { name: 'Start an improvement plan for this pair' }));
    assert.equal(await page.inputValue('#mentee_code'), pair.mentee.code);
    assert.equal(await page.inputValue('#mentor_code'), pair.mentor.code);
    assert.equal(await page.inputValue('#pair_year'), '2018');
    assert.equal(await page.inputValue('#questions'), pair.covered.map((c) => c.question).join(' '));
    await expectAxeClean(t, page, `the new plan form, filled in from the pair (${label})`);
    await page.fill('#summary', 'Learn from the mentor how it names a nurse specialist for every patient');
    const response = await submitAndWait(page, 'form button[type="submit"]');
    assert.equal(response.status(), 200);
    assert.match(page.url(), /\/buddy-plans\/\d+/);
    assert.match(await page.locator('main').innerText(), new RegExp(pair.mentee.code));
  } finally {
    await context.close();
  }
});
