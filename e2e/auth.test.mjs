// Sign in and sign out through the real forms, the wrong-password page, and the same journey
// with JavaScript turned off.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, signIn, startServerAndBrowser, stopServerAndCheck, submitAndWait,
} from './helpers.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startServerAndBrowser()));
after(() => closeBrowserAndServer(browser, server));

const bannerText = (page) => page.locator('.nhsuk-notification-banner').innerText();

test('signing in as admin through the form lands on the home page with a success banner', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const response = await signIn(page, server.baseURL, DEMO_USERS.admin);

    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    // The POST answered 303 See Other to the home page.
    const redirect = response.request().redirectedFrom();
    assert.ok(redirect, 'sign-in should redirect to the home page');
    assert.equal(redirect.method(), 'POST');
    assert.equal((await redirect.response()).status(), 303);

    const banner = page.locator('.nhsuk-notification-banner--success');
    assert.equal(await banner.count(), 1, 'one success banner');
    const match = (await bannerText(page)).match(/You are signed in as (.+)\./);
    assert.ok(match, `banner should say "You are signed in as <name>.", got: ${await bannerText(page)}`);
    const name = match[1].trim();

    // The header shows the user's name and role, and a Sign out button instead of Sign in.
    const account = page.locator('nav.nhsuk-header__account');
    assert.equal((await account.locator('a[href="/account"]').innerText()).trim(), `${name} (admin)`);
    assert.equal(await account.getByRole('button', { name: 'Sign out' }).count(), 1);
    assert.equal(await account.getByRole('link', { name: 'Sign in' }).count(), 0);
    // The home page body names the user too.
    assert.match(await page.locator('main').innerText(), new RegExp(`You are signed in as ${name}, with the role admin`));

    // The session cookie cannot be read by scripts and is not sent from other sites.
    const session = (await context.cookies()).find((c) => c.name === 'cv_session');
    assert.ok(session, 'a cv_session cookie is set');
    assert.equal(session.httpOnly, true);
    assert.match(session.sameSite, /Strict|Lax/);
  } finally {
    await context.close();
  }
});

test('signing out with the header button shows "You have signed out." and ends the session', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, server.baseURL, DEMO_USERS.admin);
    const oldSession = (await context.cookies()).find((c) => c.name === 'cv_session');
    assert.ok(oldSession);

    const response = await submitAndWait(page, 'nav.nhsuk-header__account button:has-text("Sign out")');
    assert.equal(response.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await bannerText(page), /You have signed out\./);

    const account = page.locator('nav.nhsuk-header__account');
    assert.equal(await account.getByRole('link', { name: 'Sign in' }).count(), 1);
    assert.equal(await account.getByRole('button', { name: 'Sign out' }).count(), 0);
    assert.equal((await context.cookies()).some((c) => c.name === 'cv_session'), false, 'the session cookie is cleared');

    // A page for signed-in users now sends the browser to sign in.
    await page.goto(`${server.baseURL}/pathway`);
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/pathway');

    // The old session token is dead on the server too, not just forgotten by the browser.
    const replay = await browser.newContext();
    try {
      await replay.addCookies([{ name: 'cv_session', value: oldSession.value, url: server.baseURL }]);
      const res = await replay.request.get(`${server.baseURL}/pathway`, { maxRedirects: 0 });
      assert.equal(res.status(), 303, 'a replayed session cookie must not open /pathway');
      assert.match(res.headers().location, /\/sign-in\?next=/);
    } finally {
      await replay.close();
    }
  } finally {
    await context.close();
  }
});

test('a wrong password shows the error in the error summary and next to the field, with status 401', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.baseURL}/sign-in`);
    await page.fill('#username', 'admin');
    await page.fill('#password', 'not-the-password');
    const response = await submitAndWait(page, 'form[action="/sign-in"] button[type="submit"]');

    assert.equal(response.status(), 401);
    assert.equal(await page.locator('h1').innerText(), 'Sign in');
    const message = 'The username or password is not right';

    // The error summary at the top of the page, linking to the field.
    const summary = page.locator('.nhsuk-error-summary');
    assert.equal(await summary.count(), 1);
    assert.ok(await summary.isVisible());
    assert.match(await summary.locator('h2').innerText(), /There is a problem/);
    const link = summary.locator('a', { hasText: message });
    assert.equal(await link.count(), 1, 'the summary links to the field with the error');
    assert.equal(await link.getAttribute('href'), '#password');

    // The message next to the field, tied to the input for screen readers.
    const fieldError = page.locator('#password-error');
    assert.ok(await fieldError.isVisible());
    assert.match(await fieldError.innerText(), new RegExp(message));
    assert.match(await fieldError.innerText(), /^Error:/, 'the message starts with a visually hidden "Error:"');
    const password = page.locator('#password');
    assert.ok((await password.getAttribute('aria-describedby')).split(/\s+/).includes('password-error'));
    assert.match(await password.getAttribute('class'), /nhsuk-input--error/);
    assert.match(await page.locator('.nhsuk-form-group', { has: password }).getAttribute('class'), /nhsuk-form-group--error/);
    // Every id in aria-describedby exists, so the field's accessible description is the message.
    const description = await password.evaluate((el) => el.getAttribute('aria-describedby').trim().split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`).join(' '));
    assert.match(description, new RegExp(message));
    assert.equal(description.includes('(missing #'), false, description);

    // The username is kept, the password is never sent back.
    assert.equal(await page.inputValue('#username'), 'admin');
    assert.equal(await page.inputValue('#password'), '');
    assert.equal((await page.content()).includes('not-the-password'), false);

    // Focus: the error summary takes focus when the page loads (NHS.UK frontend), and its link
    // moves focus to the password field.
    await page.waitForFunction(() => document.activeElement?.classList.contains('nhsuk-error-summary'),
      null, { timeout: 5_000 });
    assert.equal(await summary.getAttribute('tabindex'), '-1');
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password');

    // Not signed in.
    assert.equal((await context.cookies()).some((c) => c.name === 'cv_session'), false);
  } finally {
    await context.close();
  }
});

test('without JavaScript a user can sign in and sign out', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const signedIn = await signIn(page, server.baseURL, DEMO_USERS.member);
    assert.equal(signedIn.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await bannerText(page), /You are signed in as .+\./);
    // Really without JavaScript: the progressive-enhancement script did not run.
    assert.equal(await page.locator('body.js-enabled').count(), 0);
    assert.match(await page.locator('nav.nhsuk-header__account a[href="/account"]').innerText(), /\(member\)/);

    // A page that needs a session works.
    const account = await page.goto(`${server.baseURL}/account`);
    assert.equal(account.status(), 200);
    assert.equal(await page.locator('h1').innerText(), 'Your account');

    const signedOut = await submitAndWait(page, 'nav.nhsuk-header__account button:has-text("Sign out")');
    assert.equal(signedOut.status(), 200);
    assert.match(await bannerText(page), /You have signed out\./);
    assert.equal(await page.locator('nav.nhsuk-header__account').getByRole('link', { name: 'Sign in' }).count(), 1);
  } finally {
    await context.close();
  }
});

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await browser.close(); // closes its keep-alive connections, so the server stops at once
  await stopServerAndCheck(server);
});
