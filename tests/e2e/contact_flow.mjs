// contact_flow.mjs: the contact form and the moderators' queue in a real
// browser (Debian's chromium, headless, driven by playwright-core).
//
//   node tests/e2e/contact_flow.mjs BASE_URL OUT_DIR MODERATOR PASSWORD
//
// The moderator's account must exist, and the site must accept a login
// form sent at once (form_min_seconds 0) from BASE_URL's origin
// (base_url); the contact form keeps its own minimum of 3 seconds.
//
// Two browser contexts (separate cookies), 1440 x 900.  In order,
// stopping at the first problem:
//   1. a reader opens /contact (the organisation's details above the
//      form), fills it in, waits until 3.5 s have passed since the page
//      came, sends it and lands on /contact?sent=1 with the thank-you;
//      the reader's context holds no cookie;
//   2. the moderator logs in; the dashboard shows the new message;
//   3. the queue (/admin/messages) lists it under New; the keyboard
//      shortcuts work: j moves to the first row, x ticks and unticks it,
//      Enter opens it;
//   4. the message's page shows its text as sent (a <b> stays text) and
//      the state Read; the key "a" marks it answered (the page comes back
//      with "Done." and the state Answered); the Answered tab lists it.
// axe-core on /contact, the thank-you, the queue and the message's page:
// no serious or critical violation (others printed as notes).  The HTML
// of those four pages is saved as OUT_DIR/contact-*.html for the
// validator (test_contact_browser.py runs vnu on them), screenshots as
// OUT_DIR/contact-*.png.  Throughout: no console error, uncaught
// exception, failed request or same-origin answer >= 400.
//
// Exit 0 when everything passes, 1 at the first failure, 2 on bad usage.
// Never run `playwright install`: the browser is Debian's /usr/bin/chromium.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const WIDE = { width: 1440, height: 900 };
const TIMEOUT_MS = 15000;
const FILL_MS = 3500;
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

class Failure extends Error {}

function check(cond, message) {
  if (!cond) throw new Failure(message);
}

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function pass(message) {
  console.log(`ok   ${message} (${elapsed()})`);
}

let base;
let outDir;
let axeSource;

