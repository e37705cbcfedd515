// axe-core on every page, signed out and signed in as admin, including error states, and on a
// phone-sized screen. Serious and critical violations fail the test; moderate and minor ones are
// printed as notes (TAP "#" diagnostics).
//
// axe is injected into the page, which the server's CSP (script-src 'self') rightly forbids, so
// these contexts use bypassCSP: true. The CSP itself is tested in csp.test.mjs with a normal
// context.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, formatViolations, runAxe, signIn, startServerAndBrowser, stopServerAndCheck,
  submitAndWait,
} from './helpers.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startServerAndBrowser()));
after(() => closeBrowserAndServer(browser, server));

const PHONE = { width: 375, height: 667 };

async function newAxeContext(options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Checks the page currently shown: first that it is the page we meant (status and h1), then axe.
 */
async function checkPage(t, page, response, { label, status = 200, h1, text }) {
  assert.equal(response.status(), status, `${label}: HTTP status (at ${page.url()})`);
  if (h1) assert.equal((await page.locator('h1').first().innerText()).trim(), h1, `${label}: h1`);
  if (text) assert.match(await page.locator('main').innerText(), text, `${label}: page text`);

  const { blocking, notes, passes } = await runAxe(page);
  assert.ok(passes > 10, `${label}: axe should have run its rules (only ${passes} passed)`);
  if (notes.length > 0) {
    for (const line of formatViolations(`note: moderate/minor axe findings on ${label}`, notes).split('\n')) {
      t.diagnostic(line);
    }
  }
  assert.ok(blocking.length === 0,
    formatViolations(`${blocking.length} serious/critical axe violation(s) on ${label} (${page.url()})`, blocking));
}

/** Checks the page at `path` on a phone-sized screen, then puts the desktop size back. */
async function checkOnPhone(t, page, path, { label, h1 }) {
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    const response = await page.goto(`${server.baseURL}${path}`);
    await checkPage(t, page, response, { label, h1 });
    // Content reflows to the screen width, with no sideways scrolling (WCAG 1.4.10 Reflow; axe
    // does not check this).
    const { overflow, offenders } = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const describe = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') +
        [...el.classList].map((c) => `.${c}`).join('');
      const wide = [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getBoundingClientRect().width > 0);
      return {
        overflow: document.documentElement.scrollWidth - width,
        offenders: wide.slice(0, 8).map((el) => `${describe(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)}px)`),
      };
    });
    assert.ok(overflow <= 0, `${label}: the page is ${overflow}px wider than the ${PHONE.width}px screen, so it ` +
      `scrolls sideways. Elements past the right edge:\n  ${offenders.join('\n  ')}`);
  } finally {
    await page.setViewportSize(desktop);
  }
}

// ---------------------------------------------------------------------------------------------

describe('signed out', () => {
  let context;
  let page;
  before(async () => ({ context, page } = await newAxeContext()));
  after(() => context?.close());

  const pages = [
    { path: '/', h1: 'carevoice' },
    { path: '/sign-in', h1: 'Sign in' },
    { path: '/about', h1: 'About carevoice' },
    { path: '/privacy', h1: 'Privacy' },
    { path: '/experience', h1: 'Experience' },
    { path: '/partnership', h1: 'Partnership and improvement' },
    { path: '/pathway', h1: 'Sign in', label: '/pathway signed out (redirected to sign in)' },
    { path: '/no-such-page', status: 404, h1: 'Page not found' },
  ];
  for (const p of pages) {
    const label = p.label ?? `${p.path} (signed out)`;
    test(label, async (t) => {
      const response = await page.goto(`${server.baseURL}${p.path}`);
      await checkPage(t, page, response, { label, ...p });
    });
  }

  test('/sign-in with a wrong password (401, error summary)', async (t) => {
    await page.goto(`${server.baseURL}/sign-in`);
    await page.fill('#username', 'admin');
    await page.fill('#password', 'not-the-password');
    const response = await submitAndWait(page, 'form[action="/sign-in"] button[type="submit"]');
    await checkPage(t, page, response, {
      label: 'sign-in with a wrong password', status: 401, h1: 'Sign in', text: /The username or password is not right/,
    });
  });

  test('/sign-in with both fields empty (422, two errors)', async (t) => {
    await page.goto(`${server.baseURL}/sign-in`);
    const response = await submitAndWait(page, 'form[action="/sign-in"] button[type="submit"]');
    await checkPage(t, page, response, {
      label: 'sign-in with empty fields', status: 422, h1: 'Sign in', text: /Enter your username[\s\S]*Enter your password/,
    });
  });

  test('403 page for a form sent without its CSRF token', async (t) => {
    await page.goto(`${server.baseURL}/sign-in`);
    await page.evaluate(() => document.querySelector('input[name="csrf_token"]').remove());
    const response = await submitAndWait(page, 'form[action="/sign-in"] button[type="submit"]');
    await checkPage(t, page, response, { label: 'CSRF refusal page', status: 403, text: /reload the page and try again/ });
  });

  test(`/ on a phone-sized screen (${PHONE.width}x${PHONE.height}), signed out`, async (t) => {
    await checkOnPhone(t, page, '/', { label: '/ on a phone, signed out', h1: 'carevoice' });
  });

  test('self-check: axe finds violations planted in a page', async () => {
    await page.goto(`${server.baseURL}/about`);
    await page.evaluate(() => {
      document.querySelector('main').insertAdjacentHTML('beforeend',
        '<img src="/assets/images/favicon.svg"><input type="text" id="unlabelled">');
    });
    const { blocking } = await runAxe(page);
    const ids = blocking.map((v) => v.id);
    assert.ok(ids.includes('image-alt') && ids.includes('label'),
      `axe should report image-alt and label, got: ${ids.join(', ') || 'nothing'}`);
  });
});

