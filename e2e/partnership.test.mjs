// Running a partnership group in a real browser (issue 4): the demo facilitator adds a member, records a
// meeting with an action, and logs an impact on a phone-sized screen that then appears on the group's
// public "you said, we did"; a member is refused the members page with everyone's contact details; a
// visitor who is not signed in sees no personal data on the public pages. axe-core finds no serious or
// critical violation on any page of the journey.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  closeBrowserAndServer, DEMO_USERS, demoGroupPath, formatViolations, runAxe, signIn, startServerAndBrowser,
  stopServerAndCheck, submitAndWait
} from './helpers.mjs';

let server;
let browser;
let groupPath; // /groups/<id> of the demo group

const PHONE = { width: 375, height: 667 };
const GROUP_NAME = 'Milton Keynes Cancer Patient Partnership (demo)';
const NEW_MEMBER = 'Ada Newcomer';
const IMPACT_TITLE = 'Evening appointments at the chemotherapy day unit';
const ACTION = 'Ask the day unit manager about evening appointments';
// Demo members who have not agreed to be named (partnership_demo_group.cpp), and the one added here.
const NOT_NAMED = ['Val Vicechair', 'Polly Patient', 'Eddie Expatient', 'Carla Carer', 'Fiona Family', 'Lenny Lapsed',
  'Lara Leaver', 'Omar Oncologist', 'Mia Manager', 'Ivan Information', 'Paula Physio', 'Vera Voluntary',
  'Sunil Support', NEW_MEMBER];
// Members' own contact details: e-mail First.Surname@example.org, phones 01632 9600NN, one postal address.
const MEMBER_EMAIL = /[A-Z][a-z]+\.[A-Z][a-z]+@example\.org/;
const MEMBER_PHONE = /01632 9600\d\d/;
const MEMBER_ADDRESS = '1 Demo Row';

before(async () => {
  ({ server, browser } = await startServerAndBrowser());
  groupPath = await demoGroupPath(server);
});

after(() => closeBrowserAndServer(browser, server));

async function expectNoBlockingAxeViolations(t, page, label) {
  const { blocking, notes, passes } = await runAxe(page);
  assert.ok(passes > 10, `${label}: axe should have run its rules (only ${passes} passed)`);
  if (notes.length) {
    for (const line of formatViolations(`note: moderate/minor axe findings on ${label}`, notes).split('\n')) {
      t.diagnostic(line);
    }
  }
  assert.equal(blocking.length, 0, formatViolations(`serious/critical axe violations on ${label} (${page.url()})`, blocking));
}

async function expectNoPersonalData(page, label) {
  const text = await page.locator('main').innerText();
  const html = await page.content();
  for (const name of NOT_NAMED) assert.ok(!text.includes(name), `${label} names ${name}, who has not agreed`);
  assert.doesNotMatch(html, MEMBER_EMAIL, `${label} shows a member's e-mail address`);
  assert.doesNotMatch(html, MEMBER_PHONE, `${label} shows a member's phone number`);
  assert.ok(!html.includes(MEMBER_ADDRESS), `${label} shows a member's postal address`);
}

// Axe contexts bypass the CSP so that axe can be injected; csp.test.mjs checks the CSP itself.
async function newPage(options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  return { context, page: await context.newPage() };
}

const yearMonthDay = (d) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];

