// admin_flow.mjs: the admin area in a real browser (Debian's chromium,
// headless, driven by playwright-core), as two people use it.
//
//   node tests/e2e/admin_flow.mjs BASE_URL OUT_DIR EDITOR_NAME AUTHOR_NAME \
//        PASSWORD
//
// The two accounts must exist (an editor and an author, same password) and
// the site must accept a form sent at once (form_min_seconds 0) from
// BASE_URL's origin (base_url).  Environment: GAZETTE_SITE_TZ, the site's
// time zone setting (default UTC), used to fill the publish time.
//
// Each user has a browser context of their own (separate cookies), 1440 x
// 900.  In order, stopping at the first problem:
//   1. the editor logs in through the form and lands on /admin;
//   2. writes an article (a title with quotes, an ampersand and a Persian
//      word; a Markdown body with a heading and a list; tags "Alpha, Beta"),
//      previews it (the heading is an <h2> in the preview; nothing saved),
//      publishes it (303 to /admin/articles/ID?saved=1);
//   3. finds it on the home page, follows its link, sees the body's <h2>;
//   4. the author logs in, may only choose Draft or Pending review, submits
//      an article for review (not public yet); the editor finds it under
//      /admin/articles?state=pending, publishes it, and it is public
//      from the home page's link at once (public pages are no-cache);
//   5. the author turns two-factor login on from /admin/account: the QR
//      code is an <img> with a data:image/svg+xml src that the browser
//      draws; the key shown as text gives, computed here (RFC 6238), the
//      code that turns it on; ten recovery codes are shown.  Logged out,
//      the password leads to the code page; a recovery code logs in (9
//      left).  Logged out again: that recovery code and the code that
//      turned it on are refused (403, "used already"); the code page is
//      left open for step 10;
//   6. the editor changes a line of the first article's body (the public
//      page shows it), opens "Revisions (2)" from the editor, then the
//      older revision: the body's comparison has exactly that line, old
//      as removed (<del>) and new as added (<ins>), marked in words for
//      screen readers, and "No changes." for the title; "Restore this
//      revision" leads to the list (3 revisions) and the public page shows
//      the old line again;
//   7. opens Pages, the starter's "About us", adds a paragraph and saves it
//      published: its "View" link, /about, shows it; writes a new page,
//      published, at /visiting-STAMP, shown by its "View" link;
//   8. opens Menu, fills an empty row (label, address of the new page),
//      saves: the home page's main menu has the link, and it leads to the
//      new page;
//   9. the editor schedules an article 10 to 70 s ahead (the site's zone):
//      404 at once; after its time + 3 s, with no request in between, 200;
//  10. on the code page of step 5, the author gives the code of a later
//      time step than the one that turned two-factor login on (waiting
//      for it if need be) and lands on the dashboard;
//  11. both log out with the "Log out" button; /admin then leads to the
//      login page.
// On every admin page the flow visits (login, dashboard, editors, lists,
// revisions, the menu, categories, tags, the account, two-factor setup,
// recovery codes, the login code page): axe-core with no serious or critical violation (others
// printed as notes).  Throughout: no console error, uncaught exception,
// failed request or same-origin answer >= 400 but the 404s and 403s the
// flow expects.  Screenshots OUT_DIR/admin-*.png at 1440 px; the article
// editor, the revisions list, a revision, the menu editor and the
// two-factor setup also at 360 px, where they must not scroll
// horizontally.
//
// Exit 0 when everything passes, 1 at the first failure, 2 on bad usage.
// Never run `playwright install`: the browser is Debian's /usr/bin/chromium.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 360, height: 900 };
const TIMEOUT_MS = 15000;
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

function check(cond, message) {
  if (!cond) fail(message);
}

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function pass(message) {
  console.log(`ok   ${message} (${elapsed()})`);
}

function note(message) {
  console.log(`     note: ${message}`);
}

let base;
let outDir;
let axeSource;

// --- what every page must not do ------------------------------------------

// Records console errors, uncaught exceptions, failed requests and
// same-origin answers >= 400 of a context's pages; expect(url, status)
// allows one such answer.
class Watch {
  constructor(context, who) {
    this.who = who;
    this.problems = [];
    this.expected = new Map();
    this.requests = 0;
    const origin = new URL(base).origin;
    context.on('page', (page) => this.attach(page));
    context.on('request', (req) => {
      if (new URL(req.url()).origin === origin) this.requests++;
    });
    context.on('requestfailed', (req) => {
      const f = req.failure();
      // The editor's live preview (www/js/editor.js) may be under way
      // when the page is left: the browser drops it.  Not the site's.
      if (req.resourceType() === 'fetch' && f &&
        f.errorText === 'net::ERR_ABORTED') return;
      this.problems.push(`${req.resourceType()} ${req.url()} failed: ` +
        (f ? f.errorText : 'unknown error'));
    });
    context.on('response', (res) => {
      if (res.status() < 400 || new URL(res.url()).origin !== origin) return;
      if (this.expected.get(res.url()) === res.status()) return;
      this.problems.push(`${res.request().resourceType()} ${res.url()} ` +
        `answered ${res.status()}`);
    });
  }

  attach(page) {
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = (msg.location() || {}).url || '';
      // Chromium logs a document's status >= 400 as a console error.
      const m = /status of (\d{3})/.exec(msg.text());
      if (m && this.expected.get(url) === Number(m[1])) return;
      this.problems.push(`console error: ${msg.text()}` +
        (url ? ` (${url})` : ''));
    });
    page.on('pageerror', (err) => this.problems.push(`uncaught ${err}`));
  }

  expect(url, status) {
    this.expected.set(url, status);
  }

  // Fails when anything went wrong since the last call.
  assertClean(where) {
    if (this.problems.length) {
      fail(`${where} (${this.who}): ` + this.problems.join('; '));
    }
  }
}

// --- page helpers -----------------------------------------------------------

function url(p) {
  return new URL(p, base).href;
}

function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

