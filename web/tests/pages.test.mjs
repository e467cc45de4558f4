// Browser tests of the web pages: Debian's Chromium driven by playwright-core, axe-core
// injected as a file. Run against a running server:
//
//   CCTEAM_URL=http://127.0.0.1:8080 CCTEAM_SCREENSHOTS=/tmp/shots node --test web/tests/
//
// Before the server exists: render the pages to files and serve them with the workspace's CSP,
//   CCTEAM_WRITE_PAGES=/tmp/site build/dev/tests/ccteam_server_tests --gtest_filter='*Writes*'
//   web/tests/serve_pages.py /tmp/site build/dev/share/ccteam/web/static   # prints the URL
//
// CCTEAM_URL is the server's base URL (required); CCTEAM_SCREENSHOTS a folder for the
// screenshots (default: a folder in the system's temporary directory). CHROMIUM overrides the
// browser's path (default /usr/bin/chromium).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const axePath = join(here, '..', 'node_modules', 'axe-core', 'axe.min.js');
const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const shots = process.env.CCTEAM_SCREENSHOTS || join(tmpdir(), 'ccteam-screenshots');
const maxScriptBytes = 50 * 1024;

// Pages and what their main heading says (from data/catalog/roles.yaml and the message tables).
const pages = [
  { name: 'ladder', path: '/roles', heading: { en: 'Career ladder', de: 'Karriereleiter' } },
  { name: 'agent', path: '/roles/agent', heading: { en: 'Call-Center Agent', de: 'Callcenter-Agent' } },
  {
    name: 'team-lead',
    path: '/roles/team-lead',
    heading: { en: 'Call-Center Team Lead', de: 'Teamleitung' },
  },
];
const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
};
const langs = ['en', 'de'];
// Pages of one suite run side by side in the one browser (each in its own context).

let browser;

