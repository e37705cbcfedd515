// Shared helpers for the browser tests: start a carevoice server on a fresh database, launch the
// system Chromium, sign in through the real form, and run axe-core on a page.
//
// Run with: node --test --test-concurrency=1 e2e/
// The server binary defaults to build/dev/src/cli/carevoice (override with CAREVOICE_BIN) and the
// browser to /usr/bin/chromium (override with CHROMIUM_PATH). Nothing is ever downloaded.

import { spawn, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const execFileP = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CAREVOICE_BIN = process.env.CAREVOICE_BIN || path.join(REPO_ROOT, 'build/dev/src/cli/carevoice');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The demo command creates one account per role with the password demo-<username>-2026.
export const DEMO_USERS = {
  admin: { username: 'admin', password: 'demo-admin-2026' },
  analyst: { username: 'analyst', password: 'demo-analyst-2026' },
  facilitator: { username: 'facilitator', password: 'demo-facilitator-2026' },
  member: { username: 'member', password: 'demo-member-2026' },
  coordinator: { username: 'coordinator', password: 'demo-coordinator-2026' },
  // works for the end-of-life prime provider, so cancer pathways are outside its organisation
  eolcoordinator: { username: 'eolcoordinator', password: 'demo-eolcoordinator-2026' },
};

// Lines that mean the ASan/UBSan build found a memory or undefined-behaviour bug in the server.
const SANITIZER_REPORT = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Undefined|Leak)Sanitizer/;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// GET /healthz on a connection that is closed afterwards (fetch would keep it alive, and the
// server would then wait for the keep-alive timeout before it can stop). Resolves to the status,
// or 0 when nothing answers.
function healthzStatus(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2_000,
      headers: { Connection: 'close' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

// Every server started by this process, so that none outlives the test file even if a test throws
// before its after() hook runs.
const liveServers = new Set();
function killLiveServers() {
  for (const { child, dir } of liveServers) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
    rmSync(dir, { recursive: true, force: true });
  }
  liveServers.clear();
}
process.on('exit', killLiveServers);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killLiveServers();
    process.exit(130);
  });
}