// Loads p and checks the final status (and the final path, when given).
async function go(page, p, status = 200, finalPath = null) {
  const res = await page.goto(url(p), { waitUntil: 'load' });
  check(res, `GET ${p}: no response`);
  check(res.status() === status, `GET ${p} answered ${res.status()}, ` +
    `expected ${status} (now at ${pathOf(page)})`);
  if (finalPath !== null) {
    check(pathOf(page) === finalPath, `GET ${p} ended at ${pathOf(page)}, ` +
      `expected ${finalPath}`);
  }
  return res;
}

// Clicks something that sends a form or follows a link and waits for the
// new document; returns its (final) response.
async function follow(page, locator, what) {
  let res;
  try {
    [res] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT_MS }),
      locator.click(),
    ]);
  } catch (e) {
    fail(`${what} (at ${pathOf(page)}): ` +
      String(e && e.message || e).split('\n')[0]);
  }
  check(res, `${what}: no document came back`);
  return res;
}

// Runs axe-core on the page: serious or critical violations fail, others
// are printed as notes.
async function axe(page, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        count: v.nodes.length,
        nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ` +
          `${n.html.slice(0, 120)}`),
        summary: (v.nodes[0] && v.nodes[0].failureSummary || '')
          .split('\n').slice(1, 2).join(' ').trim() }))));
  const blocking = [];
  for (const v of violations) {
    const line = `axe ${v.impact} ${v.id} on ${label} (${pathOf(page)}): ` +
      `${v.help} — ${v.count} element${v.count === 1 ? '' : 's'}: ` +
      v.nodes.join(' | ') + (v.summary ? ` [${v.summary}]` : '');
    if (BLOCKING_IMPACTS.has(v.impact)) blocking.push(line);
    else note(line);
  }
  check(blocking.length === 0, blocking.join('\n'));
}

async function shot(page, name) {
  const width = page.viewportSize().width;
  await page.screenshot({ path: path.join(outDir,
    `admin-${name}-${width}.png`), fullPage: true });
}

// An admin page's checks at 1440 px: axe, then a screenshot.
async function adminPage(page, name, label) {
  await axe(page, label);
  await shot(page, name);
}

// At 360 px: no horizontal scroll (naming what sticks out), screenshot;
// then back to 1440.
async function narrow(page, name) {
  await page.setViewportSize(NARROW);
  const ov = await page.evaluate(() => {
    const vw = window.innerWidth;
    const sw = document.documentElement.scrollWidth;
    const out = [];
    if (sw > vw + 1) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && (r.width || r.height)) {
          out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}` +
            `${[...el.classList].map((c) => '.' + c).join('')} ` +
            `(right edge ${Math.round(r.right)})`);
        }
      }
    }
    return { vw, sw, out: out.slice(-3) };
  });
  await shot(page, name);
  check(ov.sw <= ov.vw + 1, `${name} at 360 px scrolls horizontally: ` +
    `scrollWidth ${ov.sw} > innerWidth ${ov.vw}` +
    (ov.out.length ? `; sticking out: ${ov.out.join(', ')}` : ''));
  await page.setViewportSize(WIDE);
}

