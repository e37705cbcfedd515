// Changing a password in one browser signs the person out of every other browser (issue 8): a second
// browser signed in as the same person is sent to sign in again, the first stays signed in, and the old
// password no longer works.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, signIn, startServerAndBrowser, stopServerAndCheck, submitAndWait,
} from './helpers.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startServerAndBrowser()));
after(() => closeBrowserAndServer(browser, server));

test('changing the password in one browser signs the other browser out and keeps this one in', async () => {
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  try {
    const here = await laptop.newPage();
    const there = await phone.newPage();
    assert.equal((await signIn(here, server.baseURL, DEMO_USERS.member)).status(), 200);
    assert.equal((await signIn(there, server.baseURL, DEMO_USERS.member)).status(), 200);
    await there.goto(`${server.baseURL}/account`);
    assert.equal(new URL(there.url()).pathname, '/account');

    await here.goto(`${server.baseURL}/account`);
    await here.fill('#current_password', DEMO_USERS.member.password);
    await here.fill('#new_password', 'a-brand-new-member-password');
    const changed = await submitAndWait(here, 'form[action="/account/password"] button[type="submit"]');
    assert.equal(changed.status(), 200);
    assert.equal(new URL(here.url()).pathname, '/account');
    assert.match(await here.locator('.nhsuk-notification-banner').innerText(),
      /Your password has been changed\. Anywhere else you were signed in, you have been signed out\./);

    // The other browser's next page sends it to sign in; this one is still signed in.
    await there.goto(`${server.baseURL}/account`);
    assert.equal(new URL(there.url()).pathname, '/sign-in');
    await here.goto(`${server.baseURL}/account`);
    assert.equal(new URL(here.url()).pathname, '/account');

    // The old password is refused; the new one works.
    const old = await signIn(there, server.baseURL, DEMO_USERS.member);
    assert.equal(old.status(), 401);
    const fresh = await signIn(there, server.baseURL, { ...DEMO_USERS.member, password: 'a-brand-new-member-password' });
    assert.equal(fresh.status(), 200);
  } finally {
    await laptop.close();
    await phone.close();
  }
});

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await browser.close(); // closes its keep-alive connections, so the server stops at once
  await stopServerAndCheck(server);
});