test('a facilitator adds a member, records a meeting with an action, and the pages pass axe', async (t) => {
  const { context, page } = await newPage();
  try {
    await signIn(page, server.baseURL, DEMO_USERS.facilitator);

    // The public page links the working pages for staff.
    await page.goto(`${server.baseURL}${groupPath}`);
    assert.equal(await page.locator(`a[href="${groupPath}/overview"]`).count(), 1);

    // Overview: the terms-of-reference warnings are prominent.
    let response = await page.goto(`${server.baseURL}${groupPath}/overview`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.nhsuk-card--warning').first().innerText(), /Meeting without quorum/);
    await expectNoBlockingAxeViolations(t, page, 'the overview');

    response = await page.goto(`${server.baseURL}${groupPath}/edit`);
    assert.equal(response.status(), 200);
    await expectNoBlockingAxeViolations(t, page, 'the group edit form');
    // One part at a time: the contact details on their own page, saved without the rest.
    await page.click('a.nhsuk-contents-list__link:has-text("How people can get in touch")');
    assert.equal(await page.locator('h1').innerText(), 'How people can get in touch to join');
    assert.equal(await page.locator('#document_text').count(), 0, 'only the contact fields');
    await expectNoBlockingAxeViolations(t, page, 'the contact part of the group edit form');
    // (The number typed again as it is: a later test reads the demo's number on the public page.)
    await page.fill('#contact_phone', await page.inputValue('#contact_phone'));
    response = await submitAndWait(page, 'main form button[type="submit"]');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /Saved the contact details/);

    // Add a member who prefers post (no internet).
    await page.goto(`${server.baseURL}${groupPath}/members`);
    await page.fill('#name', NEW_MEMBER);
    await page.check('#contact_method-post');
    await page.fill('#postal_address', '2 Station Road, Milton Keynes');
    await page.check('#member_type-carer');
    response = await submitAndWait(page, `form[action="${groupPath}/members"] button[type="submit"]`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /Added Ada Newcomer/);
    await expectNoBlockingAxeViolations(t, page, 'the members page');

    // Complete the new member's record: the cancer they know, where they are in treatment, training.
    await submitAndWait(page, `a:has-text("${NEW_MEMBER}")`);
    await expectNoBlockingAxeViolations(t, page, 'a member record');
    await page.check('#tumour-1');
    await page.check('#treatment_stage-during');
    await page.fill('#training', 'CancerVOICES');
    response = await submitAndWait(page, 'button:has-text("Save the record")');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /Saved the record of Ada Newcomer/);

    // Record a meeting today with six present, the new member among them, and publish the minutes.
    response = await page.goto(`${server.baseURL}${groupPath}/meetings/new`);
    assert.equal(response.status(), 200);
    await expectNoBlockingAxeViolations(t, page, 'the record-a-meeting form');
    await page.check('#mode-in_person');
    await page.fill('#place', 'Partnership room, Milton Keynes University Hospital');
    await page.fill('#agenda', '1. Welcome\n2. Evening appointments');
    for (const name of ['Cora Chair', 'Vic Vicechair', 'Sid Secretary', 'Nina Nurse', 'Mia Manager', NEW_MEMBER]) {
      await page.locator('fieldset', { has: page.locator('legend', { hasText: name }) }).getByLabel('Came').check();
    }
    await page.locator('fieldset', { has: page.locator('legend', { hasText: 'Omar Oncologist' }) })
      .getByLabel('Sent apologies').check();
    await page.fill('#minutes', '## Evening appointments\n\nMembers asked for **evening** chemotherapy slots. <script>alert(1)</script>');
    await page.fill('#decisions', 'Ask the day unit about evening appointments');
    await page.check('#minutes_public');
    response = await submitAndWait(page, 'form button[type="submit"]:has-text("Record the meeting")');
    assert.equal(response.status(), 200);
    assert.match(page.url(), /\/meetings\/\d+$/);
    const meetingPath = new URL(page.url()).pathname;
    const main = page.locator('main');
    assert.match(await main.innerText(), /Recorded the meeting of/);
    assert.equal(await page.locator('.cv-markdown h2', { hasText: 'Evening appointments' }).count(), 1);
    assert.equal(await page.locator('.cv-markdown strong', { hasText: 'evening' }).count(), 1);
    assert.equal(await page.locator('main script').count(), 0, 'no script from the minutes');
    assert.match(await main.innerText(), /Ada Newcomer/);
    assert.equal(await page.locator('#warnings').count(), 0, 'the meeting was quorate');

    // Add an action owned by the new member, due in a month.
    const due = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    const [y, m, d] = yearMonthDay(due);
    await page.fill('#description', ACTION);
    await page.selectOption('#owner', { label: NEW_MEMBER });
    await page.fill('#due_on-day', String(d));
    await page.fill('#due_on-month', String(m));
    await page.fill('#due_on-year', String(y));
    response = await submitAndWait(page, `form[action="${meetingPath}/actions"] button[type="submit"]`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('main table').innerText(), new RegExp(ACTION));
    await expectNoBlockingAxeViolations(t, page, 'the meeting page with its action');

    // The action list across meetings: overdue first, the new action among the open ones, a CSV.
    response = await page.goto(`${server.baseURL}${groupPath}/actions`);
    assert.equal(response.status(), 200);
    const rows = await page.locator('tbody tr').allInnerTexts();
    assert.match(rows[0], /Overdue by/, 'an overdue action comes first');
    assert.ok(rows.some((r) => r.includes(ACTION)), 'the new action is listed');
    await expectNoBlockingAxeViolations(t, page, 'the action list');
    const csv = await page.request.get(`${server.baseURL}${groupPath}/actions/data.csv`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /text\/csv/);
    assert.match(await csv.text(), new RegExp(ACTION));

    response = await page.goto(`${server.baseURL}${groupPath}/meetings`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('main').innerText(), /No quorum/);
    await expectNoBlockingAxeViolations(t, page, 'the meetings list');
  } finally {
    await context.close();
  }
});