// Fills the login form at /admin/login and sends it; returns the answer.
async function sendLogin(page, who, name, password) {
  await page.getByLabel('User name', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  return follow(page, page.getByRole('button', { name: 'Log in',
    exact: true }), `${who} logging in`);
}

// The text of the page's messages (.message), for failure reports.
async function messages(page) {
  const m = await page.locator('.message').allTextContents();
  return m.length ? ` (page says: ${m.map((s) => s.trim()).join(' ')})` : '';
}

// Checks that a login (res, its answer) landed on the dashboard.
async function atDashboard(page, who, res, how) {
  check(res.status() === 200 && pathOf(page) === '/admin',
    `${who} logging in ${how}: ended at ${pathOf(page)} with ` +
    `${res.status()}, expected /admin with 200${await messages(page)}`);
  check((await page.locator('h1').textContent()).trim() === 'Dashboard',
    `${who}: /admin after login has no "Dashboard" heading`);
  const bar = await page.locator('.admin-logout').textContent();
  check(/Signed in as/.test(bar), `${who}: the dashboard does not say who ` +
    `is signed in (${bar.trim()})`);
}

async function login(page, who, name, password) {
  await go(page, '/admin/login');
  await adminPage(page, `login-${who}`, 'the login page');
  const res = await sendLogin(page, who, name, password);
  await atDashboard(page, who, res, `as ${name}`);
}

// Clicks the admin bar's "Log out"; the answer must be the login page.
async function logout(page, who) {
  const res = await follow(page, page.getByRole('button',
    { name: 'Log out', exact: true }), `${who} logging out`);
  check(res.status() === 200 && pathOf(page) === '/admin/login',
    `${who} logging out: ended at ${pathOf(page)} with ${res.status()}, ` +
    'expected /admin/login');
}

// A link of the admin bar's navigation.
function adminLink(page, name) {
  return page.locator('nav.admin-nav').getByRole('link',
    { name, exact: true });
}

// Trimmed text contents of the elements of a locator.
async function texts(locator) {
  return (await locator.allTextContents()).map((s) => s.trim());
}

// The editor's state <select>: [{value, label, selected}].
async function stateOptions(page) {
  return page.locator('#state-select option').evaluateAll((os) =>
    os.map((o) => ({ value: o.value, label: o.textContent.trim(),
      selected: o.selected })));
}

async function fieldValue(page, label) {
  return page.getByLabel(label, { exact: true }).inputValue();
}

// Fills the editor's fields that are given.
async function fillEditor(page, f) {
  if (f.title !== undefined) {
    await page.getByLabel('Title', { exact: true }).fill(f.title);
  }
  if (f.body !== undefined) {
    await page.getByLabel('Body (Markdown)', { exact: true }).fill(f.body);
  }
  if (f.tags !== undefined) {
    await page.getByLabel('Tags, separated by commas', { exact: true })
      .fill(f.tags);
  }
  if (f.state !== undefined) {
    await page.getByLabel('State', { exact: true })
      .selectOption({ label: f.state });
  }
  if (f.publishAt !== undefined) {
    await page.getByLabel('Publish at (site time)', { exact: true })
      .fill(f.publishAt);
  }
}

// Clicks Save; the answer must be the editor at BASE/ID?saved=1 (BASE
// /admin/articles or /admin/pages).  Returns ID.
async function save(page, what, base = '/admin/articles') {
  const res = await follow(page, page.getByRole('button',
    { name: 'Save', exact: true }), `saving ${what}`);
  const m = new RegExp(`^${base}/(\\d+)\\?saved=1$`).exec(pathOf(page));
  if (!m || res.status() !== 200) {
    fail(`saving ${what}: ended at ${pathOf(page)} with ${res.status()}, ` +
      `expected ${base}/ID?saved=1 with 200${await messages(page)}`);
  }
  return Number(m[1]);
}

// The public address of the article open in the editor (its slug field).
async function publicPath(page) {
  const slug = await fieldValue(page, 'Slug (address)');
  check(slug !== '', `the editor at ${pathOf(page)} shows an empty slug ` +
    'after saving');
  return '/articles/' + encodeURIComponent(slug);
}

// The article page: status 200, <h1> title, and optionally an <h2> in
// the body.
async function checkArticlePage(page, title, heading) {
  const h1 = (await page.locator('article.article h1').textContent()).trim();
  check(h1 === title, `${pathOf(page)}: <h1> is ${JSON.stringify(h1)}, ` +
    `expected ${JSON.stringify(title)}`);
  if (heading) {
    const h2 = await page.locator('article.article .body h2')
      .allTextContents();
    check(h2.map((s) => s.trim()).includes(heading), `${pathOf(page)}: ` +
      `the body has no <h2>${heading}</h2> (its <h2>s: ` +
      `${JSON.stringify(h2)})`);
  }
}

// "YYYY-MM-DDTHH:MM" for Unix time t (seconds) in the zone tz.
function localMinute(t, tz) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(t * 1000)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:` +
    parts.minute;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

// --- two-factor codes (RFC 6238), as an authenticator app makes them --------

const TOTP_STEP_SECONDS = 30;

// The bytes of RFC 4648 base32 text (spaces and padding ignored).
function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const out = [];
  let bits = 0;
  let value = 0;
  for (const c of text.replace(/[\s=]/g, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    check(v >= 0, `${JSON.stringify(text)} is not base32`);
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

// The time step of Unix time ms (milliseconds): floor(seconds / 30).
const totpStep = (ms = Date.now()) =>
  Math.floor(ms / 1000 / TOTP_STEP_SECONDS);

// The 6-digit code of key for a time step: HMAC-SHA1 over the step as 8
// bytes big-endian, dynamic truncation (RFC 4226 section 5.3).
function totp(key, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = crypto.createHmac('sha1', key).update(counter).digest();
  const n = h.readUInt32BE(h[h.length - 1] & 0x0f) & 0x7fffffff;
  return String(n % 1000000).padStart(6, '0');
}

// RFC 6238 appendix B's SHA-1 vectors (their last 6 digits), so that a
// refused code is the site's fault, not this file's.
function totpSelfTest() {
  const key = base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  check(key.toString() === '12345678901234567890', 'base32Decode is wrong');
  for (const [t, code] of [[59, '287082'], [1111111109, '081804'],
    [20000000000, '353130']]) {
    check(totp(key, totpStep(t * 1000)) === code, `totp() at ${t} gives ` +
      `${totp(key, totpStep(t * 1000))}, RFC 6238 says ${code}`);
  }
}

// --- the flow: the newer editors and two-factor login ----------------------

// Step 5: the author turns two-factor login on (the key read as text, the
// code computed here), keeps the recovery codes, logs out, logs in with a
// recovery code; logs out and in again, where the code that turned it on
// and the recovery code already spent are refused.  Leaves the author on
// the code page; returns what step 10 needs: {key, step} (the time step
// of the code that turned it on).
async function twoFactorSetup(apage, au, authorName, password) {
  await go(apage, '/admin');
  let res = await follow(apage, adminLink(apage, 'Your account'),
    'the author opening "Your account"');
  check(res.status() === 200 && pathOf(apage) === '/admin/account',
    `"Your account" led to ${pathOf(apage)} with ${res.status()}`);
  await adminPage(apage, 'account', 'the account page');
  res = await follow(apage, apage.getByRole('button',
    { name: 'Set up two-factor login', exact: true }),
  'starting two-factor setup');
  check(res.status() === 200 &&
    pathOf(apage) === '/admin/account/two-factor/setup', 'starting ' +
    `two-factor setup ended at ${pathOf(apage)} with ${res.status()}` +
    await messages(apage));
  const qr = apage.getByRole('img', { name: 'QR code holding the key of ' +
    'your account for an authenticator app', exact: true });
  check(await qr.count() === 1, 'the setup page has no QR image named ' +
    'for what it holds');
  const src = await qr.getAttribute('src');
  check(/^data:image\/svg\+xml[;,]/.test(src), 'the QR image\'s src is ' +
    `not a data:image/svg+xml URI: ${src.slice(0, 40)}`);
  const drawn = await qr.evaluate((img) => img.complete &&
    img.naturalWidth > 0);
  check(drawn, 'the browser could not draw the QR image');
  await adminPage(apage, 'two-factor-setup', 'the two-factor setup page');
  await narrow(apage, 'two-factor-setup');
  const keyText = (await apage.locator('code.secret').textContent()).trim();
  const key = base32Decode(keyText);
  check(key.length === 20, `the key shown, ${keyText}, is ${key.length} ` +
    'bytes, expected 20');
  const step = totpStep();
  const code = totp(key, step);
  await apage.getByLabel('Code from your app (6 digits)', { exact: true })
    .fill(code);
  res = await follow(apage, apage.getByRole('button', { name: 'Turn on',
    exact: true }), 'turning two-factor login on');
  check(res.status() === 200 && (await apage.locator('h1').textContent())
    .trim() === 'Recovery codes', `turning two-factor login on with ${code} ` +
    `(step ${step}) answered ${res.status()} at ${pathOf(apage)}, not the ` +
    `recovery codes${await messages(apage)}`);
  const codes = await texts(apage.locator('ul.codes code'));
  check(codes.length === 10 && new Set(codes).size === 10 &&
    codes.every((c) => /^[0-9a-z]{5}-[0-9a-z]{5}$/.test(c)), 'the recovery ' +
    `codes page does not show ten different codes: ${JSON.stringify(codes)}`);
  await adminPage(apage, 'recovery-codes', 'the recovery codes page');
  res = await follow(apage, apage.getByRole('link', { name: 'Continue',
    exact: true }), 'leaving the recovery codes');
  check(res.status() === 200 && pathOf(apage) === '/admin/account',
    `"Continue" led to ${pathOf(apage)} with ${res.status()}`);
  const accountText = async () =>
    (await apage.locator('main').textContent()).replace(/\s+/g, ' ');
  let text = await accountText();
  check(/Two-factor login is on/.test(text) &&
    /Recovery codes left: 10\b/.test(text), 'after turning it on, ' +
    '/admin/account does not say two-factor login is on with 10 recovery ' +
    'codes left');
  au.assertClean('step 5, setup');
  pass(`5a. the author turns two-factor login on with the code of step ` +
    `${step} computed from the key shown; the QR image is an SVG data: ` +
    'URI; ten recovery codes shown');

  // Log out; the password now leads to the code page.
  const codePage = async (how) => {
    const r = await sendLogin(apage, 'the author', authorName, password);
    check(r.status() === 200 && pathOf(apage) === '/admin/login' &&
      (await apage.locator('h1').textContent()).trim() ===
      'Code from your app', `the author's password ${how} answered ` +
      `${r.status()} at ${pathOf(apage)}, not the code page` +
      await messages(apage));
  };
  const sendCode = async (value, what) => {
    await apage.getByLabel('Code from your app, or a recovery code',
      { exact: true }).fill(value);
    return follow(apage, apage.getByRole('button', { name: 'Log in',
      exact: true }), `the author sending ${what}`);
  };
  await logout(apage, 'the author');
  await codePage('with two-factor login on');
  await adminPage(apage, 'login-code', 'the login code page');
  res = await sendCode(codes[0], 'a recovery code');
  await atDashboard(apage, 'the author', res, 'with a recovery code');
  await go(apage, '/admin/account');
  text = await accountText();
  check(/Recovery codes left: 9\b/.test(text), 'after logging in with a ' +
    'recovery code, /admin/account does not say 9 are left');
  au.assertClean('step 5, recovery code');

  // Spent codes are refused: the code page again, 403, with a message.
  await logout(apage, 'the author');
  await codePage('again');
  au.expect(url('/admin/login'), 403);
  for (const [value, what] of [[code, 'the code that turned it on'],
    [codes[0], 'the recovery code already used']]) {
    const inWindow = totpStep() <= step + 1;
    res = await sendCode(value, what);
    check(res.status() === 403 && pathOf(apage) === '/admin/login' &&
      /was used already/.test(await messages(apage)), `${what} ` +
      `(${value}) answered ${res.status()} at ${pathOf(apage)}, expected ` +
      `403 and the code page saying it was used${await messages(apage)}`);
    if (!inWindow) note(`${what}: its step is out of the window by now`);
  }
  au.assertClean('step 5, codes refused');
  pass('5b. the password then asks for a code; a recovery code logs in ' +
    '(9 left); logged out, that recovery code and the code that turned it ' +
    'on are refused (403)');
  return { key, step };
}

