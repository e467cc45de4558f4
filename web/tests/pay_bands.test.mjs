// Browser tests of the pay-band page: an admin adds a band in a blank row of the form (the
// amount typed as people of the page's language type it), gets an error next to the field of a
// band whose minimum is above its maximum with everything typed kept, and sees the saved band;
// in English on a phone and in German on a desktop, axe-core clean. A works-council member
// reads the bands without a form. Run by tests/server/run_server_tests.sh against
// `ccteam serve --demo` (CCTEAM_LOGINS: the demo accounts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkPage, launchBrowser, signIn as signInAs } from './browser.mjs';

const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const logins = process.env.CCTEAM_LOGINS ? JSON.parse(readFileSync(process.env.CCTEAM_LOGINS, 'utf8')) : null;

// The texts the pages show, from the message tables; each language adds a band of its own
// country, so the two tests never write the same row.
const text = {
  en: {
    login: 'Login', password: 'Password', signIn: 'Sign in', payBands: 'Pay bands', save: 'Save pay bands',
    role: 'Role', country: 'Country', currency: 'Currency', period: 'Period', min: 'Minimum', max: 'Maximum',
    band: 'Band', teamLead: 'Call-Center Team Lead', saved: 'Pay bands saved', minTyped: '3,900.50',
    shown: '€3,900.50', place: 'AT', money: 'EUR', minAboveMax: 'above',
  },
  de: {
    login: 'Anmeldename', password: 'Passwort', signIn: 'Anmelden', payBands: 'Gehaltsbänder',
    save: 'Gehaltsbänder speichern', role: 'Rolle', country: 'Land', currency: 'Währung', period: 'Zeitraum',
    min: 'Minimum', max: 'Maximum', band: 'Band', teamLead: 'Teamleitung', saved: 'Gehaltsbänder gespeichert',
    minTyped: '4.100,50', shown: '4.100,50', place: 'CH', money: 'CHF', minAboveMax: 'über',
  },
};

let browser;

before(async () => {
  assert.ok(base, 'set CCTEAM_URL to the base URL of a running ccteam serve');
  assert.ok(logins?.admin, 'set CCTEAM_LOGINS to the demo accounts file');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

function signIn(p, lang, who) {
  return signInAs(p, base, lang, logins[who].login, logins[who].password);
}

// The label of a cell: "Band 4: Role".
function cell(lang, row, column) {
  return `${text[lang].band} ${row}: ${text[lang][column]}`;
}

describe('pay bands', { concurrency: 1 }, () => {
  for (const [lang, viewport] of [['en', { width: 390, height: 844 }], ['de', { width: 1280, height: 800 }]]) {
    test(`${lang}: an admin adds a band; a band with its minimum above its maximum is refused`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const errors = [];
      try {
        const p = await context.newPage();
        p.on('pageerror', (e) => errors.push(String(e)));
        await signIn(p, lang, 'admin');
        await Promise.all([p.waitForURL(new RegExp(`/${lang}/pay-bands$`)),
          p.getByRole('link', { name: text[lang].payBands, exact: true }).click()]);
        await checkPage(p, `${lang}-pay-bands`);
        // The first blank row: after the stored bands.
        const rows = await p.locator('table.edit tbody tr').count();
        const blank = rows - 2;
        await p.getByLabel(cell(lang, blank, 'role')).selectOption({ label: text[lang].teamLead });
        await p.getByLabel(cell(lang, blank, 'country')).fill(text[lang].place.toLowerCase());
        await p.getByLabel(cell(lang, blank, 'currency')).fill(text[lang].money);
        await p.getByLabel(cell(lang, blank, 'period')).selectOption('month');
        await p.getByLabel(cell(lang, blank, 'min')).fill(text[lang].minTyped);
        await p.getByLabel(cell(lang, blank, 'max')).fill('3000');
        await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: text[lang].save }).click()]);
        // Refused next to the field; what was typed stays.
        const maxField = p.getByLabel(cell(lang, blank, 'max'));
        assert.equal(await maxField.inputValue(), '3000');
        assert.equal(await p.getByLabel(cell(lang, blank, 'min')).inputValue(), text[lang].minTyped);
        const invalid = p.locator('[aria-invalid="true"]');
        assert.ok(await invalid.count() >= 1);
        const described = await invalid.first().getAttribute('aria-describedby');
        const message = await p.locator(`#${described}`).innerText();
        assert.ok(message.includes(text[lang].minAboveMax), message);
        await checkPage(p, `${lang}-pay-bands-error`);
        // Corrected and saved.
        await maxField.fill('5000');
        await Promise.all([p.waitForURL(/\/pay-bands\?saved=\d+$/),
          p.getByRole('button', { name: text[lang].save }).click()]);
        assert.ok((await p.locator('.notice').innerText()).includes(text[lang].saved));
        assert.equal(await p.getByLabel(cell(lang, blank, 'country')).inputValue(), text[lang].place);
        assert.equal(await p.getByLabel(cell(lang, blank, 'min')).inputValue(), text[lang].minTyped.replace(/[.,](?=\d{3})/g, ''));
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }

  test('de: the works council reads the bands without a form', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    try {
      const p = await context.newPage();
      await signIn(p, 'de', 'works_council');
      await p.goto(`${base}/de/pay-bands`);
      assert.equal(await p.locator('form.pay-bands').count(), 0);
      const cells = await p.locator('table.data tbody').innerText();
      assert.ok(cells.includes(text.de.shown), cells);
      await checkPage(p, 'de-pay-bands-read');
    } finally {
      await context.close();
    }
  });
});
