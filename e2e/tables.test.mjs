// Tables that fit (issue 10, item 4): on every page with tables that the demo's users reach, at desktop and
// phone width, no table sits in a fixed-height box that hides some of its rows; on a phone a wide table uses
// the NHS.UK responsive pattern (every cell labelled), or, for a matrix, a labelled region that scrolls
// sideways; the members list shows every member on a phone, each detail labelled.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, demoGroupPath, signIn, startServerAndBrowser, tablesHidingRows,
  tablesThatDoNotFit
} from './helpers.mjs';

let server;
let browser;
let groupPath;

const VIEWPORTS = [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 667 }]];

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  groupPath = await demoGroupPath(server);
});

after(() => closeBrowserAndServer(browser, server));

const PAGES = {
  facilitator: () => ['', '/overview', '/members', '/meetings', '/actions', '/programme', '/impacts', '/impacts/by-kind',
    '/influence', '/involvement', '/audits', '/diversity', '/report'].map((p) => `${groupPath}${p}`),
  analyst: () => ['/experience/overview', '/experience/organisations/RD8', '/experience/funnel', '/experience/buddy'],
  admin: () => ['/admin', '/admin/users', '/admin/audit', '/admin/break-glass'],
  coordinator: () => ['/pathway', '/pathway/tracking', '/pathway/outcomes'],
};

// Pages whose tables are matrices, read across and down (trusts by questions, areas by measures, decision
// domains by levels of involvement): on a phone they scroll sideways in a labelled region instead.
const MATRIX_PAGES = {
  facilitator: ['/involvement'],
  analyst: ['/experience/overview'],
  coordinator: ['/pathway/outcomes'],
};

for (const [label, viewport] of VIEWPORTS) {
  test(`no table hides rows in a fixed-height box, and wide tables fit a phone, on a ${label}`, async () => {
    for (const [who, pages] of Object.entries(PAGES)) {
      const context = await browser.newContext({ viewport, isMobile: label === 'phone' });
      try {
        const page = await context.newPage();
        await signIn(page, server.baseURL, DEMO_USERS[who]);
        for (const path of pages()) {
          const response = await page.goto(`${server.baseURL}${path}`);
          assert.equal(response.status(), 200, `${who} opens ${path}`);
          assert.deepEqual(await tablesHidingRows(page), [], `${path} (${who}, ${label})`);
          if (label !== 'phone') continue;
          const matricesMayScroll = (MATRIX_PAGES[who] ?? []).some((end) => path.endsWith(end));
          assert.deepEqual(await tablesThatDoNotFit(page, { matricesMayScroll }), [], `${path} (${who}, phone)`);
        }
      } finally {
        await context.close();
      }
    }
  });
}

test('the members list shows every member on a phone, each detail labelled', async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true });
  try {
    const page = await context.newPage();
    await signIn(page, server.baseURL, DEMO_USERS.facilitator);
    await page.goto(`${server.baseURL}${groupPath}/members`);
    const table = page.locator('table.nhsuk-table--responsive');
    assert.equal(await table.count(), 1, 'the responsive pattern');
    const caption = await table.locator('caption').innerText();
    const count = Number(caption.match(/\((\d+)\)/)[1]);
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), count);
    assert.ok(count >= 16, `the demo group has 16 or more members (${count})`);
    for (let i = 0; i < count; i += 1) assert.ok(await rows.nth(i).isVisible(), `member ${i + 1} is visible`);
    // On a phone each cell says what it is.
    assert.match(await rows.first().innerText(), /Member type/);
    // No sideways scrolling of the page.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(wide, false, 'the page is no wider than the phone');
  } finally {
    await context.close();
  }
});