// Step 6: the editor changes a line of the first article; the comparison
// of the older revision shows that line removed and added; restoring it
// brings the old line back on the public page.
async function revisions(page, ed, edCtx, first) {
  const oldLine = '- second point';
  const newLine = `- second point, revised ${first.stamp}`;
  check(first.body.includes(`\n${oldLine}\n`), 'the first article\'s ' +
    `body has no line ${oldLine}`);
  await go(page, `/admin/articles/${first.id}`);
  await fillEditor(page, { body: first.body.replace(`\n${oldLine}\n`,
    `\n${newLine}\n`) });
  check(await save(page, 'the first article, one line changed') ===
    first.id, 'saving the first article again saved another article');
  const pub = await edCtx.newPage();
  const items = async () => {
    await go(pub, first.path);
    return texts(pub.locator('article.article .body li'));
  };
  let li = await items();
  check(li.includes(newLine.slice(2)), `${first.path} does not show the ` +
    `changed line after saving: its items are ${JSON.stringify(li)}`);

  const revLink = page.locator('main').getByRole('link',
    { name: /^Revisions \(\d+\)$/ });
  check(await revLink.count() === 1, 'the editor has no "Revisions (N)" ' +
    'link');
  const revName = (await revLink.textContent()).trim();
  check(revName === 'Revisions (2)', `the editor's link says ${revName}, ` +
    'expected Revisions (2): one revision per save');
  let res = await follow(page, revLink, `opening "${revName}"`);
  const listPath = `/admin/articles/${first.id}/revisions`;
  check(res.status() === 200 && pathOf(page) === listPath,
    `"${revName}" led to ${pathOf(page)} with ${res.status()}`);
  const rows = page.locator('table.list tbody tr');
  check(await rows.count() === 2, `${listPath} lists ` +
    `${await rows.count()} revisions, expected 2`);
  check(/\(current\)/.test(await rows.nth(0).textContent()) &&
    !/\(current\)/.test(await rows.nth(1).textContent()), `${listPath}: ` +
    'the newest revision is not the only one marked current');
  await adminPage(page, 'revisions', 'the revisions list');
  await narrow(page, 'revisions');

  res = await follow(page, rows.nth(1).getByRole('link'),
    'opening the older revision');
  check(res.status() === 200 && new RegExp(`^${listPath}/\\d+$`)
    .test(pathOf(page)), `the older revision's link led to ` +
    `${pathOf(page)} with ${res.status()}`);
  const revPath = pathOf(page);
  const bodyDiff = page.locator('section[aria-labelledby="diff-body"]');
  const removed = await texts(bodyDiff.locator('tr.diff-removed del'));
  const added = await texts(bodyDiff.locator('tr.diff-added ins'));
  check(removed.length === 1 && removed[0] === oldLine &&
    added.length === 1 && added[0] === newLine, `${revPath}: the body's ` +
    `comparison marks as removed ${JSON.stringify(removed)} and as added ` +
    `${JSON.stringify(added)}; expected the one changed line, before and ` +
    'after');
  // Screen readers get the marks as words.
  const marks = await texts(bodyDiff.locator('tr.diff-removed, ' +
    'tr.diff-added').locator('.diff-mark .visually-hidden'));
  check(marks.join('|') === 'only in this revision|only in the current text',
    `${revPath}: the changed lines' marks read ${JSON.stringify(marks)}`);
  const titleDiff = await page.locator('section[aria-labelledby=' +
    '"diff-title"]').textContent();
  check(/No changes\./.test(titleDiff), `${revPath}: the title's ` +
    'comparison does not say "No changes."');
  await adminPage(page, 'revision', 'the revision comparison');
  await narrow(page, 'revision');

  res = await follow(page, page.getByRole('button',
    { name: 'Restore this revision', exact: true }), 'restoring');
  check(res.status() === 200 && pathOf(page) === `${listPath}?restored=1`,
    `restoring ended at ${pathOf(page)} with ${res.status()}, expected ` +
    `${listPath}?restored=1${await messages(page)}`);
  check(/Revision restored/.test(await page.locator('main').textContent()),
    `${listPath}?restored=1 does not say the revision was restored`);
  check(await rows.count() === 3 &&
    /\(current\)/.test(await rows.nth(0).textContent()), `after restoring, ` +
    `${listPath} lists ${await rows.count()} revisions, expected 3 with ` +
    'the newest current');
  li = await items();
  check(li.includes(oldLine.slice(2)) && !li.includes(newLine.slice(2)),
    `after restoring, ${first.path} shows the items ${JSON.stringify(li)}, ` +
    `expected ${oldLine.slice(2)} again`);
  await pub.close();
  ed.assertClean('step 6');
  pass(`6. a line of /admin/articles/${first.id} changed: "${revName}", ` +
    'the older revision shows it removed and added; restored, ' +
    `${first.path} shows the old line again`);
}

