// editions_flow.mjs: checks that the editions' pages are laid out in their
// own direction, in Debian's chromium (headless, driven by playwright-core
// from tests/node_modules).  browser.mjs checks the same pages for
// horizontal scrolling, axe-core and failed requests; this script checks
// what is particular to editions.
//
//   node tests/e2e/editions_flow.mjs BASE_URL OUT_DIR LANG:DIR:PATH...
//
// For each page (LANG and DIR what <html lang dir> must say), at 1440 and
// 360 px wide (height 900):
//   (a) <html lang dir> and the computed direction of <body> are LANG
//       and DIR;
//   (b) no horizontal scroll: documentElement.scrollWidth <= innerWidth;
//   (c) the layout mirrors: at 1440 px the sidebar's box lies wholly to
//       the right of <main> in ltr and wholly to its left in rtl; the
//       site name and <main> start at the start edge of the header's
//       column (right in rtl) and the sidebar ends at its end edge; the
//       first summary's or the article's title starts at the start edge
//       of its heading (when it is in the edition's direction); at 360 px
//       the sidebar comes below <main>;
//   (d) the page's <h1> or first title is drawn with fonts that have its
//       script (for Arabic script, a font whose name says Arabic, Naskh
//       or Kufi; never a fallback with no glyphs), as chromium reports
//       through the DevTools protocol (CSS.getPlatformFontsForNode);
//   (e) a screenshot OUT_DIR/<lang>-<name>-<width>.png.
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
const WIDTHS = [1440, 360];
const HEIGHT = 900;
const NAV_TIMEOUT_MS = 20000;
const ARABIC_SCRIPT = /[\u0600-\u06ff]/;
const ARABIC_FONT = /arabic|naskh|kufi/i;

function usage() {
  console.error('usage: node tests/e2e/editions_flow.mjs BASE_URL OUT_DIR ' +
    'LANG:DIR:PATH...');
  process.exit(2);
}

// Parses "fa:rtl:/fa/" into {lang, dir, path, name}.
function parseTarget(arg) {
  const m = /^([a-z]{2,3}):(ltr|rtl):(\/.*)$/.exec(arg);
  if (!m) usage();
  const rest = m[3].replace(/^\/+|\/+$/g, '').replace(/^[a-z]{2}(\/|$)/, '')
    .replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 40);
  return { lang: m[1], dir: m[2], path: m[3], name: `${m[1]}-${rest || 'home'}` };
}

// --- code run inside the page --------------------------------------------

// Describes the page's direction and the boxes of its main parts.
function layout() {
  const box = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top + window.scrollY,
      bottom: r.bottom + window.scrollY, width: r.width };
  };
  // The header's content box: its box less its padding.
  const content = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    return { left: r.left + parseFloat(cs.paddingLeft),
      right: r.right - parseFloat(cs.paddingRight) };
  };
  // The first title's text, as a box of its own (a Range), not the
  // heading's, which spans the column.
  const titleEl = document.querySelector('main h1:not(.visually-hidden), ' +
    'main .summary h2');
  let title = null;
  if (titleEl) {
    const range = document.createRange();
    range.selectNodeContents(titleEl);
    const r = range.getBoundingClientRect();
    const block = titleEl.getBoundingClientRect();
    title = { left: r.left, right: r.right, text: titleEl.textContent.trim(),
      dir: getComputedStyle(titleEl).direction, blockLeft: block.left,
      blockRight: block.right };
  }
  return {
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    bodyDirection: getComputedStyle(document.body).direction,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    main: box('main'), sidebar: box('.sidebar'), siteName: box('.site-name'),
    header: content('.header-inner'), title,
  };
}

// --- one page at one width -----------------------------------------------

const near = (a, b) => Math.abs(a - b) <= 2;

