// Forms posted without their CSRF token (or with a wrong one) are refused with a 403 page, and
// nothing changes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { DEMO_USERS, launchBrowser, signIn, startServer, stopServerAndCheck, submitAndWait } from './helpers.mjs';

let server;
let browser;
let context; // signed in as admin, shared by the tests below
let page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  context = await browser.newContext();
  page = await context.newPage();
  await signIn(page, server.baseURL, DEMO_USERS.admin);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const REFUSED = /reload the page and try again/;

/** Opens /admin/users/new and fills in a valid new user, without submitting. */
async function fillNewUser(username) {
  await page.goto(`${server.baseURL}/admin/users/new`);
  assert.equal(await page.locator('h1').innerText(), 'Add a user');
  await page.fill('#username', username);
  await page.fill('#display_name', `Test ${username}`);
  await page.check('#role-member');
  await page.fill('#password', 'a long enough first password 2026');
}

async function listedUsernames() {
  const res = await page.goto(`${server.baseURL}/admin/users`);
  assert.equal(res.status(), 200);
  return page.locator('table tbody tr td:first-child').evaluateAll(
    (cells) => cells.map((c) => c.lastChild.textContent.trim()));
}

async function assertRefused(response) {
  assert.equal(response.status(), 403);
  assert.match(await page.locator('main').innerText(), REFUSED);
  assert.equal(await page.locator('h1').count(), 1);
}

test('adding a user with the csrf_token removed from the form is refused and adds nobody', async () => {
  await fillNewUser('csrf-missing');
  const removed = await page.evaluate(() => {
    const input = document.querySelector('form[action="/admin/users"] input[name="csrf_token"]');
    input?.remove();
    return Boolean(input);
  });
  assert.ok(removed, 'the form had a hidden csrf_token input');
  const response = await submitAndWait(page, 'form[action="/admin/users"] button[type="submit"]');
  await assertRefused(response);

  const users = await listedUsernames();
  assert.ok(users.includes('admin'), `the users table is readable: ${users.join(', ')}`);
  assert.equal(users.includes('csrf-missing'), false, 'the user must not have been added');
});

test('adding a user with a tampered csrf_token is refused', async () => {
  await fillNewUser('csrf-tampered');
  await page.evaluate(() => {
    const input = document.querySelector('form[action="/admin/users"] input[name="csrf_token"]');
    input.value = input.value.split('').reverse().join('');
  });
  const response = await submitAndWait(page, 'form[action="/admin/users"] button[type="submit"]');
  await assertRefused(response);
  assert.equal((await listedUsernames()).includes('csrf-tampered'), false);
});

test('a token from before sign-in (bound to the anonymous cookie) is refused after sign-in', async () => {
  const other = await browser.newContext();
  try {
    const p = await other.newPage();
    await p.goto(`${server.baseURL}/sign-in`);
    const anonToken = await p.locator('input[name="csrf_token"]').inputValue();
    await signIn(p, server.baseURL, DEMO_USERS.admin);
    const res = await p.request.post(`${server.baseURL}/admin/users`, {
      form: { csrf_token: anonToken, username: 'csrf-anon', display_name: 'Anon', role: 'member',
        password: 'a long enough first password 2026' },
      maxRedirects: 0,
    });
    assert.equal(res.status(), 403);
    assert.match(await res.text(), REFUSED);
  } finally {
    await other.close();
  }
  assert.equal((await listedUsernames()).includes('csrf-anon'), false);
});

test('the same form with its token works (control for the tests above)', async () => {
  await fillNewUser('csrf-control');
  const response = await submitAndWait(page, 'form[action="/admin/users"] button[type="submit"]');
  assert.equal(response.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/admin/users');
  assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /Added Test csrf-control \(csrf-control\)/);
  assert.ok((await listedUsernames()).includes('csrf-control'));
});

test('posting to /sign-out with the session cookie but no token is refused and keeps the session', async () => {
  const res = await page.request.post(`${server.baseURL}/sign-out`, { form: {}, maxRedirects: 0 });
  assert.equal(res.status(), 403);
  assert.match(await res.text(), REFUSED);
  // Still signed in.
  const account = await page.goto(`${server.baseURL}/account`);
  assert.equal(account.status(), 200);
  assert.equal(new URL(page.url()).pathname, '/account');

  // Control: the request itself is fine once the page's token is included (a wrong current
  // password gives the form's own 422 error, not the 403).
  const token = await page.locator('form[action="/account/password"] input[name="csrf_token"]').inputValue();
  const res2 = await page.request.post(`${server.baseURL}/account/password`, {
    form: { csrf_token: token, current_password: 'wrong', new_password: 'another long password 2026' },
    maxRedirects: 0,
  });
  assert.equal(res2.status(), 422);
});

test('the sign-in form without its token is refused', async () => {
  const anon = await browser.newContext();
  try {
    const p = await anon.newPage();
    await p.goto(`${server.baseURL}/sign-in`);
    await p.evaluate(() => document.querySelector('form[action="/sign-in"] input[name="csrf_token"]').remove());
    await p.fill('#username', DEMO_USERS.admin.username);
    await p.fill('#password', DEMO_USERS.admin.password);
    const response = await submitAndWait(p, 'form[action="/sign-in"] button[type="submit"]');
    assert.equal(response.status(), 403);
    assert.match(await p.locator('main').innerText(), REFUSED);
    assert.equal((await anon.cookies()).some((c) => c.name === 'cv_session'), false, 'not signed in');
  } finally {
    await anon.close();
  }
});

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await browser.close(); // closes its keep-alive connections, so the server stops at once
  await stopServerAndCheck(server);
});
