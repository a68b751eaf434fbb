// browser.mjs: checks pages of a running Gazette site in Debian's chromium
// (headless, driven by playwright-core from tests/node_modules).
//
//   node tests/e2e/browser.mjs BASE_URL OUT_DIR PATH...
//
// A PATH may start with "STATUS:" ("404:/no-such-page") when its main
// document must answer STATUS rather than 200.  Each page is loaded at the
// widths 1440 and 360 (height 900) and must:
//   (a) not scroll horizontally (documentElement.scrollWidth <= innerWidth
//       + 1); the elements sticking out furthest are named;
//   (b) have no axe-core violation of impact serious or critical (moderate
//       and minor ones are printed as notes);
//   (c) log no console error or uncaught exception, and have no failed
//       request nor same-origin answer >= 400 (but the main document's
//       expected status);
//   (d) leave a full-page screenshot OUT_DIR/<name>-<width>.png.
// At 360 px the header navigation's links that the 1440 px layout shows
// must be visible, either at once or after clicking the menu toggle
// (.menu-toggle, details.mobile-nav > summary, else the first visible
// <summary> or <label> in the <header>); the opened menu is saved as
// OUT_DIR/<name>-360-menu.png and must not scroll horizontally either.
//
// Exit 0 when every check passes, 1 when one fails, 2 on bad usage.
// Never run `playwright install`: the browser is Debian's /usr/bin/chromium.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
// 1440 first: the desktop layout tells which menu links 360 must show.
const WIDTHS = [1440, 360];
const HEIGHT = 900;
const NAV_TIMEOUT_MS = 20000;
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

function usage() {
  console.error('usage: node tests/e2e/browser.mjs BASE_URL OUT_DIR ' +
    '[STATUS:]PATH...');
  process.exit(2);
}

// Parses "404:/x" or "/x" into {path, status}.
function parseTarget(arg) {
  const m = /^(\d{3}):(\/.*)$/.exec(arg);
  if (m) return { path: m[2], status: Number(m[1]) };
  if (!arg.startsWith('/')) usage();
  return { path: arg, status: 200 };
}

// A file-name-safe name for a path: "/" is "home".
function nameFor(p, taken) {
  let name = p.replace(/[?#].*$/, '').replace(/^\/+|\/+$/g, '')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    .slice(0, 60) || 'home';
  const base = name;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
  taken.add(name);
  return name;
}

// --- code run inside the page (serialised by playwright) -----------------

// Returns {scrollWidth, innerWidth, offenders: [...]}: the elements that
// stick out past the viewport's end edge (right, or left in RTL), outside
// any clipping or scrolling container, furthest first.
function pageOverflow() {
  const vw = window.innerWidth;
  const sw = document.documentElement.scrollWidth;
  const rtl = getComputedStyle(document.documentElement).direction === 'rtl';
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    for (const c of [...el.classList].slice(0, 3)) s += '.' + c;
    const text = (el.textContent || '').trim().replace(/\s+/g, ' ');
    if (text) s += ` "${text.slice(0, 40)}${text.length > 40 ? '…' : ''}"`;
    return s;
  };
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body &&
         a !== document.documentElement; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const offenders = [];
  if (sw > vw + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const left = r.left + window.scrollX;
      const right = r.right + window.scrollX;
      const over = rtl ? -left : right - vw;
      if (over <= 1 || clipped(el)) continue;
      let depth = 0;
      for (let a = el; a; a = a.parentElement) depth++;
      offenders.push({ what: describe(el), over: Math.round(over), depth,
        width: Math.round(r.width), left: Math.round(left),
        right: Math.round(right) });
    }
    offenders.sort((a, b) => b.over - a.over || b.depth - a.depth);
  }
  return { scrollWidth: sw, innerWidth: vw, offenders: offenders.slice(0, 3) };
}

// Returns the header navigation's links (or null when the page has no
// <nav>) with whether each is visible on screen now.
function navLinks() {
  const header = document.querySelector('header');
  const nav = (header && header.querySelector('nav')) ||
    document.querySelector('nav');
  if (!nav) return null;
  const vw = window.innerWidth;
  return [...nav.querySelectorAll('a[href]')].map((a, index) => {
    const r = a.getBoundingClientRect();
    const shown = r.width > 0 && r.height > 0 && r.right > 0 && r.left < vw &&
      a.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    return { index, href: a.getAttribute('href'),
      text: (a.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40),
      visible: shown };
  });
}