/** Runs `carevoice demo` into <dir>/cv.db. */
async function runDemo(dir) {
  try {
    await execFileP(CAREVOICE_BIN, ['demo', '--db', `sqlite:${path.join(dir, 'cv.db')}`],
      { cwd: dir, timeout: 180_000 });
  } catch (err) {
    throw new Error(`carevoice demo failed: ${err.message}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
}

/** Copies cv.db (and any cv.db-wal / cv.db-shm next to it) from one folder to another. */
async function copyDatabase(fromDir, toDir) {
  for (const entry of await readdir(fromDir)) {
    if (entry.startsWith('cv.db')) await copyFile(path.join(fromDir, entry), path.join(toDir, entry));
  }
}

/**
 * Fills <dir>/cv.db with what `carevoice demo` makes.
 *
 * `carevoice demo` also imports the published CPES survey results (about 360,000 rows), which
 * takes 15 s or more in the ASan build. So the first test file runs it once into
 * $TMPDIR/carevoice-e2e-cache/<key>/, keyed by the binary's path, size and modification time,
 * and every test file copies that into its own fresh temporary folder. A rebuilt binary gets a new
 * key and the old copy is removed. Set CAREVOICE_E2E_NO_CACHE=1 to run demo afresh for every
 * test file.
 */
async function fillDemoDatabase(dir) {
  if (process.env.CAREVOICE_E2E_NO_CACHE === '1') return runDemo(dir);
  const st = statSync(CAREVOICE_BIN);
  const key = createHash('sha256')
    .update(JSON.stringify([CAREVOICE_BIN, st.size, st.mtimeMs, process.env.CAREVOICE_CPES_DIR ?? '']))
    .digest('hex').slice(0, 16);
  const cacheRoot = path.join(os.tmpdir(), 'carevoice-e2e-cache');
  const ready = path.join(cacheRoot, key);
  if (!existsSync(path.join(ready, 'complete'))) {
    await mkdir(cacheRoot, { recursive: true });
    const building = await mkdtemp(path.join(cacheRoot, 'building-'));
    try {
      await runDemo(building);
      await writeFile(path.join(building, 'complete'), new Date().toISOString());
      // Remove copies made by older binaries, then publish this one atomically.
      for (const entry of await readdir(cacheRoot)) {
        if (entry !== key && !entry.startsWith('building-')) {
          await rm(path.join(cacheRoot, entry), { recursive: true, force: true });
        }
      }
      await rename(building, ready).catch(() => { /* another process published the same key first */ });
    } finally {
      await rm(building, { recursive: true, force: true });
    }
  }
  await copyDatabase(ready, dir);
}

/**
 * Starts `carevoice serve` on a fresh SQLite database in a new temporary folder, filled with the
 * demo accounts. Returns { baseURL, port, dir, stop() }. stop() ends the server (SIGTERM, then
 * SIGKILL after 5 s), removes the folder, and returns { stderr, sanitizerReport } so callers can
 * fail the run when ASan/UBSan reported something.
 */
export async function startServer() {
  if (!existsSync(CAREVOICE_BIN)) {
    throw new Error(`The server binary ${CAREVOICE_BIN} does not exist. Build it first: ` +
      'cmake --preset dev && cmake --build build/dev -j2 --target carevoice carevoice_static');
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'carevoice-e2e-'));
  const db = `sqlite:${path.join(dir, 'cv.db')}`;
  try {
    await fillDemoDatabase(dir);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(CAREVOICE_BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--quiet'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const live = { child, dir };
  liveServers.add(live);
  let stderr = '';
  child.stdout.on('data', (d) => { stderr += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      liveServers.delete(live);
      resolve(exited);
    });
  });

  let stopped = false;
  async function stop() {
    if (!stopped) {
      stopped = true;
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 5_000);
        await exitPromise;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    }
    const match = stderr.match(SANITIZER_REPORT);
    return { stderr, exit: exited, sanitizerReport: match ? stderr : null };
  }

  // Poll /healthz until the server answers 200 (the ASan build can take a few seconds to start).
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      await stop();
      throw new Error(`carevoice serve exited early (${JSON.stringify(exited)}):\n${stderr}`);
    }
    if (await healthzStatus(port) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`carevoice serve did not answer ${baseURL}/healthz within 30 s:\n${stderr}`);
    }
    await sleep(100);
  }
  return { baseURL, port, dir, stop };
}

/**
 * Stops the server and throws if it did not exit cleanly (status 0 after SIGTERM) or if
 * AddressSanitizer, LeakSanitizer or UBSan reported anything while it ran.
 */
export async function stopServerAndCheck(server) {
  const { sanitizerReport, exit, stderr } = await server.stop();
  if (sanitizerReport) throw new Error(`the server's sanitizers reported a problem:\n${sanitizerReport}`);
  if (!exit || exit.code !== 0) {
    throw new Error(`the server should exit with status 0 on SIGTERM, got ${JSON.stringify(exit)}:\n${stderr}`);
  }
}

/** Launches the system Chromium headless, without touching the network. */
/** Starts a server on a fresh demo database and launches Chromium: the `before` of every test file. */
export async function startServerAndBrowser() {
  const server = await startServer();
  const browser = await launchBrowser();
  return { server, browser };
}

/** Closes what startServerAndBrowser opened (either may be missing if it failed half-way). */
export async function closeBrowserAndServer(browser, server) {
  await browser?.close();
  await server?.stop();
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Signs in through the real sign-in form and waits for the redirect. Returns the response of the
 * page the browser lands on.
 */
export async function signIn(page, baseURL, { username, password }) {
  await page.goto(`${baseURL}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.click('form[action="/sign-in"] button[type="submit"]'),
  ]);
  return response;
}

/** Submits a form by clicking its button and returns the response of the resulting page. */
export async function submitAndWait(page, buttonSelector) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(buttonSelector)]);
  return response;
}

/**
 * Records what the page reports about Content Security Policy: console errors and
 * `securitypolicyviolation` events (the init script runs through DevTools, so CSP does not
 * block it). Call before the first navigation; afterwards read consoleErrors, pageErrors and
 * await violations().
 */
export async function watchCsp(page) {
  const consoleErrors = [];
  const pageErrors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ` +
        `at ${e.sourceFile || '?'}:${e.lineNumber}`);
    });
  });
  return {
    consoleErrors,
    pageErrors,
    async violations() {
      return page.evaluate(() => window.__cspViolations ?? []);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// axe-core

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the current page. The page must belong to a context created with
 * bypassCSP: true (the server's CSP rightly forbids any script that is not its own).
 * Returns { blocking, notes, passes }: the serious and critical violations, the moderate and minor
 * ones, and how many rules passed (a sanity check that axe really ran).
 */
export async function runAxe(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ content: AXE_SOURCE });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    const violations = r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, impact: n.impact })),
    }));
    return { violations, passes: r.passes.length };
  });
  const isBlocking = (v) => v.impact === 'serious' || v.impact === 'critical';
  return {
    blocking: results.violations.filter(isBlocking),
    notes: results.violations.filter((v) => !isBlocking(v)),
    passes: results.passes,
  };
}

