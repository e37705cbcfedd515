// The pathway in a real browser (issue 9), on the synthetic Staffordshire demo:
// - a key worker (the cancer prime provider's coordinator) opens a patient from the tracking list, sees
//   the key worker and 24/7 crisis contact at the top and the told-once summary, records that the
//   diagnosis was communicated, and sees the open 28-day clock stop;
// - the end-of-life prime provider's coordinator cannot open that cancer patient without breaking glass,
//   gives a reason, sees the record, and the administrator finds both in the audit log and the
//   break-glass review list;
// - the commissioners' outcomes page shows the four CCG areas;
// every page on the way is checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, expectAxeClean, signIn, startServerAndBrowser, stopServerAndCheck,
  submitAndWait
} from './helpers.mjs';

let server;
let browser;
let pathwayPath; // /pathways/<id> of a cancer pathway with an open 28-day clock, found by the key worker

before(async () => ({ server, browser } = await startServerAndBrowser()));

after(() => closeBrowserAndServer(browser, server));

async function signedInPage(user, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, bypassCSP: true }); // axe is injected as a script
  const page = await context.newPage();
  const response = await signIn(page, server.baseURL, user);
  assert.equal(response.status(), 200);
  return page;
}

// The cells of the clock row whose first cell starts with `name`, as text.
async function clockRow(page, name) {
  const row = page.locator('tr', { has: page.locator('td', { hasText: name }) }).first();
  return (await row.locator('td').allInnerTexts()).map((c) => c.replace(/^(Clock|Start|Stop|Wait|Target|Status|Days to breach|Allocation)\s*/, '').trim());
}

