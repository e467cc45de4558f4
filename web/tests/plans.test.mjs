// Browser tests of the plan pages: a hiring manager makes a plan from a daily profile, sees the
// chart, gets a field error and keeps what was typed, saves, edits one input into a second
// version and compares the two; in English on a phone and in German on a desktop, axe-core
// clean. A plan from an uploaded forecast file (read into the CSV field by file-field.js). Run
// by tests/server/run_server_tests.sh against `ccteam serve --demo` (CCTEAM_LOGINS: the demo
// accounts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPage, launchBrowser, signIn as signInAs } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const forecastFile = join(here, '..', '..', 'tests', 'data', 'forecasts', 'small-30min.csv');
const modelFile = join(here, '..', '..', 'tests', 'data', 'scenarios', 'model-patience-60.yaml');
const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const logins = process.env.CCTEAM_LOGINS ? JSON.parse(readFileSync(process.env.CCTEAM_LOGINS, 'utf8')) : null;

// The texts the pages show, from the message tables.
const text = {
  en: {
    login: 'Login', password: 'Password', signIn: 'Sign in', plans: 'Staffing plans', newPlan: 'New plan',
    calls: 'Calls per day', hours: 'Opening hours (HH:MM-HH:MM)', shrinkage: 'Shrinkage (% of paid time)',
    calculate: 'Calculate', save: 'Save plan', name: 'Plan name', newVersion: 'Edit as a new version',
    compare: 'Compare the chosen plans', result: 'Result', chooseFile: 'Read a CSV file into the field',
    source: 'Forecast from', compareLabel: 'Compare', callsTyped: '1,200',
    shrinkageError: '150 % is not allowed here; use a value from 0 % to below 100 %',
  },
  de: {
    login: 'Anmeldename', password: 'Passwort', signIn: 'Anmelden', plans: 'Personalplanung', newPlan: 'Neuer Plan',
    calls: 'Anrufe pro Tag', hours: 'Öffnungszeiten (HH:MM-HH:MM)', shrinkage: 'Shrinkage (% der bezahlten Zeit)',
    calculate: 'Berechnen', save: 'Plan speichern', name: 'Name des Plans', newVersion: 'Als neue Version bearbeiten',
    compare: 'Gewählte Pläne vergleichen', result: 'Ergebnis', chooseFile: 'CSV-Datei in das Feld laden',
    source: 'Prognose aus', compareLabel: 'Vergleichen', callsTyped: '1.200',
    shrinkageError: '150 % ist hier nicht zulässig; erlaubt ist ein Wert von 0 % bis unter 100 %',
  },
};

let browser;

before(async () => {
  assert.ok(base, 'set CCTEAM_URL to the base URL of a running ccteam serve');
  assert.ok(logins?.hiring_manager, 'set CCTEAM_LOGINS to the demo accounts file');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

function signIn(p, lang) {
  return signInAs(p, base, lang, logins.hiring_manager.login, logins.hiring_manager.password);
}

async function submit(p, name) {
  await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name, exact: true }).click()]);
}