before(async () => {
  assert.ok(base, 'set CCTEAM_URL to the base URL of a running ccteam serve');
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

// Runs 'body' with a fresh page in its own context; fails when the page logged an error to
// the console (a Content-Security-Policy violation among them) or threw.
async function withPage(options, body) {
  const context = await browser.newContext(options);
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    const result = await body(page);
    assert.deepEqual(errors, [], 'errors in the browser console');
    return result;
  } finally {
    await context.close();
  }
}


// The scripts a page loaded, as gzip bytes: what the server sent if it compressed, else the
// body compressed here with zlib.
async function scriptBytes(responses) {
  let total = 0;
  const parts = [];
  for (const r of responses) {
    const encoding = (await r.allHeaders())['content-encoding'];
    const size = encoding ? (await r.request().sizes()).responseBodySize : gzipSync(await r.body()).length;
    total += size;
    parts.push(`${new URL(r.url()).pathname} ${size} B ${encoding ? `(${encoding})` : '(gzip computed)'}`);
  }
  return { total, parts };
}

async function axeViolations(p) {
  await p.addScriptTag({ path: axePath });
  return p.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

// Each page once on a phone (under the page's Content-Security-Policy: no console error, no
// sideways scrolling, JavaScript size) and once on a desktop (axe-core, injected as a file,
// which needs the CSP bypassed).
describe('pages on a phone and a desktop', { concurrency: 4 }, () => {
  for (const lang of langs) {
    for (const page of pages) {
      test(`${lang} ${page.name} phone: heading, lang, no sideways scroll, CSP, JavaScript < ${maxScriptBytes / 1024} KB`, async () => {
        await withPage({ viewport: viewports.phone }, async (p) => {
          const scripts = [];
          p.on('response', (r) => {
            if (r.request().resourceType() === 'script') scripts.push(r);
          });
          const response = await p.goto(`${base}/${lang}${page.path}`, { waitUntil: 'load' });
          assert.equal(response.status(), 200);
          assert.equal(await p.locator('html').getAttribute('lang'), lang);
          assert.equal((await p.locator('h1').innerText()).trim(), page.heading[lang]);
          const { scrollWidth, innerWidth } = await p.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `horizontal scroll: ${scrollWidth} > ${innerWidth}`);
          await p.screenshot({ path: join(shots, `${lang}-${page.name}-phone.png`), fullPage: true });
          const { total, parts } = await scriptBytes(scripts);
          console.log(`JavaScript on /${lang}${page.path}: ${total} B gzip [${parts.join('; ')}]`);
          assert.ok(total < maxScriptBytes, `${total} B of JavaScript`);
        });
      });
      test(`${lang} ${page.name} desktop: heading, lang, axe-core WCAG 2.1 A/AA`, async () => {
        await withPage({ viewport: viewports.desktop, bypassCSP: true }, async (p) => {
          const response = await p.goto(`${base}/${lang}${page.path}`);
          assert.equal(response.status(), 200);
          assert.equal(await p.locator('html').getAttribute('lang'), lang);
          assert.equal((await p.locator('h1').innerText()).trim(), page.heading[lang]);
          await p.screenshot({ path: join(shots, `${lang}-${page.name}-desktop.png`), fullPage: true });
          const violations = await axeViolations(p);
          if (violations.length) console.log(JSON.stringify(violations, null, 2));
          assert.equal(violations.length, 0, `${violations.length} axe violation(s)`);
        });
      });
    }
  }
});

describe('keyboard only', { concurrency: 2 }, () => {
  test('Tab to the first role link on the ladder, Enter opens the role', async () => {
    await withPage({ viewport: viewports.desktop }, async (p) => {
      await p.goto(`${base}/en/roles`);
      let href = null;
      for (let i = 0; i < 30 && !href; ++i) {
        await p.keyboard.press('Tab');
        href = await p.evaluate(() => {
          const a = document.activeElement;
          return a?.tagName === 'A' && /\/roles\/[^/]+\/?$/.test(a.getAttribute('href')) ? a.getAttribute('href') : null;
        });
      }
      assert.ok(href, 'no role link reached with Tab');
      await Promise.all([p.waitForURL((url) => url.pathname.startsWith(href)), p.keyboard.press('Enter')]);
      assert.equal((await p.locator('h1').innerText()).trim(), 'Call-Center Agent');
    });
  });

  test('the skip link moves focus to the main content', async () => {
    await withPage({ viewport: viewports.desktop }, async (p) => {
      await p.goto(`${base}/de/roles/agent`);
      await p.keyboard.press('Tab');
      const first = await p.evaluate(() => ({
        cls: document.activeElement?.className,
        text: document.activeElement?.textContent,
      }));
      assert.equal(first.cls, 'skip-link');
      assert.equal(first.text, 'Zum Hauptinhalt springen');
      await p.keyboard.press('Enter');
      await p.waitForFunction(() => location.hash === '#main');
      await p.keyboard.press('Tab');
      const inMain = await p.evaluate(() => document.querySelector('main').contains(document.activeElement));
      assert.ok(inMain, 'Tab after the skip link does not land inside main');
    });
  });
});

describe('JavaScript off', () => {
  test('the ladder and a role render and their links work', async () => {
    await withPage({ javaScriptEnabled: false, viewport: viewports.phone }, async (p) => {
      await p.goto(`${base}/de/roles`);
      assert.equal((await p.locator('h1').innerText()).trim(), 'Karriereleiter');
      await Promise.all([p.waitForURL(/\/de\/roles\/team-lead/), p.locator('.ladder a[href="/de/roles/team-lead"]').first().click()]);
      assert.equal((await p.locator('h1').innerText()).trim(), 'Teamleitung');
      await Promise.all([p.waitForURL(/\/en\/roles\/team-lead/), p.locator('a.lang-switch').click()]);
      assert.equal((await p.locator('h1').innerText()).trim(), 'Call-Center Team Lead');
    });
  });
});
