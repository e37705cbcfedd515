// Nothing typed is lost (issue 10, item 2), in a real browser at desktop and phone width: the environmental
// audit checklist is rated area by area, each area its own page with where the audit stands; when the session
// ends in the middle of an area, the ratings typed are kept while the person signs in again, and the area comes
// back filled in, to check and save. axe-core finds no serious or critical violation on the pages of the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, demoGroupPath, expectAxeClean, signIn, startServerAndBrowser, submitAndWait,
  tablesHidingRows
} from './helpers.mjs';

let server;
let browser;
let groupPath;

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  groupPath = await demoGroupPath(server);
});

after(() => closeBrowserAndServer(browser, server));

for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 667 }]]) {
  test(`a session that ends in the middle of an audit area loses nothing, on a ${label}`, async (t) => {
    const context = await browser.newContext({ bypassCSP: true, viewport, isMobile: label === 'phone' });
    try {
      const page = await context.newPage();
      await signIn(page, server.baseURL, DEMO_USERS.member);
      await page.goto(`${server.baseURL}${groupPath}/audits`);
      await Promise.all([page.waitForNavigation(), page.locator('main table a[href*="/audits/"]').first().click()]);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Rate the items' }).click()]);
      // Area by area: the first area, with the others listed and how far each is rated.
      assert.match(await page.locator('.nhsuk-caption-l').innerText(), /area 1 of 6/);
      await expectAxeClean(t, page, `the first area of the checklist (${label})`);
      await Promise.all([page.waitForNavigation(), page.locator('.cv-area-progress a', { hasText: 'Waiting area' }).click()]);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Waiting area');
      const reason = `The water cooler was empty all afternoon (${label})`;
      await page.check('#rating-W3-fail');
      await page.fill('#reason-W3', reason);
      await page.check('#rating-W1-qualified_pass');

      // The session ends before the area is saved (it expired, or was ended elsewhere).
      await context.clearCookies();
      let response = await submitAndWait(page, 'button:has-text("Save and continue")');
      assert.match(page.url(), /\/sign-in\?kept=1/);
      assert.match(await page.locator('#kept').innerText(), /What you typed has been kept/);
      await expectAxeClean(t, page, `signing in again (${label})`);
      await page.fill('#username', DEMO_USERS.member.username);
      await page.fill('#password', DEMO_USERS.member.password);
      response = await submitAndWait(page, 'form[action="/sign-in"] button[type="submit"]');
      assert.equal(response.status(), 200);

      // Back on the same area, as it was typed.
      assert.equal((await page.locator('h1').innerText()).trim(), 'Waiting area');
      assert.match(await page.locator('#kept-form').innerText(), /Here is what you typed/);
      assert.equal(await page.isChecked('#rating-W3-fail'), true);
      assert.equal(await page.isChecked('#rating-W1-qualified_pass'), true);
      assert.equal(await page.inputValue('#reason-W3'), reason);
      await expectAxeClean(t, page, `the area filled in again (${label})`);
      assert.deepEqual(await tablesHidingRows(page), []);

      response = await submitAndWait(page, 'button:has-text("Save and continue")');
      assert.equal(response.status(), 200);
      assert.equal((await page.locator('h1').innerText()).trim(), 'Toilets');
      assert.match(await page.locator('.cv-area-progress').innerText(), /Waiting area:\s+\d+ of \d+ rated/);
    } finally {
      await context.close();
    }
  });
}