test('the facilitator logs an impact on a phone and it appears on the public "you said, we did"', async (t) => {
  const { context, page } = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    await signIn(page, server.baseURL, DEMO_USERS.facilitator);
    let response = await page.goto(`${server.baseURL}${groupPath}/impacts/new`);
    assert.equal(response.status(), 200);
    await expectNoBlockingAxeViolations(t, page, 'the impact form on a phone');
    // The field budget (issue 10, item 2): five fields to fill in, everything else optional with stated defaults.
    assert.equal(await page.locator('form [aria-required="true"]').count(), 5, 'five required fields');
    const visibleFields = await page.locator('form input:visible:not([type=hidden]), form select:visible, form textarea:visible').count();
    assert.ok(visibleFields <= 6, `at most the five fields and "another organisation" are open (${visibleFields})`);
    await page.fill('#title', IMPACT_TITLE);
    await page.selectOption('#kind', 'access');
    // The organisation is chosen from those carevoice knows the group works with.
    await page.selectOption('#organisation_choice', { label: 'Milton Keynes University Hospital NHS Foundation Trust' });
    await page.fill('#you_said', 'Working carers could not come to daytime chemotherapy appointments');
    await page.fill('#we_did', 'The day unit opened two evening sessions a week');
    // To publish it, the difference it made is needed: under "More about it".
    await page.click('summary:has-text("More about it")');
    await page.check('#influence-strong');
    await page.fill('#difference_made', 'Twelve patients a month now come in the evening');
    await page.check('#is_public');
    response = await submitAndWait(page, 'form button[type="submit"]:has-text("Save impact")');
    assert.equal(response.status(), 200);
    assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /shown on the group's public page/);
  } finally {
    await context.close();
  }

  const visitor = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
  try {
    const response = await visitor.page.goto(`${server.baseURL}${groupPath}`);
    assert.equal(response.status(), 200);
    const said = visitor.page.locator('.cv-said-did', { hasText: IMPACT_TITLE });
    assert.equal(await said.count(), 1, 'the impact is on the public page');
    assert.match(await said.innerText(), /Working carers could not come/);
    assert.match(await said.innerText(), /two evening sessions/);
    await expectNoBlockingAxeViolations(t, visitor.page, 'the public group page on a phone');
  } finally {
    await visitor.context.close();
  }
});

test('a member cannot see other members\' contact details', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, server.baseURL, DEMO_USERS.member);
    const response = await page.goto(`${server.baseURL}${groupPath}/members`);
    assert.equal(response.status(), 403);
    const html = await page.content();
    assert.doesNotMatch(html, MEMBER_EMAIL);
    assert.doesNotMatch(html, MEMBER_PHONE);
    assert.ok(!html.includes(MEMBER_ADDRESS));
    // Members may read the group's working pages, which carry no contact details either.
    for (const path of ['/overview', '/meetings', '/actions']) {
      const r = await page.goto(`${server.baseURL}${groupPath}${path}`);
      assert.equal(r.status(), 200, path);
      assert.doesNotMatch(await page.content(), MEMBER_EMAIL, path);
      assert.doesNotMatch(await page.content(), MEMBER_PHONE, path);
    }
    // Nor open one member's record.
    const firstRecord = `${groupPath}/members/1`;
    assert.equal((await page.goto(`${server.baseURL}${firstRecord}`)).status(), 403);
    // Nor may they edit the group.
    assert.equal((await page.goto(`${server.baseURL}${groupPath}/edit`)).status(), 403);
  } finally {
    await context.close();
  }
});

test('a visitor who is not signed in sees how to join and no personal data on the public pages', async (t) => {
  const { context, page } = await newPage();
  try {
    let response = await page.goto(`${server.baseURL}/partnership`);
    assert.equal(response.status(), 200);
    await expectNoPersonalData(page, 'the partnership landing page');

    response = await page.goto(`${server.baseURL}${groupPath}`);
    assert.equal(response.status(), 200);
    assert.equal((await page.locator('h1').innerText()).trim(), GROUP_NAME);
    const join = await page.locator('main').innerText();
    assert.match(join, /How to join/);
    assert.match(join, /you do not need the internet/);
    assert.match(join, /Write to/);
    assert.match(join, /01632 960500/);
    await expectNoPersonalData(page, 'the public group page');
    assert.equal(await page.locator(`a[href="${groupPath}/members"]`).count(), 0);
    assert.equal(await page.locator(`a[href="${groupPath}/overview"]`).count(), 0);

    const minutes = await page.locator(`a[href^="${groupPath}/minutes/"]`).evaluateAll(
      (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(minutes.length >= 7, `published minutes are linked (found ${minutes.length})`);
    // The newest first: the meeting recorded in the first test, which the new member attended.
    response = await page.goto(`${server.baseURL}${minutes[0]}`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('h1').innerText(), /Minutes of the meeting of/);
    assert.match(await page.locator('main').innerText(), /Members who have not agreed to be named are not listed/);
    await expectNoPersonalData(page, 'the public minutes');
    assert.equal(await page.locator('main script').count(), 0);
    await expectNoBlockingAxeViolations(t, page, 'the public minutes');
    for (const href of minutes.slice(1)) {
      await page.goto(`${server.baseURL}${href}`);
      await expectNoPersonalData(page, href);
    }

    // The working pages are not public.
    for (const path of ['/overview', '/meetings', '/actions', '/actions/data.csv', '/edit', '/members']) {
      const r = await page.goto(`${server.baseURL}${groupPath}${path}`);
      assert.ok(new URL(page.url()).pathname === '/sign-in' || r.status() >= 400, `${path} needs sign-in`);
      await expectNoPersonalData(page, path);
    }
  } finally {
    await context.close();
  }
});

test('the server exits cleanly with no sanitizer reports', async () => {
  await stopServerAndCheck(server);
});