// Step 7: the editor edits the starter's About page and writes a new page,
// both published; their public addresses show the new text.  Returns the
// new page's {title, path}.
async function pages(page, ed, stamp) {
  const openList = async (how) => {
    const r = await how();
    check(r.status() === 200 && pathOf(page) === '/admin/pages',
      `the pages list: ${pathOf(page)} answered ${r.status()}`);
  };
  // Follows the saved editor's "View" link; checks the page's <h1> and
  // that a paragraph of its body reads line.
  const view = async (title, line) => {
    const r = await follow(page, page.locator('.notice').getByRole('link',
      { name: 'View', exact: true }), `viewing ${title}`);
    check(r.status() === 200, `"View" of ${title} answered ${r.status()}`);
    const h1 = (await page.locator('article.page h1').textContent()).trim();
    const paras = await texts(page.locator('article.page .body p'));
    check(h1 === title && paras.includes(line), `${pathOf(page)} shows ` +
      `<h1> ${JSON.stringify(h1)} and no paragraph ${JSON.stringify(line)}` +
      ` (expected the saved ${JSON.stringify(title)})`);
    return pathOf(page);
  };

  await openList(() => follow(page, adminLink(page, 'Pages'),
    'opening Pages'));
  await adminPage(page, 'pages', 'the pages list');
  const about = page.locator('table.list').getByRole('link',
    { name: 'About us', exact: true });
  check(await about.count() === 1, '/admin/pages does not list the ' +
    'starter\'s "About us" once');
  let res = await follow(page, about, 'opening "About us"');
  check(res.status() === 200 && /^\/admin\/pages\/\d+$/.test(pathOf(page)),
    `"About us" led to ${pathOf(page)} with ${res.status()}`);
  await adminPage(page, 'page-editor', 'the page editor');
  const aboutLine = `Visitors are welcome on Thursdays (${stamp}).`;
  const aboutBody = await fieldValue(page, 'Body (Markdown)');
  await fillEditor(page, { body: `${aboutLine}\n\n${aboutBody}`,
    state: 'Published' });
  const aboutId = await save(page, '"About us"', '/admin/pages');
  const aboutPath = await view('About us', aboutLine);
  check(aboutPath === '/about', `"About us" is at ${aboutPath}, the ` +
    'starter\'s address was /about');

  await openList(() => go(page, '/admin/pages'));
  res = await follow(page, page.locator('main').getByRole('link',
    { name: 'New page', exact: true }), 'opening "New page"');
  check(res.status() === 200 && pathOf(page) === '/admin/pages/new',
    `"New page" led to ${pathOf(page)} with ${res.status()}`);
  await adminPage(page, 'page-new', 'the empty page editor');
  const title = `Visiting hours & the gate ${stamp}`;
  const line = `Thursdays from ten, ${stamp}.`;
  await fillEditor(page, { title, body: `${line}\n\n## Where\n\nThe gate.\n`,
    state: 'Published' });
  await page.getByLabel('Slug (address)', { exact: true })
    .fill(`visiting-${stamp}`);
  const newId = await save(page, 'the new page', '/admin/pages');
  const path = await view(title, line);
  check(path === `/visiting-${stamp}`, `the new page is at ${path}, its ` +
    `slug was visiting-${stamp}`);
  ed.assertClean('step 7');
  pass(`7. Pages: "About us" (/admin/pages/${aboutId}) edited and ` +
    `published, /about shows the new line; a new page ` +
    `/admin/pages/${newId} published at ${path}`);
  return { title, path };
}

