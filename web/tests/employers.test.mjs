// Browser tests of the employer profiles: a recruiter opens the list from the menu, starts a
// new profile, gets the reader's error next to a website that is no URL with everything typed
// kept, corrects it and saves; the saved profile shows the hours in the page's language. In
// English on a phone and in German on a desktop, axe-core clean. A viewer reads a profile in a
// disabled form. Run by tests/server/run_server_tests.sh against `ccteam serve --demo`
// (CCTEAM_LOGINS: the demo accounts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkPage, launchBrowser, signIn as signInAs } from './browser.mjs';

const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const logins = process.env.CCTEAM_LOGINS ? JSON.parse(readFileSync(process.env.CCTEAM_LOGINS, 'utf8')) : null;

// The texts the pages show, from the message tables (src/ccteam/core/messages_{en,de}.cpp).
const text = {
  en: {
    login: 'Login', password: 'Password', signIn: 'Sign in', employers: 'Employers', add: 'Add profile',
    newProfile: 'New employer profile', name: 'Organisation name', website: 'Website',
    headcount: 'Employees (whole organisation)', place: 'Place 1', city: 'City',
    country: 'Country (ISO 3166-1, e.g. DE)', hours: 'Hours per week', hoursTyped: '39.5',
    position: 'Position 1', role: 'Role', agent: 'Call-Center Agent', currency: 'Currency (ISO 4217, e.g. EUR)',
    min: 'Pay from', max: 'Pay up to', minTyped: '2,600', maxTyped: '3,000', email: 'Apply by e-mail',
    equalEn: 'Equal-opportunity statement (English)', equalDe: 'Equal-opportunity statement (German)',
    badUrl: 'is not an http(s) URL', saved: 'Saved as version 1.',
  },
  de: {
    login: 'Anmeldename', password: 'Passwort', signIn: 'Anmelden', employers: 'Arbeitgeber', add: 'Profil anlegen',
    newProfile: 'Neues Arbeitgeberprofil', name: 'Name der Organisation', website: 'Website',
    headcount: 'Beschäftigte (gesamte Organisation)', place: 'Arbeitsort 1', city: 'Ort',
    country: 'Land (ISO 3166-1, z. B. DE)', hours: 'Wochenstunden', hoursTyped: '39,5',
    position: 'Stelle 1', role: 'Rolle', agent: 'Callcenter-Agent', currency: 'Währung (ISO 4217, z. B. EUR)',
    min: 'Gehalt von', max: 'Gehalt bis', minTyped: '2.600', maxTyped: '3.000', email: 'Bewerbung per E-Mail',
    equalEn: 'Erklärung zur Chancengleichheit (Englisch)', equalDe: 'Erklärung zur Chancengleichheit (Deutsch)',
    badUrl: 'ist keine http(s)-URL', saved: 'Als Version 1 gespeichert.',
  },
};

let browser;

before(async () => {
  assert.ok(base, 'set CCTEAM_URL to the base URL of a running ccteam serve');
  assert.ok(logins?.recruiter, 'set CCTEAM_LOGINS to the demo accounts file');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

function signIn(p, lang, who) {
  return signInAs(p, base, lang, logins[who].login, logins[who].password);
}

describe('employer profiles', { concurrency: 1 }, () => {
  for (const [lang, viewport] of [['en', { width: 390, height: 844 }], ['de', { width: 1280, height: 800 }]]) {
    test(`${lang}: a recruiter adds a profile; a website that is no URL is refused at its field`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const errors = [];
      const t = text[lang];
      try {
        const p = await context.newPage();
        p.on('pageerror', (e) => errors.push(String(e)));
        await signIn(p, lang, 'recruiter');
        await Promise.all([p.waitForURL(new RegExp(`/${lang}/employers$`)),
          p.getByRole('link', { name: t.employers, exact: true }).click()]);
        assert.ok((await p.locator('table.data').innerText()).includes('Nordlicht Kundendialog GmbH'));
        await checkPage(p, `${lang}-employers`);
        await Promise.all([p.waitForURL(new RegExp(`/${lang}/employers/new$`)),
          p.getByRole('link', { name: t.newProfile }).click()]);
        const name = `Südwind Service ${lang} ${Date.now()}`;
        await p.getByLabel(t.name).fill(name);
        await p.getByLabel(t.website, { exact: true }).fill('www.suedwind.example');
        await p.getByLabel(t.headcount).fill('120');
        const place = p.getByRole('group', { name: t.place });
        await place.getByLabel(t.city).fill('Passau');
        await place.getByLabel(t.country).fill('DE');
        await p.getByLabel(t.hours).fill(t.hoursTyped);
        const position = p.getByRole('group', { name: t.position });
        await position.getByLabel(t.role).selectOption({ label: t.agent });
        await position.getByLabel(t.currency).fill('EUR');
        await position.getByLabel(t.min).fill(t.minTyped);
        await position.getByLabel(t.max).fill(t.maxTyped);
        await p.getByLabel(t.email).fill('jobs@suedwind.example');
        await p.getByLabel(t.equalEn).fill('We welcome every application.');
        await p.getByLabel(t.equalDe).fill('Wir freuen uns über jede Bewerbung.');
        await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: t.add }).click()]);
        // Refused at the field; what was typed stays.
        const website = p.getByLabel(t.website, { exact: true });
        assert.equal(await website.getAttribute('aria-invalid'), 'true');
        const message = await p.locator(`#${await website.getAttribute('aria-describedby')}`).innerText();
        assert.ok(message.includes(t.badUrl), message);
        assert.equal(await p.getByLabel(t.hours).inputValue(), t.hoursTyped);
        assert.equal(await p.getByRole('group', { name: t.position }).getByLabel(t.min).inputValue(), t.minTyped);
        await checkPage(p, `${lang}-employer-error`);
        // Corrected and saved.
        await website.fill('https://www.suedwind.example');
        await Promise.all([p.waitForURL(/\/employers\/[0-9a-f-]{36}\?saved=1$/),
          p.getByRole('button', { name: t.add }).click()]);
        assert.ok((await p.locator('.notice').innerText()).includes(t.saved));
        assert.equal(await p.locator('h1').innerText(), name);
        assert.equal(await p.getByLabel(t.hours).inputValue(), t.hoursTyped);
        await checkPage(p, `${lang}-employer-saved`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('en: a viewer reads a profile in a disabled form', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    try {
      const p = await context.newPage();
      await signIn(p, 'en', 'viewer');
      await p.goto(`${base}/en/employers`);
      await Promise.all([p.waitForLoadState('load'),
        p.getByRole('link', { name: 'Nordlicht Kundendialog GmbH' }).click()]);
      assert.equal(await p.getByLabel(text.en.name).inputValue(), 'Nordlicht Kundendialog GmbH');
      assert.ok(await p.getByLabel(text.en.name).isDisabled());
      assert.equal(await p.getByRole('button', { name: 'Save profile' }).count(), 0);
      await checkPage(p, 'en-employer-read');
    } finally {
      await context.close();
    }
  });
});