// Records console errors, uncaught exceptions, failed requests and
// same-origin answers >= 400 of a context's pages.
function watch(context, who) {
  const problems = [];
  const origin = new URL(base).origin;
  context.on('page', (page) => {
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught ${err}`));
  });
  context.on('requestfailed', (req) => problems.push(
    `${req.url()} failed: ${(req.failure() || {}).errorText}`));
  context.on('response', (res) => {
    if (res.status() >= 400 && new URL(res.url()).origin === origin) {
      problems.push(`${res.url()} answered ${res.status()}`);
    }
  });
  return (where) => check(problems.length === 0,
    `${where} (${who}): ${problems.join('; ')}`);
}

function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

async function go(page, p) {
  const res = await page.goto(new URL(p, base).href, { waitUntil: 'load' });
  check(res && res.status() === 200, `GET ${p} answered ` +
    `${res && res.status()} (now at ${pathOf(page)})`);
  return res;
}

// Runs action (a click, a key) and waits for the document it brings.
async function follow(page, action, what) {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT_MS }),
    action(),
  ]);
  check(res, `${what}: no document came back`);
  check(res.status() === 200, `${what}: answered ${res.status()} at ` +
    pathOf(page));
  return res;
}

// axe-core (serious or critical violations fail), the HTML for vnu, and
// a screenshot.
async function record(page, name, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))));
  const blocking = [];
  for (const v of violations) {
    const line = `axe ${v.impact} ${v.id} on ${label}: ${v.help} ` +
      `(${v.nodes.join(' | ')})`;
    if (BLOCKING_IMPACTS.has(v.impact)) blocking.push(line);
    else console.log(`     note: ${line}`);
  }
  check(blocking.length === 0, blocking.join('\n'));
  const res = await page.request.get(page.url());
  fs.writeFileSync(path.join(outDir, `contact-${name}.html`),
    await res.body());
  await page.screenshot({ path: path.join(outDir, `contact-${name}.png`),
    fullPage: true });
}

async function stateOf(page) {
  return (await page.locator('#message-state').textContent()).trim();
}

async function flow(browser, moderator, password) {
  const stamp = Date.now().toString(36);
  const subject = `Question about my cousin ${stamp}`;
  const text = `Hello,\nmy cousin left in 2019. <b>Not bold</b> & more.`;

  // 1. The reader.
  const readerCtx = await browser.newContext({ viewport: WIDE });
  const readerClean = watch(readerCtx, 'reader');
  const rpage = await readerCtx.newPage();
  await go(rpage, '/contact');
  const shown = Date.now();
  check(await rpage.locator('main a[href^="mailto:"]').count() >= 1,
    '/contact does not show the organisation\'s details above the form');
  await record(rpage, 'form', 'the contact form');
  await rpage.getByLabel('Your name (required)', { exact: true })
    .fill('Reader Rahimi');
  await rpage.getByLabel('Your email address (required)', { exact: true })
    .fill('reader@example.org');
  await rpage.getByLabel('Subject', { exact: true }).fill(subject);
  await rpage.getByLabel('Message (required)', { exact: true }).fill(text);
  check(!(await rpage.locator('input[name="website"]').isVisible()),
    'the honeypot field is visible');
  await sleep(shown + FILL_MS - Date.now());
  await follow(rpage, () => rpage.getByRole('button',
    { name: 'Send', exact: true }).click(), 'sending the message');
  check(pathOf(rpage) === '/contact?sent=1', `sending ended at ` +
    `${pathOf(rpage)}, expected /contact?sent=1`);
  check(/Your message has been sent/.test(
    await rpage.locator('main').textContent()), 'no thank-you note');
  await record(rpage, 'thanks', 'the thank-you page');
  const cookies = await readerCtx.cookies();
  check(cookies.length === 0, `the reader got cookies: ` +
    cookies.map((c) => c.name).join(', '));
  readerClean('step 1');
  pass('1. a reader sends a message after 3.5 s; the thank-you page; no ' +
    'cookie');

  // 2. The moderator logs in.
  const modCtx = await browser.newContext({ viewport: WIDE });
  const modClean = watch(modCtx, 'moderator');
  const page = await modCtx.newPage();
  await go(page, '/admin/login');
  await page.getByLabel('User name', { exact: true }).fill(moderator);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await follow(page, () => page.getByRole('button',
    { name: 'Log in', exact: true }).click(), 'logging in');
  check(pathOf(page) === '/admin', `login ended at ${pathOf(page)}`);
  const waiting = page.locator('.waiting');
  check(await waiting.getByRole('link', { name: subject, exact: true })
    .count() === 1, 'the dashboard does not list the new message');
  modClean('step 2');
  pass('2. the moderator logs in; the dashboard lists the new message');

  // 3. The queue and its keys.
  await follow(page, () => page.locator('.admin-nav').getByRole('link',
    { name: 'Messages', exact: true }).click(), 'opening Messages');
  check(pathOf(page) === '/admin/messages', `Messages led to ` +
    pathOf(page));
  await record(page, 'queue', 'the messages queue');
  const row = page.locator('tr[data-queue-row]').filter({ hasText: subject });
  check(await row.count() === 1, 'the queue does not list the message');
  const rows = page.locator('tr[data-queue-row]');
  check((await rows.first().textContent()).includes(subject),
    'the new message is not the first row');
  const box = rows.first().locator('input[type="checkbox"]');
  await page.keyboard.press('j');
  check(await rows.first().evaluate((r) => r.classList.contains('current')),
    '"j" did not move to the first row');
  await page.keyboard.press('x');
  check(await box.isChecked(), '"x" did not tick the row');
  await page.keyboard.press('x');
  check(!(await box.isChecked()), 'a second "x" did not untick the row');
  await follow(page, () => page.keyboard.press('Enter'),
    'opening the message with Enter');
  const m = /^\/admin\/messages\/(\d+)$/.exec(pathOf(page));
  check(m, `Enter led to ${pathOf(page)}`);
  modClean('step 3');
  pass(`3. the queue lists it; j, x and Enter open /admin/messages/${m[1]}`);

  // 4. The message, marked answered with "a".
  const body = await page.locator('.message-text').textContent();
  check(body === text, `the message's text shows as ` +
    `${JSON.stringify(body)}, sent ${JSON.stringify(text)}`);
  check(await page.locator('.message-text b').count() === 0,
    'the <b> in the message became an element');
  check(await stateOf(page) === 'Read', `opened, the state is ` +
    `${await stateOf(page)}, expected Read`);
  await record(page, 'message', 'the message\'s page');
  await follow(page, () => page.keyboard.press('a'), 'pressing "a"');
  check(pathOf(page) === `/admin/messages/${m[1]}?done=1`, `"a" ended at ` +
    pathOf(page));
  check(await stateOf(page) === 'Answered', `after "a" the state is ` +
    `${await stateOf(page)}, expected Answered`);
  check(/Done\./.test(await page.locator('main').textContent()),
    'no "Done." after marking it answered');
  await go(page, '/admin/messages?state=answered');
  check(await page.locator('tr[data-queue-row]').filter({ hasText: subject })
    .count() === 1, 'the Answered tab does not list it');
  modClean('step 4');
  pass('4. its page shows the text as sent; "a" marks it answered');
  await readerCtx.close();
  await modCtx.close();
}

async function main() {
  const [b, o, moderator, password] = process.argv.slice(2);
  if (!b || !o || !moderator || !password || !/^https?:\/\//.test(b)) {
    console.error('usage: node tests/e2e/contact_flow.mjs BASE_URL ' +
      'OUT_DIR MODERATOR PASSWORD');
    return 2;
  }
  base = b;
  outDir = o;
  fs.mkdirSync(outDir, { recursive: true });
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
    axeSource = fs.readFileSync(path.join(path.dirname(
      require.resolve('axe-core/package.json')), 'axe.min.js'), 'utf8');
  } catch (e) {
    console.error(`contact_flow: ${e.message.split('\n')[0]}\n` +
      'contact_flow: run scripts/install-deps.sh test (npm ci in tests/)');
    return 1;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
  console.log(`contact_flow: chromium ${browser.version()}, ${base}`);
  try {
    await flow(browser, moderator, password);
  } catch (e) {
    console.log(`FAIL ${e instanceof Failure ? e.message :
      String(e && e.message || e).split('\n').slice(0, 6).join('\n     ')}` +
      ` (${elapsed()})`);
    return 1;
  } finally {
    await browser.close();
  }
  console.log(`contact_flow: every step passed (${elapsed()})`);
  return 0;
}

main().then((rc) => process.exit(rc), (e) => {
  console.error('contact_flow: ' + (e && e.stack || e));
  process.exit(1);
});
