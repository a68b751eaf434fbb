// media_flow.mjs: the media library in a real browser (Debian's chromium,
// headless, driven by playwright-core), as an editor uses it.
//
//   node tests/e2e/media_flow.mjs BASE_URL OUT_DIR EDITOR_NAME PASSWORD
//
// The account must exist and the site accept a form sent at once
// (form_min_seconds 0) from BASE_URL's origin (base_url).  In order,
// stopping at the first problem:
//   1. the editor logs in and opens a new article; types a title and a
//      body, picks Published, an image file (demo/images/open-door.jpg) and
//      its alt text below the form, and presses "Upload and use as featured
//      image": the browser sends the whole editor as multipart (the button's
//      formaction and formenctype, the fields bound by form="editor"); the
//      editor comes back with the text as typed and the new image's address
//      as the featured image, and nothing saved yet;
//   2. Save: the article is published with that image; its public page
//      shows it in a <picture> with WebP and JPEG srcsets, and the browser
//      loads one of them;
//   3. the library shows the upload first, in the grid and in the list;
//      its page says it is the article's featured image and offers no
//      delete;
//   4. in the editor, "Choose from the library" lists images with the
//      current one checked; Enter in its search field searches (with
//      www/js/media.js; the current image stays listed); another is picked
//      and saved;
//   5. a reader opens the photo gallery (/media/photos), an album, and its
//      first photo: the lightbox page, whose "Next photo" link turns to
//      photos 2 and 3 and "Previous photo" back to 2, each with its URL,
//      count and a loaded image of its own; then the arrow keys
//      (www/js/gallery.js) do the same (ArrowRight to 3, ArrowLeft to 2)
//      and Escape returns to the album.
// axe-core on each admin page (no serious or critical violation), no
// console error, failed request or answer >= 400 throughout; screenshots
// OUT_DIR/media-*.png, and the article's page and the home page as sent,
// with the new image, in OUT_DIR/media-article.html and media-home.html.  Exit 0 when everything passes, 1 at the first
// failure, 2 on bad usage.  Never run `playwright install`.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../package.json', import.meta.url));

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const TIMEOUT_MS = 15000;
const IMAGE = path.resolve('demo/images/open-door.jpg');
const TITLE = 'A door in the wall';

class Failure extends Error {}

function check(cond, message) {
  if (!cond) throw new Failure(message);
}

let base;
let outDir;
let axeSource;
const problems = [];

function url(p) {
  return new URL(p, base).href;
}

function pathOf(page) {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

// Records what must not happen on any page of the context.
function watch(context) {
  const origin = new URL(base).origin;
  context.on('requestfailed', (req) => problems.push(
    `${req.url()} failed: ${(req.failure() || {}).errorText}`));
  context.on('response', (res) => {
    if (res.status() >= 400 && new URL(res.url()).origin === origin) {
      problems.push(`${res.url()} answered ${res.status()}`);
    }
  });
  context.on('page', (page) => {
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught ${e}`));
  });
}

function clean(where) {
  check(problems.length === 0, `${where}: ${problems.join('; ')}`);
}

async function go(page, p) {
  const res = await page.goto(url(p), { waitUntil: 'load' });
  check(res && res.status() === 200, `GET ${p}: ${res && res.status()}`);
}

// Clicks and waits for the document that comes back; returns its response.
async function follow(page, locator, what) {
  const [res] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT_MS }),
    locator.click(),
  ]);
  check(res, `${what}: no document came back`);
  return res;
}

// axe-core (serious and critical violations fail), then a screenshot.
async function review(page, name) {
  await page.evaluate(axeSource);
  const bad = await page.evaluate(() => window.axe.run(document,
    { resultTypes: ['violations'] }).then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) =>
      n.target.join(' ')).slice(0, 3).join(', ')})`)));
  check(bad.length === 0, `axe on ${name}: ${bad.join('; ')}`);
  await page.screenshot({ path: path.join(outDir, `media-${name}.png`),
    fullPage: true });
  console.log(`ok   ${name} (${pathOf(page)})`);
}