test('a key worker opens a patient, sees whom to call and the told-once summary, records an event and sees the clock stop', async (t) => {
  const page = await signedInPage(DEMO_USERS.coordinator);
  await page.goto(`${server.baseURL}/pathway/tracking?clock=fds`);
  assert.equal(await page.locator('h1').innerText(), 'Tracking list');
  await expectAxeClean(t, page, '/pathway/tracking');
  const link = page.locator('main table a[href^="/pathways/"]').first();
  pathwayPath = await link.getAttribute('href');
  await link.click();
  assert.equal(new URL(page.url()).pathname, pathwayPath);

  // Whom to call comes first, before anything else about the patient.
  const contacts = page.locator('main .nhsuk-card, main [class*="callout"]').first();
  assert.match(await contacts.innerText(), /Who to contact/);
  assert.match(await contacts.innerText(), /Key worker: .+ – [0-9 ]{11,}/);
  assert.match(await contacts.innerText(), /24\/7 crisis contact: .+ – [0-9 ]{11,}/);
  const text = await page.locator('main').innerText();
  assert.ok(text.indexOf('Who to contact') < text.indexOf('NHS number'), 'contacts above the patient');
  assert.match(text, /Told once: in their words/);
  assert.match(text, /About me\s+\S+/);
  assert.match(text, /What matters to me\s+\S+/);
  await expectAxeClean(t, page, 'a pathway');

  const before = await clockRow(page, '28-day Faster Diagnosis Standard');
  assert.equal(before[2], 'open', `the 28-day clock is open before: ${before}`);
  assert.equal(before[5], 'open');

  await page.getByRole('link', { name: 'Record an event' }).click();
  assert.equal(await page.locator('h1').innerText(), 'Record an event');
  await expectAxeClean(t, page, 'record an event');
  // Refused first without a date: the error names the field and nothing is recorded.
  await page.selectOption('#type', 'diagnosis_communicated');
  await page.selectOption('#outcome', 'cancer');
  const refused = await submitAndWait(page, 'main button:has-text("Record the event")');
  assert.equal(refused.status(), 400);
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /date of the event/i);
  assert.equal(await page.locator('#type').inputValue(), 'diagnosis_communicated', 'what was chosen is kept');
  await expectAxeClean(t, page, 'record an event, refused');

  const today = new Date();
  await page.fill('#date-day', String(today.getUTCDate()));
  await page.fill('#date-month', String(today.getUTCMonth() + 1));
  await page.fill('#date-year', String(today.getUTCFullYear()));
  const saved = await submitAndWait(page, 'main button:has-text("Record the event")');
  assert.equal(saved.status(), 200);
  assert.equal(new URL(page.url()).pathname, pathwayPath);
  assert.match(await page.locator('.nhsuk-notification-banner, [role="alert"], .nhsuk-inset-text').first().innerText(),
    /The event has been recorded/);
  assert.match(await page.locator('#events ~ ul').first().innerText(), /Diagnosis communicated/);

  const after = await clockRow(page, '28-day Faster Diagnosis Standard');
  assert.notEqual(after[2], 'open', `the 28-day clock has stopped: ${after}`);
  assert.equal(after[5], 'breached', 'told after more than 28 days');

  // Where the patient wishes to die, chosen from a list, with their words and who recorded it.
  const deathRow = () => page.locator('#preferences + dl .nhsuk-summary-list__row', { hasText: 'Preferred place of death' });
  assert.match(await deathRow().innerText(), /Never asked/);
  await page.locator('summary', { hasText: 'Record a preference' }).click();
  await page.selectOption('#pref-kind', 'place_of_death');
  await page.selectOption('#pref-state', 'decided');
  await page.selectOption('#pref-value', 'hospice');
  await page.fill('#pref-detail', 'At the hospice near my sister');
  const recorded = await submitAndWait(page, 'main button:has-text("Record the preference")');
  assert.equal(recorded.status(), 200);
  assert.match(await deathRow().innerText(), /Hospice: At the hospice near my sister\s+– recorded by .+, on \d{1,2} \w+ \d{4}/);
  // A choice that does not fit the preference is refused, naming the field.
  await page.locator('summary', { hasText: 'Record a preference' }).click();
  await page.selectOption('#pref-kind', 'cpr');
  await page.selectOption('#pref-state', 'decided');
  await page.selectOption('#pref-value', 'hospice');
  const mismatched = await submitAndWait(page, 'main button:has-text("Record the preference")');
  assert.equal(mismatched.status(), 400);
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /The choice/);
  await expectAxeClean(t, page, 'a refused preference');
  await page.context().close();
});

test('a coordinator of another organisation must break glass to open the patient, and the audit log shows it', async (t) => {
  assert.ok(pathwayPath, 'the key worker test found a pathway');
  const page = await signedInPage(DEMO_USERS.eolcoordinator);
  const response = await page.goto(`${server.baseURL}${pathwayPath}`);
  assert.equal(response.status(), 403);
  assert.equal(await page.locator('h1').innerText(), 'You need a reason to see this record');
  const body = await page.locator('main').innerText();
  assert.doesNotMatch(body, /NHS number [0-9]|About me|Key worker:|invented/, 'nothing about the patient before breaking glass');
  await expectAxeClean(t, page, 'break glass');

  // Too short a reason is refused, naming the field.
  await page.fill('#reason', 'need');
  const short = await submitAndWait(page, 'main button:has-text("Open the record")');
  assert.equal(short.status(), 400);
  assert.match(await page.locator('.nhsuk-error-summary').innerText(), /reason/i);

  await page.fill('#reason', 'Patient rang the hospice out of hours in pain; checking the crisis plan');
  const opened = await submitAndWait(page, 'main button:has-text("Open the record")');
  assert.equal(opened.status(), 200);
  assert.equal(new URL(page.url()).pathname, pathwayPath);
  assert.match(await page.locator('main').innerText(), /24\/7 crisis contact/);
  await page.context().close();

  const admin = await signedInPage(DEMO_USERS.admin);
  await admin.goto(`${server.baseURL}/admin/audit?username=eolcoordinator`);
  const audit = await admin.locator('main').innerText();
  assert.match(audit, /pathway\.break_glass/);
  assert.match(audit, /denied: needs break glass/);
  assert.match(audit, /success: break glass/);
  assert.doesNotMatch(audit, /rang the hospice/, 'the reason is for the review page, not the general log');
  await admin.goto(`${server.baseURL}/admin/break-glass`);
  assert.match(await admin.locator('main').innerText(), /Patient rang the hospice out of hours in pain/);
  await expectAxeClean(t, admin, '/admin/break-glass');
  await admin.context().close();
});

