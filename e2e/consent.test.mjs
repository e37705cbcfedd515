// Nobody named without consent (issue 8, item 4), in a real browser: the demo facilitator tries to
// publish minutes naming Polly Patient, who has not agreed to be named publicly, with her e-mail
// address; carevoice refuses, names her and the line in the error summary, keeps what was typed and
// marks the name and the address in a preview. She removes them and publishes, and a visitor reads the
// minutes on the public page. axe-core finds no serious or critical violation on the error page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, demoGroupPath, expectAxeClean, signIn, startServerAndBrowser,
  stopServerAndCheck, submitAndWait
} from './helpers.mjs';

let server;
let browser;
let groupPath; // /groups/<id> of the demo group

const NAMED_MINUTES = '## Parking\n\nMembers discussed the car park.\n' +
  'Polly Patient (polly.patient@example.org) said it costs too much.';
const FIXED_MINUTES = '## Parking\n\nMembers discussed the car park.\nA member said it costs too much.';

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  groupPath = await demoGroupPath(server);
});

after(() => closeBrowserAndServer(browser, server));

test('a facilitator is stopped from publishing minutes naming a member who has not agreed, then publishes them',
  async (t) => {
    // axe is injected into the page, which the CSP forbids: this context bypasses it (csp.test.mjs checks it).
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await signIn(page, server.baseURL, DEMO_USERS.facilitator);
      await page.goto(`${server.baseURL}${groupPath}/meetings/new`);
      await page.check('#mode-in_person');
      await page.fill('#place', 'Partnership room, Milton Keynes University Hospital');
      for (const name of ['Cora Chair', 'Polly Patient', 'Nina Nurse']) {
        await page.locator('fieldset', { has: page.locator('legend', { hasText: name }) }).getByLabel('Came').check();
      }
      await page.fill('#minutes', NAMED_MINUTES);
      await page.check('#minutes_public');
      let response = await submitAndWait(page, 'form button[type="submit"]:has-text("Record the meeting")');

      // Refused: the summary names her and the line, the field keeps the text, the preview marks her.
      assert.equal(response.status(), 422);
      assert.match(page.url(), /\/meetings$/);
      const summary = await page.locator('.nhsuk-error-summary').innerText();
      assert.match(summary, /Minutes, line 4: “Polly Patient” has not agreed to be named publicly/);
      assert.match(summary, /Minutes, line 4: an e-mail address, polly\.patient@example\.org, cannot be published/);
      assert.equal(await page.locator('.nhsuk-error-summary a[href="#minutes"]').count(), 2);
      assert.equal(await page.inputValue('#minutes'), NAMED_MINUTES);
      assert.ok(await page.isChecked('#minutes_public'));
      const marks = await page.locator('#public-text-preview mark').allInnerTexts();
      assert.deepEqual(marks, ['Polly Patient', 'polly.patient@example.org']);
      assert.match(await page.locator('#public-text-preview li').first().innerText(), /^Line 4 /);
      await expectAxeClean(t, page, 'the refused minutes');

      // The summary's link takes her to the minutes (the NHS.UK script focuses the field itself).
      await page.locator('.nhsuk-error-summary a[href="#minutes"]').first().click();
      const focused = await page.evaluate(() => document.activeElement?.id);
      assert.ok(focused === 'minutes' || page.url().endsWith('#minutes'), `the minutes field has focus (${focused})`);

      // Without her name and address the minutes are published.
      await page.fill('#minutes', FIXED_MINUTES);
      response = await submitAndWait(page, 'form button[type="submit"]:has-text("Record the meeting")');
      assert.equal(response.status(), 200);
      assert.match(page.url(), /\/meetings\/\d+$/);
      assert.match(await page.locator('.nhsuk-notification-banner').innerText(),
        /Its minutes are on the group's public page/);
      const meetingId = new URL(page.url()).pathname.split('/').pop();

      const visitor = await browser.newContext();
      try {
        const publicPage = await visitor.newPage();
        response = await publicPage.goto(`${server.baseURL}${groupPath}/minutes/${meetingId}`);
        assert.equal(response.status(), 200);
        const text = await publicPage.locator('main').innerText();
        assert.match(text, /A member said it costs too much\./);
        assert.ok(!text.includes('Polly'), 'the public minutes do not name Polly Patient');
      } finally {
        await visitor.close();
      }
    } finally {
      await context.close();
    }
  });

test('the server exits cleanly with no sanitizer reports', async () => {
  await stopServerAndCheck(server);
});