// Marks the menu toggle with data-browser-check-toggle and describes it,
// or returns null when the page has none.
function markToggle() {
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 &&
      el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };
  const candidates = [
    ...document.querySelectorAll('.menu-toggle'),
    ...document.querySelectorAll('details.mobile-nav > summary'),
    ...document.querySelectorAll('header summary, header label'),
  ];
  const el = candidates.find(shown);
  if (!el) return null;
  el.setAttribute('data-browser-check-toggle', '');
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  for (const c of el.classList) s += '.' + c;
  return `${s} "${(el.textContent || '').trim().slice(0, 30)}"`;
}

// --- one page at one width -----------------------------------------------

async function checkPage(context, base, target, width, axeSource, outDir,
  desktopLinks) {
  const failures = [];
  const notes = [];
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  const origin = new URL(base).origin;
  const url = new URL(target.path, base).href;
  const consoleErrors = [];
  const badRequests = [];
  const mainUrls = new Set([url]);

  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      consoleErrors.push({ text: msg.text(), url: (msg.location() || {}).url });
    }
  });
  page.on('pageerror', (err) => consoleErrors.push({ text: 'uncaught ' + err }));
  page.on('requestfailed', (req) => {
    const f = req.failure();
    badRequests.push(`${req.resourceType()} ${req.url()} failed: ` +
      (f ? f.errorText : 'unknown error'));
  });
  page.on('response', (res) => {
    const req = res.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      mainUrls.add(res.url()); // its status is checked below
      return;
    }
    if (res.status() >= 400 && new URL(res.url()).origin === origin) {
      badRequests.push(`${req.resourceType()} ${res.url()} answered ` +
        res.status());
    }
  });

  const started = Date.now();
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load',
      timeout: NAV_TIMEOUT_MS });
  } catch (e) {
    failures.push(`could not load ${url}: ${e.message.split('\n')[0]}`);
    await page.close();
    return { failures, notes, links: null };
  }
  const status = response ? response.status() : 0;
  if (status !== target.status) {
    failures.push(`main document answered ${status}, expected ` +
      target.status);
  }
  await page.evaluate(() => document.fonts.ready.then(() => true));

  // (a) horizontal scrolling
  const ov = await page.evaluate(pageOverflow);
  if (ov.scrollWidth > ov.innerWidth + 1) {
    failures.push(`scrolls horizontally: scrollWidth ${ov.scrollWidth} > ` +
      `innerWidth ${ov.innerWidth}` + (ov.offenders.length ? '' :
      ' (no single element found sticking out)'));
    ov.offenders.forEach((o, i) => failures.push(
      `  ${i ? 'also' : 'widest'}: ${o.what} sticks out ${o.over}px ` +
      `(x ${o.left}..${o.right}, width ${o.width})`));
  }

  // (b) accessibility: evaluated through the DevTools protocol, so the
  // site's Content-Security-Policy (no inline script) does not block it.
  await page.evaluate(axeSource);
  const axe = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }).then((r) =>
      r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        count: v.nodes.length,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        summary: (v.nodes[0] && v.nodes[0].failureSummary || '')
          .split('\n').slice(1, 2).join(' ').trim() }))));
  for (const v of axe) {
    const line = `axe ${v.impact} ${v.id}: ${v.help} — ${v.count} ` +
      `element${v.count === 1 ? '' : 's'}: ${v.targets.join(', ')}` +
      (v.count > v.targets.length ? ', …' : '') +
      (v.summary ? ` [${v.summary}]` : '');
    (BLOCKING_IMPACTS.has(v.impact) ? failures : notes).push(line);
  }

  // (d) screenshot
  const name = target.name;
  await page.screenshot({ path: path.join(outDir, `${name}-${width}.png`),
    fullPage: true });

  // Mobile menu: the links the desktop layout shows must be reachable.
  const links = await page.evaluate(navLinks);
  if (links === null) {
    notes.push('no <nav> element on the page');
  } else if (width >= 1000) {
    if (!links.some((l) => l.visible)) {
      failures.push(`none of the ${links.length} navigation links is visible`);
    }
  } else if (desktopLinks && desktopLinks.length) {
    const wanted = new Set(desktopLinks.filter((l) => l.visible)
      .map((l) => l.index));
    const hidden = (ls) => ls.filter((l) => wanted.has(l.index) && !l.visible);
    const toggle = await page.evaluate(markToggle);
    if (hidden(links).length === 0) {
      notes.push(`menu: all ${wanted.size} navigation links visible without ` +
        'opening anything' + (toggle ? '' : ' (no menu toggle in <header>)'));
    } else if (!toggle) {
      failures.push(`menu: ${hidden(links).length} of ${wanted.size} ` +
        'navigation links hidden and no menu toggle (.menu-toggle, ' +
        'details.mobile-nav, or a <summary>/<label> in <header>): ' +
        hidden(links).map((l) => `"${l.text}" ${l.href}`).join(', '));
    } else {
      await page.click('[data-browser-check-toggle]', { timeout: 5000 });
      let after = await page.evaluate(navLinks);
      for (let i = 0; i < 10 && hidden(after).length; i++) {
        await page.waitForTimeout(100); // let a transition end
        after = await page.evaluate(navLinks);
      }
      if (hidden(after).length) {
        failures.push(`menu: after clicking ${toggle}, ` +
          `${hidden(after).length} of ${wanted.size} navigation links are ` +
          'still hidden: ' +
          hidden(after).map((l) => `"${l.text}" ${l.href}`).join(', '));
      } else {
        notes.push(`menu: clicking ${toggle} shows all ${wanted.size} ` +
          'navigation links');
      }
      const open = await page.evaluate(pageOverflow);
      if (open.scrollWidth > open.innerWidth + 1) {
        failures.push('scrolls horizontally with the menu open: scrollWidth ' +
          `${open.scrollWidth} > innerWidth ${open.innerWidth}` +
          (open.offenders[0] ? `; widest: ${open.offenders[0].what}` : ''));
      }
      await page.screenshot({ path: path.join(outDir,
        `${name}-${width}-menu.png`), fullPage: true });
    }
  }

  // (c) console and requests, now that everything has run.
  for (const e of consoleErrors) {
    // Chromium logs the main document's status >= 400 as a console error:
    // allowed when it is the status the page was asked to have.
    if (target.status >= 400 && mainUrls.has(e.url) &&
        e.text.includes(`status of ${target.status}`)) continue;
    failures.push(`console error: ${e.text}` + (e.url ? ` (${e.url})` : ''));
  }
  for (const r of badRequests) failures.push('request: ' + r);
  notes.push(`status ${status}, ${((Date.now() - started) / 1000).toFixed(1)}` +
    ` s, screenshot ${name}-${width}.png`);
  await page.close();
  return { failures, notes, links };
}