test('a key worker opens a pathway\'s alerts from the tracking list and acknowledges one with a note, on a desktop and a phone', async (t) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 667 }]) {
    const page = await signedInPage(DEMO_USERS.coordinator, viewport);
    await page.goto(`${server.baseURL}/pathway/tracking?sort=alerts`);
    const link = page.locator('main table a[href^="/pathway/tracking/alerts/"]').first();
    const named = await link.locator('xpath=..').innerText(); // "3 alerts on …: No key worker; …"
    await link.click();
    assert.equal(await page.locator('h1').innerText(), 'Alerts on this pathway');
    await expectAxeClean(t, page, `a pathway's alerts at ${viewport.width}px`);
    const cards = page.locator('main .nhsuk-card');
    const count = await cards.count();
    assert.ok(count >= 1, 'the pathway has alerts');
    const first = cards.first();
    const label = await first.locator('h2').innerText();
    assert.ok(named.includes(label), `the list named "${label}": ${named}`);
    assert.match(await first.innerText(), /What to do:/);
    // Without a note it is refused, naming the field, and nothing is lost.
    const refused = await submitAndWait(page, 'main .nhsuk-card >> nth=0 >> button[type="submit"]');
    assert.equal(refused.status(), 422);
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Enter a note/);
    await expectAxeClean(t, page, `a pathway's alerts, refused, at ${viewport.width}px`);
    await page.locator('main .nhsuk-card').first().locator('textarea').fill('Rang the team; key worker named tomorrow');
    const done = await submitAndWait(page, 'main .nhsuk-card >> nth=0 >> button[type="submit"]');
    assert.equal(done.status(), 200);
    assert.match(await page.locator('.nhsuk-notification-banner').first().innerText(), /Alert acknowledged on pathway/);
    if (count > 1) {
      assert.equal(await page.locator('h1').innerText(), 'Alerts on this pathway', 'back to the other alerts');
      assert.equal(await page.locator('main .nhsuk-card').count(), count - 1);
      assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`\\n${label}\\n`));
    } else {
      assert.equal(await page.locator('h1').innerText(), 'Tracking list');
    }
    await page.context().close();
  }
});

test('the outcomes page lays the measures out for the four CCG areas, on a desktop and a phone', async (t) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 667 }]) {
    const page = await signedInPage(DEMO_USERS.analyst, viewport);
    const response = await page.goto(`${server.baseURL}/pathway/outcomes`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('h1').innerText(), 'Outcomes by area');
    const headers = await page.locator('main table').first().locator('thead th').allInnerTexts();
    const areas = headers.filter((h) => /CCG/.test(h));
    assert.deepEqual(areas.map((h) => h.trim()), [
      'NHS Cannock Chase CCG', 'NHS North Staffordshire CCG', 'NHS Stafford and Surrounds CCG', 'NHS Stoke on Trent CCG',
    ]);
    const body = await page.locator('main').innerText();
    assert.match(body, /I was diagnosed early/);
    assert.doesNotMatch(body, /NHS number|\(invented\)/, 'no patient can be seen here');
    await expectAxeClean(t, page, `/pathway/outcomes at ${viewport.width}px`);
    await page.context().close();
  }
});

test('the server exits cleanly and its sanitizers reported nothing', async () => {
  await browser.close();
  await stopServerAndCheck(server);
});