/** Formats axe violations for a readable failure message or note. */
export function formatViolations(label, violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 10)) {
      lines.push(`      at ${n.target}`);
      if (n.summary) lines.push(...n.summary.split('\n').map((s) => `         ${s}`));
    }
    if (v.nodes.length > 10) lines.push(`      ... and ${v.nodes.length - 10} more elements`);
  }
  return `${label}:\n${lines.join('\n')}`;
}

/**
 * Runs axe-core on the page and fails the test on any serious or critical violation; moderate and
 * minor findings are reported as test diagnostics.
 */
export async function expectAxeClean(t, page, label) {
  const { blocking, notes, passes } = await runAxe(page);
  if (passes <= 10) throw new Error(`${label}: axe should have run its rules (only ${passes} passed)`);
  for (const line of notes.length ? formatViolations(`note: moderate/minor axe findings on ${label}`, notes).split('\n') : []) {
    t.diagnostic(line);
  }
  if (blocking.length) throw new Error(formatViolations(`serious/critical axe violations on ${label} (${page.url()})`, blocking));
}

/**
 * The tables of the page that sit in a box with a fixed height hiding some of their rows: for each table,
 * any ancestor that scrolls vertically (overflow-y auto, scroll or hidden) and holds more than it shows.
 * Returns a description of each (its caption, or its first header), empty when every row can be seen.
 */
export async function tablesHidingRows(page) {
  return page.evaluate(() => {
    const found = [];
    for (const table of document.querySelectorAll('table')) {
      for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
        const overflowY = getComputedStyle(el).overflowY;
        if (['auto', 'scroll', 'hidden'].includes(overflowY) && el.scrollHeight > el.clientHeight + 2) {
          const name = table.caption?.innerText || table.querySelector('th')?.innerText || '(a table)';
          found.push(`${name.trim()} (${el.clientHeight}px shown of ${el.scrollHeight}px)`);
          break;
        }
      }
    }
    return found;
  });
}

/**
 * Tables that do not fit a phone as the NHS.UK frontend means them to: a table wider than the window
 * that does not use the responsive pattern (each cell labelled with its column) — on a page of matrices
 * (matricesMayScroll: areas by measures, say, read across and down) one in a labelled, focusable region
 * that scrolls sideways is allowed — and responsive
 * tables with a data cell that does not say which column it is in (a row's header names the row, and a
 * cell alone in its row or spanning several columns holds a sentence, so neither needs one).
 */
export async function tablesThatDoNotFit(page, { matricesMayScroll = false } = {}) {
  return page.evaluate((matricesMayScroll) => {
    const found = [];
    for (const table of document.querySelectorAll('table')) {
      const name = (table.caption?.innerText || table.querySelector('th')?.innerText || '(a table)').trim();
      if (table.classList.contains('nhsuk-table--responsive')) {
        for (const cell of table.querySelectorAll('tbody td')) {
          if (cell.colSpan === 1 && cell.parentElement.cells.length > 1 && !cell.querySelector('.nhsuk-table__heading')) {
            found.push(`${name}: a cell without its column heading ("${cell.innerText.trim().slice(0, 40)}")`);
            break;
          }
        }
        continue;
      }
      if (table.getBoundingClientRect().width <= window.innerWidth + 1) continue;
      if (!matricesMayScroll) { found.push(`${name}: ${Math.round(table.getBoundingClientRect().width)}px wide on a ${window.innerWidth}px window`); continue; }
      const region = table.closest('[role="region"][tabindex="0"]');
      if (!region || !(region.getAttribute('aria-label') || region.getAttribute('aria-labelledby'))) {
        found.push(`${name}: ${Math.round(table.getBoundingClientRect().width)}px wide on a ${window.innerWidth}px window`);
      }
    }
    return found;
  }, matricesMayScroll);
}

/**
 * The address of the demo partnership group ("/groups/<id>"), as the partnership landing page links it.
 */
export async function demoGroupPath(server) {
  const html = await (await fetch(`${server.baseURL}/partnership`)).text();
  const match = html.match(/<a href="(\/groups\/\d+)">Milton Keynes Cancer Patient Partnership \(demo\)<\/a>/);
  if (!match) throw new Error('the partnership landing page does not link the demo group');
  return match[1];
}