// --- main --------------------------------------------------------------------

async function main() {
  const [base, outDir, ...args] = process.argv.slice(2);
  if (!base || !outDir || args.length === 0 || !/^https?:\/\//.test(base)) {
    usage();
  }
  const taken = new Set();
  const targets = args.map(parseTarget).map((t) =>
    ({ ...t, name: nameFor(t.path, taken) }));
  fs.mkdirSync(outDir, { recursive: true });

  let chromium;
  let axeSource;
  try {
    ({ chromium } = require('playwright-core'));
    axeSource = fs.readFileSync(path.join(path.dirname(
      require.resolve('axe-core/package.json')), 'axe.min.js'), 'utf8');
  } catch (e) {
    console.error(`browser: ${e.message.split('\n')[0]}\n` +
      'browser: run scripts/install-deps.sh test (npm ci in tests/)');
    return 1;
  }
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`browser: ${CHROMIUM} not found ` +
      '(scripts/install-deps.sh test installs Debian\'s chromium)');
    return 1;
  }

  const t0 = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
  console.log(`browser: chromium ${browser.version()}, ${base}, ` +
    `screenshots in ${outDir}`);
  const desktop = new Map();
  const results = [];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT } });
      try {
        for (const t of targets) {
          const r = await checkPage(context, base, t, width, axeSource, outDir,
            desktop.get(t.path));
          if (width === WIDTHS[0]) desktop.set(t.path, r.links);
          results.push({ target: t, width, ...r });
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }

  let failed = 0;
  for (const t of targets) {
    console.log(`\n== ${t.path}` + (t.status !== 200 ?
      ` (expects ${t.status})` : ''));
    for (const r of results.filter((x) => x.target === t)) {
      if (r.failures.length) failed++;
      console.log(`  ${r.failures.length ? 'FAIL' : 'ok  '} ${r.width} px`);
      for (const f of r.failures) console.log(`       - ${f}`);
      for (const n of r.notes) console.log(`         note: ${n}`);
    }
  }
  console.log(`\nbrowser: ${results.length - failed} of ${results.length} ` +
    `page checks clean, ${failed} failing ` +
    `(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return failed ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
  console.error('browser: ' + (e && e.stack || e));
  process.exit(1);
});