async function flow(browser, name, password) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 } });
  watch(context);
  const page = await context.newPage();

  await go(page, '/admin/login');
  await page.getByLabel('User name', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await follow(page, page.getByRole('button', { name: 'Log in' }), 'login');
  check(pathOf(page) === '/admin', `login ended at ${pathOf(page)}`);

  // 1. An image uploaded from the editor, the text kept.
  await go(page, '/admin/articles/new');
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.getByLabel('Body (Markdown)', { exact: true })
    .fill('First line.\n\nSecond line.');
  await page.getByLabel('State', { exact: true })
    .selectOption({ label: 'Published' });
  await page.getByLabel('Alternative text', { exact: true })
    .fill('An open door in a red wall');
  await page.getByLabel('File', { exact: true }).setInputFiles(IMAGE);
  let res = await follow(page, page.getByRole('button',
    { name: 'Upload and use as featured image' }), 'uploading');
  check(res.status() === 200 && pathOf(page) === '/admin/media/upload?' +
    'article=0', `upload: ${res.status()} at ${pathOf(page)}`);
  check(/Uploaded\. Save the article/.test(await page.locator('.notice')
    .textContent()), 'no notice after the upload');
  check(await page.getByLabel('Title', { exact: true }).inputValue() ===
    TITLE, 'the title was lost');
  check(await page.getByLabel('Body (Markdown)', { exact: true })
    .inputValue() === 'First line.\n\nSecond line.', 'the body was lost');
  const featured = await page.locator('#featured').inputValue();
  check(/^\d{4}\/\d{2}\/[0-9a-f]{32}\.jpg$/.test(featured),
    `the featured image is ${featured}`);
  check(await page.locator('.featured-current img').evaluate((i) =>
    i.complete && i.naturalWidth > 0), 'the new image does not show');
  await review(page, 'editor-uploaded');
  {
    // With script, "Insert" puts a recent image's line at the cursor.
    const text = page.getByLabel('Body (Markdown)', { exact: true });
    await page.locator('details.insert summary').click();
    await text.evaluate((t) => t.setSelectionRange(11, 11));
    const line = await page.locator('.media-snippets li code').first()
      .textContent();
    await page.locator('.media-snippets li').first()
      .getByRole('button', { name: 'Insert', exact: true }).click();
    check(await text.inputValue() === `First line.\n${line}\n\n\nSecond ` +
      'line.', `after Insert the body is ${JSON.stringify(
        await text.inputValue())}`);
    await text.fill('First line.\n\nSecond line.');
  }
  clean('uploading from the editor');

  // 2. Saved and published: the public page's <picture>.
  res = await follow(page, page.getByRole('button',
    { name: 'Save', exact: true }), 'saving');
  const m = /^\/admin\/articles\/(\d+)\?saved=1$/.exec(pathOf(page));
  check(m && res.status() === 200, `saving ended at ${pathOf(page)}`);
  const editorPath = `/admin/articles/${m[1]}`;
  const slug = await page.getByLabel('Slug (address)', { exact: true })
    .inputValue();
  await go(page, `/articles/${slug}`);
  const img = page.locator('.featured picture img');
  await img.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const i = document.querySelector('.featured picture img');
    return i && i.complete && i.naturalWidth > 0;
  });
  const shown = await img.evaluate((i) => ({ src: i.currentSrc,
    srcset: i.srcset, alt: i.alt,
    webp: i.parentElement.querySelector('source[type="image/webp"]')
      .srcset }));
  check(shown.src.includes(`/uploads/${featured.slice(0, -4)}`),
    `the page shows ${shown.src}`);
  check(/-640\.jpg 640w/.test(shown.srcset) && /1200w$/.test(shown.srcset),
    `img srcset ${shown.srcset}`);
  check(/-1024\.webp 1024w/.test(shown.webp), `WebP srcset ${shown.webp}`);
  check(shown.alt === 'An open door in a red wall', `alt ${shown.alt}`);
  await page.screenshot({ path: path.join(outDir, 'media-article.png') });
  // The pages as sent, for the HTML validator (test_media_browser.py).
  for (const [name, p] of [['article', `/articles/${slug}`], ['home', '/']]) {
    const sent = await context.request.get(url(p));
    check(sent.status() === 200, `GET ${p}: ${sent.status()}`);
    fs.writeFileSync(path.join(outDir, `media-${name}.html`),
      await sent.text());
  }
  console.log(`ok   article (${shown.src})`);
  clean('the public article');

  // 3. The library: grid, list, the item's page.
  await go(page, '/admin/media');
  const first = page.locator('.media-grid a').first();
  check((await first.textContent()).includes('open-door'),
    'the upload is not first in the library');
  await review(page, 'library-grid');
  await go(page, '/admin/media?view=list&kind=image');
  await review(page, 'library-list');
  await go(page, '/admin/media');
  await follow(page, page.locator('.media-grid a').first(), 'the item');
  const uses = await page.locator('.uses').textContent();
  check(uses.includes(TITLE) && uses.includes('featured image'),
    `its uses: ${uses}`);
  check(await page.getByRole('button', { name: 'Delete permanently' })
    .count() === 0, 'an image in use offers to be deleted');
  await review(page, 'item');

  // 4. Another image picked in the editor.
  await go(page, editorPath);
  await follow(page, page.getByRole('button',
    { name: 'Choose from the library' }), 'the chooser');
  const checked = await page.locator('.chooser input:checked').inputValue();
  check(checked === featured, `the chooser checks ${checked}`);
  await review(page, 'chooser');
  // Enter in its search field searches (www/js/media.js), saving nothing.
  await page.locator('#image_q').fill('kitchen');
  await Promise.all([
    page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT_MS }),
    page.locator('#image_q').press('Enter'),
  ]);
  const labels = await page.locator('.chooser label').allTextContents();
  check(labels.some((l) => l.includes('kitchen-table')) &&
    !labels.some((l) => l.includes('birds-over-hills')),
  `searching "kitchen" lists ${labels.join(', ')}`);
  check(await page.locator('.chooser input:checked').inputValue() ===
    featured, 'the current image left the chooser');
  const other = page.locator('.chooser input[type="radio"]').nth(2);
  const otherPath = await other.inputValue();
  await other.check();
  await follow(page, page.getByRole('button', { name: 'Save the article' }),
    'saving the pick');
  check(pathOf(page) === `${editorPath}?saved=1`,
    `saving the pick ended at ${pathOf(page)}`);
  check(await page.locator('#featured').inputValue() === otherPath,
    'the picked image was not saved');
  clean('choosing from the library');

  // 5. An album and its lightbox, as a reader (no session).
  await context.clearCookies();
  await lightbox(page);
  clean('the album and its lightbox');
  await context.close();
}

