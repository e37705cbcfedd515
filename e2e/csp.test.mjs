// The Content-Security-Policy is really enforced (this context does NOT bypass it), and the
// pages themselves cause no CSP violations: no console errors, no `securitypolicyviolation`
// events, and the site's own script still runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { closeBrowserAndServer, startServerAndBrowser, stopServerAndCheck, watchCsp } from './helpers.mjs';

let server;
let browser;

before(async () => ({ server, browser } = await startServerAndBrowser()));
after(() => closeBrowserAndServer(browser, server));

const isCspMessage = (text) => /Content Security Policy|Content-Security-Policy/i.test(text);

async function loadAndCollect(path) {
  const context = await browser.newContext(); // normal CSP
  try {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    const response = await page.goto(`${server.baseURL}${path}`, { waitUntil: 'load' });
    // Fonts and late resources report their violations once they have been tried.
    await page.evaluate(() => document.fonts.ready.then(() => true));
    await page.waitForLoadState('networkidle');
    return {
      status: response.status(),
      header: response.headers()['content-security-policy'] ?? '',
      jsEnabledClass: await page.evaluate(() => document.body.classList.contains('js-enabled')),
      violations: await csp.violations(),
      consoleErrors: csp.consoleErrors.filter(isCspMessage),
      pageErrors: csp.pageErrors,
    };
  } finally {
    await context.close();
  }
}

function assertNoCspProblems(path, r) {
  assert.equal(r.status, 200);
  assert.match(r.header, /script-src 'self'/, `${path} is served with a CSP`);
  const problems = [
    ...r.consoleErrors.map((m) => `console error: ${m}`),
    ...r.violations.map((v) => `securitypolicyviolation: ${v}`),
    ...r.pageErrors.map((e) => `page error: ${e}`),
  ];
  assert.ok(problems.length === 0, `${path} caused ${problems.length} CSP problems:\n  ${problems.join('\n  ')}`);
  // The site's own module script (/static/carevoice.js) ran under the policy.
  assert.equal(r.jsEnabledClass, true, `${path}: /static/carevoice.js should run and add body.js-enabled`);
}

test('the CSP is enforced in this context: an injected inline script is blocked and reported', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const csp = await watchCsp(page);
    await page.goto(`${server.baseURL}/`);
    await page.addScriptTag({ content: 'window.__inlineRan = true;' }).catch(() => { /* blocked: expected */ });
    assert.equal(await page.evaluate(() => window.__inlineRan === true), false, 'the inline script must not run');
    assert.ok((await csp.violations()).some((v) => v.startsWith('script-src')),
      'the blocked inline script is reported as a script-src violation, so the checks below can see violations');
  } finally {
    await context.close();
  }
});

test('the home page causes no CSP violations', async () => {
  assertNoCspProblems('/', await loadAndCollect('/'));
});

test('the sign-in page causes no CSP violations', async () => {
  assertNoCspProblems('/sign-in', await loadAndCollect('/sign-in'));
});

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await browser.close(); // closes its keep-alive connections, so the server stops at once
  await stopServerAndCheck(server);
});