async function checkPage(context, base, t, width, outDir) {
  const failures = [];
  const notes = [];
  const page = await context.newPage();
  page.setDefaultTimeout(NAV_TIMEOUT_MS);
  const url = new URL(t.path, base).href;
  let res;
  try {
    res = await page.goto(url, { waitUntil: 'load', timeout: NAV_TIMEOUT_MS });
  } catch (e) {
    failures.push(`could not load ${url}: ${e.message.split('\n')[0]}`);
    await page.close();
    return { failures, notes };
  }
  if (!res || res.status() !== 200) {
    failures.push(`answered ${res ? res.status() : 'nothing'}`);
  }
  await page.evaluate(() => document.fonts.ready.then(() => true));
  const l = await page.evaluate(layout);

  // (a) language and direction
  if (l.lang !== t.lang || l.dir !== t.dir || l.bodyDirection !== t.dir) {
    failures.push(`<html lang="${l.lang}" dir="${l.dir}">, body ` +
      `${l.bodyDirection}; expected lang ${t.lang}, dir ${t.dir}`);
  }
  // (b) no horizontal scrolling
  if (l.scrollWidth > l.innerWidth) {
    failures.push(`scrolls horizontally: scrollWidth ${l.scrollWidth} > ` +
      `innerWidth ${l.innerWidth}`);
  }
  // (c) mirrored layout
  const rtl = t.dir === 'rtl';
  if (!l.main || !l.sidebar || !l.siteName || !l.header) {
    failures.push('no main, .sidebar, .site-name or .header-inner');
  } else if (width >= 1000) {
    const mirrored = rtl ? l.sidebar.right <= l.main.left
      : l.sidebar.left >= l.main.right;
    if (!mirrored) {
      failures.push(`sidebar x ${Math.round(l.sidebar.left)}..` +
        `${Math.round(l.sidebar.right)} is not ${rtl ? 'left' : 'right'} ` +
        `of main x ${Math.round(l.main.left)}..${Math.round(l.main.right)}`);
    } else {
      notes.push(`sidebar ${rtl ? 'left' : 'right'} of main ` +
        `(${Math.round(l.sidebar.left)}..${Math.round(l.sidebar.right)} / ` +
        `${Math.round(l.main.left)}..${Math.round(l.main.right)})`);
    }
    // The header's content, main and the sidebar share one column: the
    // site name and main start at its start edge, the sidebar ends at its
    // end edge (so the layout fills it, whatever the page holds).
    const start = rtl ? l.header.right : l.header.left;
    const end = rtl ? l.header.left : l.header.right;
    const edges = [['the site name', rtl ? l.siteName.right : l.siteName.left,
      start], ['main', rtl ? l.main.right : l.main.left, start],
    ['the sidebar', rtl ? l.sidebar.left : l.sidebar.right, end]];
    for (const [what, x, want] of edges) {
      if (!near(x, want)) {
        const edge = want === start ? 'start' : 'end';
        failures.push(`${what}'s ${edge} edge is at x ${Math.round(x)}, ` +
          `not the column's at x ${Math.round(want)}`);
      }
    }
  } else if (l.sidebar.top < l.main.bottom) {
    failures.push(`at ${width} px the sidebar (y ${Math.round(l.sidebar.top)})` +
      ` is not below main (ends at y ${Math.round(l.main.bottom)})`);
  }
  if (!l.title) {
    failures.push('no <h1> or summary title in main');
  } else if (l.title.dir === t.dir) {
    // A title in the edition's own direction starts at its heading's
    // start edge (text-align: start, and the heading in the column).
    const atStart = rtl ? near(l.title.right, l.title.blockRight)
      : near(l.title.left, l.title.blockLeft);
    if (!atStart) {
      failures.push(`the title "${l.title.text.slice(0, 30)}" (x ` +
        `${Math.round(l.title.left)}..${Math.round(l.title.right)}) does ` +
        `not start at its heading's ${rtl ? 'right' : 'left'} edge ` +
        `(${Math.round(l.title.blockLeft)}..` +
        `${Math.round(l.title.blockRight)})`);
    }
  } else {
    notes.push(`title "${l.title.text.slice(0, 30)}" is ${l.title.dir} ` +
      '(dir="auto")');
  }

  // (d) the title's glyphs come from fonts that have them
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: 'main h1:not(.visually-hidden), main .summary h2' });
    if (!nodeId) {
      failures.push('no title node for the font check');
    } else {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode',
        { nodeId });
      const used = fonts.map((f) => `${f.familyName} (${f.glyphCount})`);
      const text = l.title ? l.title.text : '';
      if (!fonts.length || fonts.some((f) => /last ?resort/i.test(f.familyName))) {
        failures.push(`the title is drawn with ${used.join(', ') || 'no font'}`);
      } else if (ARABIC_SCRIPT.test(text) &&
                 !fonts.some((f) => ARABIC_FONT.test(f.familyName))) {
        failures.push(`Arabic-script title drawn without an Arabic font: ` +
          used.join(', '));
      } else {
        notes.push(`title drawn with ${used.join(', ')}`);
      }
    }
  } finally {
    await cdp.detach();
  }

  // (e) screenshot
  const file = `${t.name}-${width}.png`;
  await page.screenshot({ path: path.join(outDir, file), fullPage: true });
  notes.push(`screenshot ${file}`);
  await page.close();
  return { failures, notes };
}

async function main() {
  const [base, outDir, ...args] = process.argv.slice(2);
  if (!base || !outDir || args.length === 0 || !/^https?:\/\//.test(base)) {
    usage();
  }
  const targets = args.map(parseTarget);
  fs.mkdirSync(outDir, { recursive: true });
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    console.error(`editions: ${e.message.split('\n')[0]}\n` +
      'editions: run scripts/install-deps.sh test (npm ci in tests/)');
    return 1;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
  const results = [];
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT } });
      try {
        for (const t of targets) {
          results.push({ t, width,
            ...await checkPage(context, base, t, width, outDir) });
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  let failed = 0;
  for (const r of results) {
    if (r.failures.length) failed++;
    console.log(`${r.failures.length ? 'FAIL' : 'ok  '} ${r.t.path} ` +
      `(${r.t.lang}, ${r.t.dir}) ${r.width} px`);
    for (const f of r.failures) console.log(`       - ${f}`);
    for (const n of r.notes) console.log(`         note: ${n}`);
  }
  console.log(`\neditions: ${results.length - failed} of ${results.length} ` +
    `page checks clean, ${failed} failing`);
  return failed ? 1 : 0;
}

main().then((rc) => process.exit(rc), (e) => {
  console.error('editions: ' + (e && e.stack || e));
  process.exit(1);
});