// Step 8: the editor adds a top-level item for the new page to the main
// menu; the home page's main menu then has it, and it leads to the page.
async function menu(page, ed, target, stamp) {
  await go(page, '/admin');
  let res = await follow(page, adminLink(page, 'Menu'), 'opening Menu');
  check(res.status() === 200 && pathOf(page) === '/admin/menu',
    `"Menu" led to ${pathOf(page)} with ${res.status()}`);
  await adminPage(page, 'menu', 'the menu editor');
  await narrow(page, 'menu');
  const label = `Visiting ${stamp}`;
  const newLabel = page.getByLabel('New item: Label', { exact: true });
  check(await newLabel.count() >= 1, '/admin/menu has no empty row for a ' +
    'new item');
  const row = page.locator('table.menu-rows tbody tr')
    .filter({ has: newLabel }).first();
  await row.getByLabel('New item: Label', { exact: true }).fill(label);
  await row.getByLabel('Address (/path or https://…)', { exact: true })
    .fill(target.path);
  res = await follow(page, page.getByRole('button', { name: 'Save',
    exact: true }), 'saving the menu');
  check(res.status() === 200 &&
    /^\/admin\/menu\?edition=[a-z-]+&saved=1$/.test(pathOf(page)),
  `saving the menu ended at ${pathOf(page)} with ${res.status()}` +
    await messages(page));
  const saved = await page.locator('table.menu-rows input[id^="label-"]')
    .evaluateAll((els) => els.filter((e) => !/^label-new/.test(e.id))
      .map((e) => e.value));
  check(saved.includes(label), `the saved menu has no item ${label}: ` +
    JSON.stringify(saved));

  await go(page, '/');
  const link = page.getByRole('navigation', { name: 'Main menu',
    exact: true }).getByRole('link', { name: label, exact: true });
  check(await link.count() === 1, `the home page's main menu has no ` +
    `link ${JSON.stringify(label)}`);
  res = await follow(page, link, `following the menu's ${label}`);
  check(res.status() === 200 && pathOf(page) === target.path,
    `the menu's ${label} led to ${pathOf(page)} with ${res.status()}, ` +
    `expected ${target.path}`);
  const h1 = (await page.locator('article.page h1').textContent()).trim();
  check(h1 === target.title, `${target.path} shows <h1> ` +
    `${JSON.stringify(h1)}, expected ${JSON.stringify(target.title)}`);
  // The categories and tags pages, from the bar: axe.
  for (const [name, link, p] of [['categories', 'Categories',
    '/admin/categories'], ['tags', 'Tags', '/admin/tags']]) {
    await go(page, '/admin');
    res = await follow(page, adminLink(page, link), `opening ${link}`);
    check(res.status() === 200 && pathOf(page) === p,
      `"${link}" led to ${pathOf(page)} with ${res.status()}`);
    await adminPage(page, name, `the ${name} page`);
  }
  ed.assertClean('step 8');
  pass(`8. Menu: a top-level item "${label}" → ${target.path} added; the ` +
    'home page\'s main menu has it and it leads to the page; the ' +
    'categories and tags pages pass axe');
}

// Step 10: on the code page step 5 left, a code of a later time step than
// the one that turned two-factor login on (waiting for it if need be)
// logs the author in.
async function twoFactorLogin(apage, au, tf) {
  const wait = (tf.step + 1) * TOTP_STEP_SECONDS * 1000 - Date.now();
  if (wait > 0) {
    console.log(`     waiting ${(wait / 1000).toFixed(0)} s for the next ` +
      'time step');
    await sleep(wait + 200);
  }
  const step = totpStep();
  const code = totp(tf.key, step);
  await apage.getByLabel('Code from your app, or a recovery code',
    { exact: true }).fill(code);
  const res = await follow(apage, apage.getByRole('button', { name: 'Log in',
    exact: true }), 'the author sending a fresh code');
  au.expected.delete(url('/admin/login'));
  await atDashboard(apage, 'the author', res,
    `with the code of step ${step}`);
  au.assertClean('step 10');
  pass(`10. on that code page, the code of step ${step} (the one that ` +
    `turned it on was ${tf.step}) logs the author in`);
}

// --- the flow ---------------------------------------------------------------