// The photo page's state: its address, "Photo N of M" and the image
// shown, once loaded.
async function photoShown(page) {
  await page.waitForFunction(() => {
    const i = document.querySelector('.lightbox-figure img');
    return i && i.complete && i.naturalWidth > 0;
  });
  return {
    path: pathOf(page),
    count: (await page.locator('.lightbox h1 .count').textContent()).trim(),
    src: await page.locator('.lightbox-figure img')
      .evaluate((i) => i.currentSrc),
  };
}

// Checks that the photo page is photo n of the album at albumPath, and
// that its image is not one of the others seen (by position).
function checkPhoto(shown, albumPath, n, total, seen) {
  check(shown.path === `${albumPath}/${n}`,
    `photo ${n}: the address is ${shown.path}`);
  check(shown.count === `Photo ${n} of ${total}`,
    `photo ${n}: the count says "${shown.count}"`);
  check(/\/uploads\//.test(shown.src), `photo ${n} shows ${shown.src}`);
  for (const [m, src] of Object.entries(seen)) {
    check(Number(m) === n ? src === shown.src : src !== shown.src,
      `photo ${n} shows ${shown.src}, photo ${m} showed ${src}`);
  }
  seen[n] = shown.src;
}

// Step 5: the gallery, an album, its lightbox by links and by keys.
async function lightbox(page) {
  await go(page, '/media/photos');
  await follow(page, page.getByRole('link',
    { name: 'Kitchen tables in three cities' }).first(), 'the album');
  const albumPath = pathOf(page);
  check(albumPath === '/media/photos/kitchen-tables',
    `the album is at ${albumPath}`);
  const links = page.locator('.photo-grid a');
  const total = await links.count();
  check(total >= 3, `the album shows ${total} photos`);
  await review(page, 'album');

  const seen = {};
  await follow(page, links.first(), 'the first photo');
  checkPhoto(await photoShown(page), albumPath, 1, total, seen);
  check(await page.getByRole('link', { name: 'Previous photo' }).count() ===
    0, 'the first photo links to a previous one');
  await review(page, 'photo');
  const next = page.getByRole('link', { name: 'Next photo' });
  const prev = page.getByRole('link', { name: 'Previous photo' });
  await follow(page, next, 'Next photo');
  checkPhoto(await photoShown(page), albumPath, 2, total, seen);
  await follow(page, next, 'Next photo, again');
  checkPhoto(await photoShown(page), albumPath, 3, total, seen);
  await follow(page, prev, 'Previous photo');
  checkPhoto(await photoShown(page), albumPath, 2, total, seen);

  // The keys of www/js/gallery.js follow the same links.
  const key = async (k, what) => {
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT_MS }),
      page.keyboard.press(k),
    ]);
    console.log(`ok   ${what} (${pathOf(page)})`);
  };
  await key('ArrowRight', 'ArrowRight');
  checkPhoto(await photoShown(page), albumPath, 3, total, seen);
  await key('ArrowLeft', 'ArrowLeft');
  checkPhoto(await photoShown(page), albumPath, 2, total, seen);
  await key('Escape', 'Escape');
  check(pathOf(page) === albumPath, `Escape went to ${pathOf(page)}`);
}

async function main() {
  const [baseArg, outArg, name, password] = process.argv.slice(2);
  if (!password) {
    console.error('usage: media_flow.mjs BASE_URL OUT_DIR NAME PASSWORD');
    return 2;
  }
  base = baseArg;
  outDir = outArg;
  const { chromium } = require('playwright-core');
  axeSource = fs.readFileSync(path.join(path.dirname(
    require.resolve('axe-core/package.json')), 'axe.min.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM,
    args: CHROMIUM_ARGS, headless: true, timeout: 60000 });
  try {
    await flow(browser, name, password);
  } catch (e) {
    console.log(`FAIL ${e instanceof Failure ? e.message :
      String(e && e.message || e).split('\n').slice(0, 6).join('\n     ')}`);
    return 1;
  } finally {
    await browser.close();
  }
  console.log('media_flow: every step passed');
  return 0;
}

main().then((rc) => process.exit(rc), (e) => {
  console.error('media_flow: ' + (e && e.stack || e));
  process.exit(1);
});