// ---------------------------------------------------------------------------------------------

describe('signed in as admin', () => {
  let context;
  let page;
  let signInResponse;
  before(async () => {
    ({ context, page } = await newAxeContext());
    signInResponse = await signIn(page, server.baseURL, DEMO_USERS.admin);
  });
  after(() => context?.close());

  test('/ right after signing in (success banner)', async (t) => {
    await checkPage(t, page, signInResponse, { label: 'home with the sign-in banner', h1: 'carevoice' });
    assert.equal(await page.locator('.nhsuk-notification-banner--success').count(), 1);
  });

  const pages = [
    { path: '/', h1: 'carevoice' },
    { path: '/account', h1: 'Your account' },
    { path: '/experience', h1: 'Experience' },
    { path: '/partnership', h1: 'Partnership and improvement' },
    { path: '/pathway', h1: 'Pathways' },
    { path: '/about', h1: 'About carevoice' },
    { path: '/privacy', h1: 'Privacy' },
    { path: '/admin', h1: 'Administration' },
    { path: '/admin/users', h1: 'Users' },
    { path: '/admin/users/new', h1: 'Add a user' },
    { path: '/admin/audit', h1: 'Audit log' },
    { path: '/admin/audit?username=nobody-at-all', h1: 'Audit log', label: '/admin/audit with a filter that matches nothing' },
    { path: '/admin/audit?from=not-a-date', h1: 'Audit log', label: '/admin/audit with a bad date (the log, with an error summary)' },
    { path: '/admin/audit?person=member', h1: 'Audit log', label: '/admin/audit filtered by whose account' },
    { path: '/admin/users/2/disable', label: 'disabling an account asks first' },
    { path: '/admin/users/2/reset-password', label: 'resetting a password asks first' },
    { path: '/no-such-page', status: 404, h1: 'Page not found' },
  ];
  for (const p of pages) {
    const label = p.label ?? `${p.path} (admin)`;
    test(label, async (t) => {
      const response = await page.goto(`${server.baseURL}${p.path}`);
      await checkPage(t, page, response, { label, ...p });
    });
  }

  test('/admin/users/new after a failed submit (errors on every field)', async (t) => {
    await page.goto(`${server.baseURL}/admin/users/new`);
    await page.fill('#username', 'X!');
    const response = await submitAndWait(page, 'form[action="/admin/users"] button[type="submit"]');
    await checkPage(t, page, response, { label: 'add-a-user form with errors', status: 422, h1: 'Add a user' });
    assert.ok(await page.locator('.nhsuk-error-summary li').count() >= 2, 'the summary lists the problems');
  });

  test('/admin/users after adding a user (success banner)', async (t) => {
    await page.goto(`${server.baseURL}/admin/users/new`);
    await page.fill('#username', 'axe-check');
    await page.fill('#display_name', 'Axe Check');
    await page.check('#role-analyst');
    await page.fill('#password', 'a long enough first password 2026');
    const response = await submitAndWait(page, 'form[action="/admin/users"] button[type="submit"]');
    await checkPage(t, page, response, { label: 'users list with a success banner', h1: 'Users', text: /Added Axe Check/ });
  });

  test('/account after a failed password change (errors)', async (t) => {
    await page.goto(`${server.baseURL}/account`);
    await page.fill('#current_password', 'wrong');
    await page.fill('#new_password', 'short');
    const response = await submitAndWait(page, 'form[action="/account/password"] button[type="submit"]');
    await checkPage(t, page, response, { label: 'change-password form with errors', status: 422, h1: 'Your account' });
    assert.equal(await page.locator('.nhsuk-error-summary').count(), 1);
  });

  test(`/ and /admin/users on a phone-sized screen (${PHONE.width}x${PHONE.height}), as admin`, async (t) => {
    await checkOnPhone(t, page, '/', { label: '/ on a phone, signed in as admin', h1: 'carevoice' });
    await checkOnPhone(t, page, '/admin/users', { label: '/admin/users on a phone', h1: 'Users' });
  });
});

// ---------------------------------------------------------------------------------------------

describe('signed in as member (not admin)', () => {
  test('403 page for an admin page', async (t) => {
    const { context, page } = await newAxeContext();
    try {
      await signIn(page, server.baseURL, DEMO_USERS.member);
      const response = await page.goto(`${server.baseURL}/admin/users`);
      await checkPage(t, page, response, { label: '/admin/users as member (403)', status: 403, text: /does not allow this/ });
    } finally {
      await context.close();
    }
  });
});

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await browser.close(); // closes its keep-alive connections, so the server stops at once
  await stopServerAndCheck(server);
});