async function flow(browser, editorName, authorName, password) {
  const stamp = Date.now().toString(36);
  const tz = process.env.GAZETTE_SITE_TZ || 'UTC';

  const edCtx = await browser.newContext({ viewport: WIDE });
  const ed = new Watch(edCtx, 'editor');
  const page = await edCtx.newPage();

  // 1. The editor logs in.
  await login(page, 'editor', editorName, password);
  await adminPage(page, 'dashboard', 'the dashboard');
  ed.assertClean('step 1');
  pass(`1. the editor (${editorName}) logs in through the form and lands on ` +
    '/admin');

  // 2. Writes, previews and publishes an article.
  const title = `"Quoted" & the editor's گزارش ${stamp}`;
  const heading = `Field notes ${stamp}`;
  const body = `Opening paragraph.\n\n## ${heading}\n\n- first point\n` +
    '- second point\n\nA closing line with *emphasis*.\n';
  let res = await follow(page, page.getByRole('link',
    { name: 'New article', exact: true }), 'opening "New article"');
  check(res.status() === 200 && pathOf(page) === '/admin/articles/new',
    `"New article" led to ${pathOf(page)} with ${res.status()}`);
  await adminPage(page, 'editor-new', 'the empty editor');
  await narrow(page, 'editor-new');
  await fillEditor(page, { title, body, tags: 'Alpha, Beta' });
  res = await follow(page, page.getByRole('button',
    { name: 'Preview', exact: true }), 'previewing');
  check(res.status() === 200, `preview answered ${res.status()}`);
  check(pathOf(page) === '/admin/articles/new', `preview moved to ` +
    `${pathOf(page)}: expected to stay on the form's /admin/articles/new`);
  const previewH2 = await page.locator('section.preview .body h2')
    .allTextContents();
  check(previewH2.map((s) => s.trim()).includes(heading),
    `the preview section has no <h2>${heading}</h2> ` +
    `(its <h2>s: ${JSON.stringify(previewH2)})`);
  check(await page.locator('section.preview .body li').count() === 2,
    'the preview does not show the two list items');
  check(await fieldValue(page, 'Title') === title, 'after preview the ' +
    `title field holds ${JSON.stringify(await fieldValue(page, 'Title'))}` +
    `, expected ${JSON.stringify(title)}`);
  check(await fieldValue(page, 'Body (Markdown)') === body,
    'after preview the body field changed');
  check(await fieldValue(page, 'Tags, separated by commas') ===
    'Alpha, Beta', 'after preview the tags field changed');
  await adminPage(page, 'editor-preview', 'the editor with a preview');
  await narrow(page, 'editor-preview');
  {
    // Where JavaScript runs, the preview follows the typing, unsaved.
    const live = `Typed live ${stamp}`;
    await fillEditor(page, { body: `${body}\n${live}\n` });
    await page.locator('section.preview .body p', { hasText: live })
      .waitFor({ timeout: 10000 })
      .catch(() => fail(`the preview did not show "${live}" within 10 s ` +
        'of typing it (www/js/editor.js)'));
    check(pathOf(page) === '/admin/articles/new', 'the live preview ' +
      `moved the page to ${pathOf(page)}`);
    await fillEditor(page, { body });
  }
  {
    const list = await edCtx.newPage();
    await go(list, `/admin/articles?q=${encodeURIComponent(stamp)}`);
    const rows = await list.locator('table.list tbody tr').count();
    check(rows === 0, `after preview, /admin/articles?q=${stamp} lists ` +
      `${rows} article(s): the preview saved something`);
    await list.close();
  }
  await fillEditor(page, { state: 'Published' });
  const firstId = await save(page, 'the first article');
  check(await fieldValue(page, 'Title') === title, 'the saved editor ' +
    `shows the title ${JSON.stringify(await fieldValue(page, 'Title'))}`);
  const saved = (await stateOptions(page)).find((o) => o.selected);
  check(saved && saved.value === 'published', 'the saved editor shows ' +
    `state ${saved && saved.value}, expected published`);
  check(/Saved\./.test(await page.locator('main').textContent()),
    `/admin/articles/${firstId}?saved=1 shows no "Saved." message`);
  await adminPage(page, 'editor-saved', 'the saved editor');
  const firstPath = await publicPath(page);
  ed.assertClean('step 2');
  pass(`2. "New article": preview shows <h2> (and follows typing), ` +
    `nothing saved; saved as ` +
    `Published: /admin/articles/${firstId}?saved=1`);

  // 3. The home page lists it; its page shows the body's <h2>.
  await go(page, '/');
  const link = page.locator('main').getByRole('link',
    { name: title, exact: true });
  check(await link.count() >= 1, `the home page does not list ` +
    `${JSON.stringify(title)}`);
  res = await follow(page, link.first(), 'following the article link');
  check(res.status() === 200, `the article link answered ${res.status()}`);
  check(pathOf(page) === firstPath, `the home page's link led to ` +
    `${pathOf(page)}, the editor's slug says ${firstPath}`);
  await checkArticlePage(page, title, heading);
  const tags = (await page.locator('.tags a').allTextContents())
    .map((s) => s.trim());
  check(tags.includes('Alpha') && tags.includes('Beta'),
    `${firstPath} shows the tags ${JSON.stringify(tags)}, expected Alpha ` +
    'and Beta');
  ed.assertClean('step 3');
  pass(`3. the home page lists it; ${decodeURIComponent(firstPath)} shows ` +
    'the <h1> title and the body\'s <h2>');

  // 4. The author submits for review; the editor publishes.
  const auCtx = await browser.newContext({ viewport: WIDE });
  const au = new Watch(auCtx, 'author');
  const apage = await auCtx.newPage();
  await login(apage, 'author', authorName, password);
  res = await follow(apage, apage.getByRole('link',
    { name: 'New article', exact: true }), 'the author opening "New article"');
  check(res.status() === 200, `the author's "New article" answered ` +
    res.status());
  await adminPage(apage, 'author-editor', 'the author\'s editor');
  const offered = await stateOptions(apage);
  check(!offered.some((o) => o.label === 'Published' ||
    o.value === 'published'), 'the author\'s state menu offers Published: ' +
    JSON.stringify(offered));
  check(offered.map((o) => o.value).join(',') === 'draft,pending',
    'the author\'s state menu is not exactly Draft, Pending review: ' +
    JSON.stringify(offered.map((o) => o.label)));
  const authorTitle = `An author's piece & its review ${stamp}`;
  await fillEditor(apage, { title: authorTitle,
    body: `Written by the author.\n\n## Why ${stamp}\n\nBecause.\n`,
    state: 'Pending review' });
  const authorId = await save(apage, 'the author\'s article');
  const authorPath = await publicPath(apage);
  au.expect(url(authorPath), 404);
  await go(apage, authorPath, 404);
  au.assertClean('step 4, author');
  pass(`4a. the author logs in, is offered only Draft and Pending review, ` +
    `submits /admin/articles/${authorId}; ${authorPath} is 404 meanwhile`);

  await go(page, '/admin/articles?state=pending');
  await adminPage(page, 'list-pending', 'the articles list');
  const pending = page.locator('table.list').getByRole('link',
    { name: authorTitle, exact: true });
  check(await pending.count() === 1, `/admin/articles?state=pending does ` +
    `not list ${JSON.stringify(authorTitle)} once`);
  res = await follow(page, pending, 'opening the pending article');
  check(res.status() === 200 && pathOf(page) ===
    `/admin/articles/${authorId}`, `the pending article's link led to ` +
    `${pathOf(page)} with ${res.status()}`);
  const pendingState = (await stateOptions(page)).find((o) => o.selected);
  check(pendingState && pendingState.value === 'pending', 'the editor ' +
    `shows state ${pendingState && pendingState.value}, expected pending`);
  await fillEditor(page, { state: 'Published' });
  check(await save(page, 'the author\'s article as Published') === authorId,
    'publishing the author\'s article saved another article');
  res = await go(page, '/');
  const alink = page.locator('main').getByRole('link',
    { name: authorTitle, exact: true });
  // Public pages are "Cache-Control: public, no-cache": the copy this
  // browser kept from step 3 is checked again, so the article is there.
  check(await alink.count() >= 1, 'the home page does not list the ' +
    'author\'s article once published');
  res = await follow(page, alink.first(), 'following the author\'s article');
  check(res.status() === 200 && pathOf(page) === authorPath,
    `the author's article link led to ${pathOf(page)} with ` +
    `${res.status()}, expected ${authorPath}`);
  await checkArticlePage(page, authorTitle, `Why ${stamp}`);
  ed.assertClean('step 4, editor');
  pass(`4b. the editor finds it under ?state=pending, publishes it; ` +
    `${authorPath} answers 200 from the home page's link`);

  // 5. The author sets up two-factor login (the code page it leaves is
  // used again in step 10, once a later time step has come).
  const tf = await twoFactorSetup(apage, au, authorName, password);

  // 6 to 8: revisions, pages, the menu.
  await revisions(page, ed, edCtx, { id: firstId, path: firstPath, body,
    stamp });
  const newPage = await pages(page, ed, stamp);
  await menu(page, ed, newPage, stamp);

  // 9. A scheduled article.
  await go(page, '/admin/articles/new');
  const now = Math.floor(Date.now() / 1000);
  const at = Math.floor((now + 70) / 60) * 60; // 10 to 70 s ahead
  const atLocal = localMinute(at, tz);
  const schedTitle = `Scheduled & soon ${stamp}`;
  await fillEditor(page, { title: schedTitle,
    body: `Out at ${atLocal} (${tz}).\n`, state: 'Scheduled',
    publishAt: atLocal });
  const schedId = await save(page, 'the scheduled article');
  const schedState = (await stateOptions(page)).find((o) => o.selected);
  check(schedState && schedState.value === 'scheduled', 'the saved ' +
    `scheduled article shows state ${schedState && schedState.value}` +
    `, expected scheduled (saved ${at - now} s before its time)`);
  const shown = await fieldValue(page, 'Publish at (site time)');
  check(shown === atLocal, `the saved scheduled article shows publish ` +
    `time ${shown}, typed ${atLocal} (${tz})`);
  const schedPath = await publicPath(page);
  ed.expect(url(schedPath), 404);
  await go(page, schedPath, 404);
  check(Date.now() / 1000 < at, `the 404 check of ${schedPath} came after ` +
    'its time');
  const before = ed.requests + au.requests;
  const lead = at - Date.now() / 1000;
  console.log(`     waiting ${(lead + 3).toFixed(0)} s for ${atLocal} ` +
    `${tz} + 3 s, without a request`);
  await sleep(at * 1000 + 3000 - Date.now());
  check(ed.requests + au.requests === before, `${ed.requests + au.requests -
    before} request(s) reached the site while waiting`);
  ed.expected.delete(url(schedPath));
  await go(page, schedPath, 200);
  await checkArticlePage(page, schedTitle, null);
  ed.assertClean('step 9');
  pass(`9. /admin/articles/${schedId} scheduled for ${atLocal} ${tz}: ` +
    `${schedPath} 404 ${lead.toFixed(0)} s before, 200 at +3 s`);

  // 10. The author logs in with a fresh code.
  await twoFactorLogin(apage, au, tf);

  // 11. Both log out.
  for (const [who, p, watch] of [['editor', page, ed], ['author', apage,
    au]]) {
    await go(p, '/admin');
    await logout(p, who);
    const from = (await go(p, '/admin', 200, '/admin/login')).request()
      .redirectedFrom();
    check(from && from.url() === url('/admin') &&
      (await from.response()).status() === 303, `${who}: /admin after ` +
      'logout did not answer 303');
    watch.assertClean(`step 11, ${who}`);
  }
  await shot(page, 'logged-out');
  pass('11. both log out with "Log out"; /admin then answers 303 to ' +
    '/admin/login');
  await auCtx.close();
  await edCtx.close();
}

