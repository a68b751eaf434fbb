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
//   5. the editor schedules an article 10 to 70 s ahead (the site's zone):
//      404 at once; after its time + 3 s, with no request in between, 200;
//   6. both log out with the "Log out" button; /admin then leads to the
//      login page.
// On every admin page the flow visits (login, dashboard, editor, list):
// axe-core with no serious or critical violation (others printed as notes).
// Throughout: no console error, uncaught exception, failed request or
// same-origin answer >= 400 but the 404s the flow expects.  Screenshots
// OUT_DIR/admin-*.png at 1440 px, the editor also at 360 px, where it must
// not scroll horizontally.
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
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT_MS }),
    locator.click(),
  ]);
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

async function login(page, who, name, password) {
  await go(page, '/admin/login');
  await adminPage(page, `login-${who}`, 'the login page');
  await page.getByLabel('User name', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  const res = await follow(page, page.getByRole('button',
    { name: 'Log in', exact: true }), `${who} logging in`);
  const message = await page.locator('.message').allTextContents();
  check(res.status() === 200 && pathOf(page) === '/admin',
    `${who} logging in as ${name}: ended at ${pathOf(page)} with ` +
    `${res.status()}, expected /admin with 200` +
    (message.length ? ` (page says: ${message.join(' ')})` : ''));
  check((await page.locator('h1').textContent()).trim() === 'Dashboard',
    `${who}: /admin after login has no "Dashboard" heading`);
  const bar = await page.locator('.admin-logout').textContent();
  check(/Signed in as/.test(bar), `${who}: the dashboard does not say who ` +
    `is signed in (${bar.trim()})`);
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

// Clicks Save; the answer must be the editor at /admin/articles/ID?saved=1.
// Returns ID.
async function save(page, what) {
  const res = await follow(page, page.getByRole('button',
    { name: 'Save', exact: true }), `saving ${what}`);
  const m = /^\/admin\/articles\/(\d+)\?saved=1$/.exec(pathOf(page));
  if (!m || res.status() !== 200) {
    const message = await page.locator('.message').allTextContents();
    fail(`saving ${what}: ended at ${pathOf(page)} with ${res.status()}, ` +
      'expected /admin/articles/ID?saved=1 with 200' +
      (message.length ? ` (page says: ${message.join(' ')})` : ''));
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
  pass(`2. "New article": preview shows <h2>, nothing saved; saved as ` +
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

  // 5. A scheduled article.
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
  ed.assertClean('step 5');
  pass(`5. /admin/articles/${schedId} scheduled for ${atLocal} ${tz}: ` +
    `${schedPath} 404 ${lead.toFixed(0)} s before, 200 at +3 s`);

  // 6. Both log out.
  for (const [who, p, watch] of [['editor', page, ed], ['author', apage,
    au]]) {
    await go(p, '/admin');
    res = await follow(p, p.getByRole('button',
      { name: 'Log out', exact: true }), `${who} logging out`);
    check(res.status() === 200 && pathOf(p) === '/admin/login',
      `${who} logging out: ended at ${pathOf(p)} with ${res.status()}, ` +
      'expected /admin/login');
    const from = (await go(p, '/admin', 200, '/admin/login')).request()
      .redirectedFrom();
    check(from && from.url() === url('/admin') &&
      (await from.response()).status() === 303, `${who}: /admin after ` +
      'logout did not answer 303');
    watch.assertClean(`step 6, ${who}`);
  }
  await shot(page, 'logged-out');
  pass('6. both log out with "Log out"; /admin then answers 303 to ' +
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
