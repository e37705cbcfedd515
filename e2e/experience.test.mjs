// National benchmarking in a real browser (issue 3): an analyst uploads a file with one bad line and
// sees the line-numbered error with nothing imported; anyone opens a trust profile, the funnel plot of
// a question and the buddy page. axe-core finds no serious or critical violation on any of them.
// The demo database holds the full published 2015-2018 results; RA9 (Torbay and South Devon) is a
// trust of 2018 whose Q8 score, 83% from 414 respondents, NHS England rated above expected.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  DEMO_USERS, formatViolations, launchBrowser, runAxe, signIn, startServer, stopServerAndCheck, submitAndWait,
} from './helpers.mjs';

let server;
let browser;
let context;
let page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // axe is injected into the pages, which the CSP rightly forbids: this context bypasses it.
  context = await browser.newContext({ bypassCSP: true });
  page = await context.newPage();
});

after(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function expectNoBlockingAxeViolations(t, label) {
  const { blocking, notes, passes } = await runAxe(page);
  assert.ok(passes > 10, `${label}: axe should have run its rules (only ${passes} passed)`);
  for (const line of notes.length ? formatViolations(`note: moderate/minor axe findings on ${label}`, notes).split('\n') : []) {
    t.diagnostic(line);
  }
  assert.equal(blocking.length, 0, formatViolations(`serious/critical axe violations on ${label}`, blocking));
}

async function ratedTrustsForQ1() {
  const res = await fetch(`${server.baseURL}/api/v1/ratings?year=2018&question=Q1`);
  assert.equal(res.status, 200);
  return (await res.json()).ratings.length;
}

// Three published rows of RA9 (2018, case-mix adjusted); the score of the second, on line 3, is spoiled.
const HEADER = 'level,org_code,org_name,cancer_alliance,year,kind,sex,imd_quintile,tumour_group,question,n,score,' +
  'ci_lower,ci_upper,expected_lower,expected_upper,rating,change_2017_2018,change_all_years';
const ROW = 'Trust,RA9,Torbay and South Devon NHS Foundation Trust,Peninsula,2018,adjusted,Both,All,All Cancers';
const BAD_FILE = [
  HEADER,
  `${ROW},Q1,327,75,69.8788681,79.2471085,72.7807312,81.8585587,within,,`,
  `${ROW},Q2,453,eighty-two,78.6878891,85.6843033,80.1937637,87.0128479,within,,`,
  `${ROW},Q5,366,95,92.2305832,96.7813034,92.1478577,96.8246994,within,,`,
].join('\n') + '\n';

test('an analyst uploads a file with one bad line: the error names line and column, and nothing is imported', async (t) => {
  const before = await ratedTrustsForQ1();
  assert.ok(before > 100, `the demo data should rate more than 100 trusts on Q1, got ${before}`);

  await signIn(page, server.baseURL, DEMO_USERS.analyst);
  await page.goto(`${server.baseURL}/experience/import`);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Import survey results');
  await page.setInputFiles('#results', { name: 'one-bad-line.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_FILE) });
  const response = await submitAndWait(page, 'form[action="/experience/import"] button[type="submit"]');

  assert.equal(response.status(), 422);
  const summary = page.locator('.nhsuk-error-summary');
  assert.equal(await summary.count(), 1, 'an error summary');
  assert.match(await summary.innerText(), /line 3, column score: 'eighty-two' is not a number/);
  assert.equal(await ratedTrustsForQ1(), before, 'the refused file changed nothing');
  await expectNoBlockingAxeViolations(t, 'the refused upload');

  // Signing out again, so that the following pages are seen as the public sees them.
  await submitAndWait(page, 'nav.nhsuk-header__account button:has-text("Sign out")');
});

test('a trust profile shows each question with its score, expected range and rating', async (t) => {
  const response = await page.goto(`${server.baseURL}/experience/organisations/RA9?year=2018`);
  assert.equal(response.status(), 200);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Torbay and South Devon NHS Foundation Trust: 2018');
  const q8 = page.locator('tr', { has: page.locator('a', { hasText: /^Q8$/ }) });
  const q8Text = await q8.innerText();
  assert.match(q8Text, /\b414\b/);
  assert.match(q8Text, /\b83%/);
  assert.match(q8Text, /Above expected/);
  assert.ok(await page.locator('h2', { hasText: 'Seeing your GP' }).count() === 1, 'grouped by questionnaire section');
  await expectNoBlockingAxeViolations(t, 'the RA9 profile');

  // Sorting and filtering are links, so they work without JavaScript.
  await submitAndWait(page, 'nav[aria-label="Filter the questions"] a:has-text("Above expected")');
  assert.match(page.url(), /rating=above/);
  assert.equal(await page.locator('strong.nhsuk-tag', { hasText: 'Within expected' }).count(), 0);
});

test('the funnel plot of a question is an accessible SVG with the chosen trust highlighted', async (t) => {
  const response = await page.goto(`${server.baseURL}/experience/funnel?year=2018&question=Q1&highlight=RA9`);
  assert.equal(response.status(), 200);
  const svg = page.locator('svg.cv-chart[role="img"]');
  assert.equal(await svg.count(), 1);
  assert.equal(await svg.getAttribute('aria-labelledby'), 'funnel-Q1-title funnel-Q1-desc');
  assert.match(await page.locator('#funnel-Q1-title').textContent(), /Funnel plot of Q1, 2018/);
  assert.match(await page.locator('#funnel-Q1-desc').textContent(), /Highlighted: Torbay and South Devon/);
  const points = await page.locator('svg.cv-chart g > title').count();
  assert.equal(points, await ratedTrustsForQ1(), 'one point per rated trust');
  assert.equal(await page.locator('svg .cv-point--highlight').count(), 1);
  const rows = await page.locator('#funnel-table-caption').locator('xpath=..').locator('tbody tr').count();
  assert.equal(rows, points, 'the table beside the plot has the same organisations');
  await expectNoBlockingAxeViolations(t, 'the Q1 funnel plot');
});

test('the buddy page lists pairs with the questions they cover, and who is left unmatched', async (t) => {
  const response = await page.goto(`${server.baseURL}/experience/buddy?year=2018`);
  assert.equal(response.status(), 200);
  assert.equal((await page.locator('h1').innerText()).trim(), 'Buddy matching, 2018');
  const pairs = page.locator('table', { has: page.locator('th', { hasText: 'Questions covered' }) }).locator('tbody tr');
  assert.ok(await pairs.count() > 0, 'at least one pair');
  assert.match(await pairs.first().innerText(), /Q\d+: [\d.]+%? and [\d.]+%?/);
  await expectNoBlockingAxeViolations(t, 'the buddy page');
});

test('the overview and a question page pass axe too', async (t) => {
  let response = await page.goto(`${server.baseURL}/experience/overview?year=2018&alliance=E56000014`);
  assert.equal(response.status(), 200);
  await expectNoBlockingAxeViolations(t, 'the Peninsula overview');
  response = await page.goto(`${server.baseURL}/experience/questions/Q8?year=2018`);
  assert.equal(response.status(), 200);
  await expectNoBlockingAxeViolations(t, 'the Q8 page');
});

test('an alliance profile is rated and shows scores by sex and deprivation', async (t) => {
  const response = await page.goto(`${server.baseURL}/experience/organisations/E56000014?year=2018`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getByText('No ratings').count(), 0);
  const q1 = page.locator('#sex-and-deprivation ~ div tr', { has: page.locator('abbr', { hasText: /^Q1$/ }) });
  assert.match(await q1.innerText(), /79%\s+76%\s+75%/);
  await expectNoBlockingAxeViolations(t, 'the Peninsula profile');
});

// Every year of the survey can be chosen (issue 10, item 5): 2016 has published scores and trends only.
for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 667 }]]) {
  test(`2016 is chosen on a profile and shows the published scores, unadjusted, on a ${label}`, async (t) => {
    const ctx = await browser.newContext({ bypassCSP: true, viewport, isMobile: label === 'phone' });
    try {
      const p = await ctx.newPage();
      await p.goto(`${server.baseURL}/experience/organisations/RA9`);
      await Promise.all([p.waitForNavigation(), p.getByRole('link', { name: '2016 (scores and trends only)' }).click()]);
      assert.equal((await p.locator('h1').innerText()).trim(), 'Torbay and South Devon NHS Foundation Trust: 2016');
      assert.match(await p.locator('main').innerText(), /There are no case-mix adjusted ratings for 2016/);
      // Q8 in 2016 as published (cpes_2015_2018_results.csv.gz): 82% of 534; nothing published for 2015.
      const q8 = await p.locator('tr', { has: p.locator('a', { hasText: /^Q8$/ }) }).innerText();
      assert.match(q8, /\b534\b/);
      assert.match(q8, /82%/);
      assert.match(q8, /Not available for 2015 and 2016/);
      assert.equal(await p.locator('.nhsuk-error-summary').count(), 0);
      const { blocking } = await runAxe(p);
      assert.equal(blocking.length, 0, formatViolations(`axe on the 2016 profile (${label})`, blocking));
    } finally {
      await ctx.close();
    }
  });
}

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await context.close();
  await browser.close(); // closes its keep-alive connections, so the server stops at once
  await stopServerAndCheck(server);
});