describe('plans', { concurrency: 2 }, () => {
  for (const [lang, viewport] of [['en', { width: 390, height: 844 }], ['de', { width: 1280, height: 800 }]]) {
    test(`${lang}: a manager plans from a profile, saves two versions and compares them`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const errors = [];
      try {
        const p = await context.newPage();
        p.on('pageerror', (e) => errors.push(String(e)));
        await signIn(p, lang);
        await Promise.all([p.waitForURL(new RegExp(`/${lang}/plans$`)),
          p.getByRole('link', { name: text[lang].plans, exact: true }).click()]);
        await checkPage(p, `${lang}-plans`);
        await Promise.all([p.waitForURL(new RegExp(`/${lang}/plans/new$`)),
          p.getByRole('link', { name: text[lang].newPlan }).click()]);
        await checkPage(p, `${lang}-plan-form`);
        // A shrinkage of 150 % is refused next to its field; what was typed stays.
        await p.getByLabel(text[lang].calls).fill(text[lang].callsTyped);
        await p.getByLabel(text[lang].hours).fill('08:00-12:00');
        await p.getByLabel(text[lang].shrinkage).fill('150');
        await submit(p, text[lang].calculate);
        const fieldError = await p.locator('#options-shrinkage-error').innerText();
        assert.ok(fieldError.includes(text[lang].shrinkageError), fieldError);
        assert.equal(await p.getByLabel(text[lang].calls).inputValue(), text[lang].callsTyped);
        assert.equal(await p.getByLabel(text[lang].shrinkage).getAttribute('aria-invalid'), 'true');
        await checkPage(p, `${lang}-plan-form-error`);
        // Calculated: the chart and the levels.
        await p.getByLabel(text[lang].shrinkage).fill('30');
        await submit(p, text[lang].calculate);
        assert.equal(await p.locator('.plan-result svg').count(), 1);
        assert.equal((await p.locator('#result-heading').innerText()).trim(), text[lang].result);
        // The page opens at the result, not at the top of the form above it.
        const headingTop = await p.locator('#result-heading').evaluate((e) => e.getBoundingClientRect().top);
        const viewport = p.viewportSize();
        assert.ok(headingTop > -1 && headingTop < viewport.height / 2, `result heading at ${headingTop}px`);
        // 1,200 calls a day, 08:00-12:00: eight half hours of the default curve.
        assert.equal(await p.locator('table[aria-labelledby="intervals-heading"] tbody tr').count(), 8);
        await checkPage(p, `${lang}-plan-result`);
        const name = `Hotline ${lang} ${Date.now() % 100000}`;
        await p.getByLabel(text[lang].name).fill(name);
        await Promise.all([p.waitForURL(/\/plans\/[0-9a-f-]{36}$/), p.getByRole('button', { name: text[lang].save }).click()]);
        assert.ok((await p.locator('h1').innerText()).includes(`${name} (v1)`));
        await checkPage(p, `${lang}-plan`);
        // One input changed, saved as version 2.
        await Promise.all([p.waitForURL(/\/plans\/new\?from=/), p.getByRole('link', { name: text[lang].newVersion }).click()]);
        assert.equal(await p.getByLabel(text[lang].name).inputValue(), name);
        assert.equal(await p.getByLabel(text[lang].shrinkage).inputValue(), '30');
        await p.getByLabel(text[lang].shrinkage).fill('25');
        await Promise.all([p.waitForURL(/\/plans\/[0-9a-f-]{36}$/), p.getByRole('button', { name: text[lang].save }).click()]);
        assert.ok((await p.locator('h1').innerText()).includes(`${name} (v2)`));
        // Both compared.
        await p.goto(`${base}/${lang}/plans`);
        await p.getByLabel(`${text[lang].compareLabel}: ${name} (v1)`).check();
        await p.getByLabel(`${text[lang].compareLabel}: ${name} (v2)`).check();
        await Promise.all([p.waitForURL(/\/plans\/compare\?/), p.getByRole('button', { name: text[lang].compare }).click()]);
        const heads = await p.locator('table[aria-labelledby="compare-levels"] thead th').allInnerTexts();
        assert.deepEqual(heads.map((h) => h.trim()), [`${name} (v1)`, `${name} (v2)`]);
        // The heading promises agents and service level per interval: each cell has both.
        const first = await p.locator('table[aria-labelledby="compare-intervals"] tbody tr').first()
          .locator('td').allInnerTexts();
        assert.ok(first.length === 2 && first.every((c) => /^\d+[^]*SL\s\d+[.,]\d %$/.test(c.trim())),
          first.join(' | '));
        await checkPage(p, `${lang}-plan-compare`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('en: a plan from an uploaded forecast file', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    try {
      const p = await context.newPage();
      await signIn(p, 'en');
      await p.goto(`${base}/en/plans/new`);
      await p.getByLabel(text.en.chooseFile).setInputFiles(forecastFile);
      await p.waitForFunction(() => document.querySelector('textarea').value.startsWith('interval_start'));
      assert.equal(await p.getByLabel(text.en.source).inputValue(), 'csv');
      await submit(p, text.en.calculate);
      // The file's four half hours; the first is the classic Erlang C example: 14 agents.
      const rows = p.locator('table[aria-labelledby="intervals-heading"] tbody tr');
      assert.equal(await rows.count(), 4);
      assert.equal((await rows.first().locator('td').nth(3).innerText()).trim(), '14');
      // The reverse calculation with 14 agents: 10 Erlangs are served (Erlang C: 88.8 % in 20 s),
      // 15 Erlangs are more than 14 agents can take (unstable), no calls, 5.67 Erlangs.
      await p.getByLabel('Agents on duty (given: evaluate them instead of sizing)').fill('14');
      await submit(p, text.en.calculate);
      const meets = await rows.locator('td:last-child').allInnerTexts();
      assert.deepEqual(meets.map((m) => m.trim()), ['yes', 'no', '–', 'yes']);
      const totals = await p.locator('ul.given-totals li').allInnerTexts();
      assert.ok(totals.some((t) => t.startsWith('Unstable intervals: 1.')), totals.join(' | '));
      assert.ok(totals.some((t) => t.startsWith('Targets missed over the whole forecast; met in 2 of 3')),
        totals.join(' | '));
      await checkPage(p, 'en-plan-result-given');
    } finally {
      await context.close();
    }
  });
});

// The check by simulation from a saved plan's page: started with a few replications, the page
// follows the progress by itself (htmx) until the report is there; English on a phone, German
// on a desktop, one after the other (the test server runs one simulation at a time). In English
// a broken model is refused beside its field with what was typed kept; in German the model is a
// scenario file chosen in the file field, and the simulation page names it.
const simText = {
  en: {
    replications: 'Replications (runs of the plan\'s period)', start: 'Start simulation', done: 'Done.', all: 'all',
    model: 'Model from call records (optional)', chooseFile: 'Choose a file', ownModel: 'Model: the plan\'s own',
  },
  de: {
    replications: 'Wiederholungen (Durchläufe des Planzeitraums)', start: 'Simulation starten', done: 'Fertig.', all: 'alle',
    model: 'Modell aus Anrufdaten (optional)', chooseFile: 'Datei auswählen', namedModel: 'Modell: patience 60 s',
  },
};

describe('simulation', { concurrency: 1 }, () => {
  for (const [lang, viewport] of [['en', { width: 390, height: 844 }], ['de', { width: 1280, height: 800 }]]) {
    test(`${lang}: a manager checks a saved plan by simulation`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const errors = [];
      try {
        const p = await context.newPage();
        p.on('pageerror', (e) => errors.push(String(e)));
        await signIn(p, lang);
        await p.goto(`${base}/${lang}/plans`);
        // The newest plan (the list is newest first).
        await Promise.all([p.waitForURL(/\/plans\/[0-9a-f-]{36}$/), p.locator('table tbody tr a').first().click()]);
        await p.getByLabel(simText[lang].replications).fill('5');
        const model = p.getByLabel(simText[lang].model);
        if (lang === 'en') {
          // A model that is no scenario: 422, the error at the field, replications and text kept.
          const broken = 'format: ccteam-scenario/1\ntiers: [';
          await model.fill(broken);
          await submit(p, simText[lang].start);
          assert.match(p.url(), /\/plans\/[0-9a-f-]{36}\/simulations$/);
          assert.equal(await model.getAttribute('aria-invalid'), 'true');
          assert.match(await p.locator('#sim-model-error').innerText(), /^model:2:/);
          assert.equal(await model.inputValue(), broken);
          assert.equal(await p.getByLabel(simText[lang].replications).inputValue(), '5');
          await checkPage(p, 'en-simulation-model-error');
          await model.fill('');
        } else {
          await p.getByLabel(simText[lang].chooseFile).setInputFiles(modelFile);
          await p.waitForFunction(() => document.querySelector('#sim-model').value.includes('patience 60 s'));
        }
        await Promise.all([p.waitForURL(/\/simulations\/[0-9a-f-]{36}$/),
          p.getByRole('button', { name: simText[lang].start }).click()]);
        const named = lang === 'en' ? simText.en.ownModel : simText.de.namedModel;
        assert.ok((await p.locator('p.meta').allInnerTexts()).some((t) => t.startsWith(named)));
        await checkPage(p, `${lang}-simulation-running`);
        // No reload by the test: the page itself polls until the simulation is done.
        await p.getByRole('status').filter({ hasText: simText[lang].done }).waitFor({ timeout: 60000 });
        // The report's tables come with the same fragment; wait for them rather than count at
        // once (on a loaded machine the count can run before the swap has settled).
        const tiers = p.locator('#simulation table');
        await tiers.first().waitFor({ timeout: 10000 });
        assert.ok(await tiers.count() >= 1);
        // The whole period first, then the intervals.
        const lastRow = tiers.first().locator('tbody tr').first();
        assert.equal((await lastRow.locator('th').innerText()).trim(), simText[lang].all);
        // Figures with their 95 % interval: "89.6 ± 3.1 %" (German: "89,6 ± 3,1 %").
        const sl = (await lastRow.locator('td').nth(1).innerText()).trim();
        assert.match(sl, lang === 'de' ? /^\d+,\d ± \d+,\d %$/ : /^\d+\.\d ± \d+\.\d %$/);
        await checkPage(p, `${lang}-simulation-done`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