async function main() {
  const [b, o, editorName, authorName, password] = process.argv.slice(2);
  if (!b || !o || !editorName || !authorName || !password ||
      !/^https?:\/\//.test(b)) {
    console.error('usage: node tests/e2e/admin_flow.mjs BASE_URL OUT_DIR ' +
      'EDITOR_NAME AUTHOR_NAME PASSWORD');
    return 2;
  }
  base = b;
  outDir = o;
  try {
    totpSelfTest();
  } catch (e) {
    console.log(`FAIL ${e.message}`);
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
    axeSource = fs.readFileSync(path.join(path.dirname(
      require.resolve('axe-core/package.json')), 'axe.min.js'), 'utf8');
  } catch (e) {
    console.error(`admin_flow: ${e.message.split('\n')[0]}\n` +
      'admin_flow: run scripts/install-deps.sh test (npm ci in tests/)');
    return 1;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`admin_flow: ${CHROMIUM} not found`);
    return 1;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
  console.log(`admin_flow: chromium ${browser.version()}, ${base}, ` +
    `screenshots in ${outDir}`);
  try {
    await flow(browser, editorName, authorName, password);
  } catch (e) {
    // playwright's own errors (a timeout, a missing element) carry a call
    // log after the first lines; the first lines say what failed.
    console.log(`FAIL ${e instanceof Failure ? e.message :
      String(e && e.message || e).split('\n').slice(0, 6).join('\n     ')}` +
      ` (${elapsed()})`);
    return 1;
  } finally {
    await browser.close();
  }
  console.log(`admin_flow: every step passed (${elapsed()})`);
  return 0;
}

main().then((rc) => process.exit(rc), (e) => {
  console.error('admin_flow: ' + (e && e.stack || e));
  process.exit(1);
});
