// Browser tests of openings and the careers page: a recruiter imports an employer profile, opens
// a position for it, writes the German posting and sees the linter's finding appear as they type
// a phrase that discriminates by origin and go away as they fix it, previews the English posting
// and publishes; an anonymous visitor on a phone finds the opening on the careers page by its
// place and opens it; an opening past its valid-through date says it is closed. axe-core clean
// in German and English. Run by tests/server/run_server_tests.sh against `ccteam serve --demo`
// (CCTEAM_LOGINS: the demo accounts; CCTEAM_EXPIRED: a file naming an expired opening, written
// by tests/server/openings_test.py).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { checkPage, launchBrowser, signIn as signInAs } from './browser.mjs';

const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const logins = process.env.CCTEAM_LOGINS ? JSON.parse(readFileSync(process.env.CCTEAM_LOGINS, 'utf8')) : null;
const expired = process.env.CCTEAM_EXPIRED && existsSync(process.env.CCTEAM_EXPIRED)
  ? JSON.parse(readFileSync(process.env.CCTEAM_EXPIRED, 'utf8')).id : null;
const example = readFileSync(new URL('../../data/examples/employer-de.yaml', import.meta.url), 'utf8');

// The profile is the German example's (its own position titles) under another name, in a city
// no demo employer has, so that the place filter finds this opening only.
const stamp = Date.now();
const city = `Passau${stamp % 100000}`;
const employer = `Südwind Service ${stamp}`;
const reference = `SW-${stamp % 100000}`;

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

describe('openings and the careers page', { concurrency: 1 }, () => {
  let openingId = null;

  test('de: a recruiter opens a position, fixes the linter finding and publishes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const errors = [];
    try {
      const p = await context.newPage();
      p.on('pageerror', (e) => errors.push(String(e)));
      await signIn(p, 'de', 'recruiter');
      // The employer, imported as YAML.
      await p.goto(`${base}/de/employers/new`);
      const yaml = example.replace('Nordlicht Kundendialog GmbH', employer).replace('city: Hannover', `city: ${city}`);
      await p.getByLabel('Profil als YAML').fill(yaml);
      await Promise.all([p.waitForURL(/\/employers\/[0-9a-f-]{36}\?saved=1$/),
        p.getByRole('button', { name: 'Importieren' }).click()]);

      // The opening.
      await Promise.all([p.waitForURL(/\/de\/openings$/), p.getByRole('link', { name: 'Stellen', exact: true }).click()]);
      await checkPage(p, 'de-openings');
      await Promise.all([p.waitForURL(/\/de\/openings\/new$/), p.getByRole('link', { name: 'Neue Stelle' }).click()]);
      await p.getByLabel('Arbeitsort').selectOption({ label: `${employer} – ${city}, DE` });
      await p.getByLabel('Rolle').selectOption({ label: 'Callcenter-Agent' });
      await p.getByLabel('Kennziffer').fill(reference);
      await checkPage(p, 'de-opening-new');
      await Promise.all([p.waitForURL(/\/de\/openings\/[0-9a-f-]{36}\?saved=1$/),
        p.getByRole('button', { name: 'Stelle anlegen' }).click()]);
      openingId = p.url().match(/openings\/([0-9a-f-]{36})/)[1];
      assert.ok((await p.locator('.notice').innerText()).includes('Als Version 1 gespeichert.'));

      // The German posting: a finding appears as the phrase is typed and goes away when fixed.
      const requirements = p.locator('textarea[name="sections.de.requirements"]');
      const findings = p.locator('#findings-de');
      await requirements.fill('- Deutsch als Muttersprache\n- Freude am Telefonieren');
      // AGG § 11 with § 1 (origin), BAG 8 AZR 402/15: the rule agg-origin, a warning under the AGG.
      await p.waitForFunction(() => document.querySelectorAll('#findings-de .finding[data-rule="agg-origin"]').length > 0,
        null, { timeout: 10000 });
      assert.ok((await findings.innerText()).includes('Zeile 1'), await findings.innerText());
      await checkPage(p, 'de-opening-finding');
      await requirements.fill('- Deutsch auf Niveau C1\n- Freude am Telefonieren');
      await p.waitForFunction(() => document.querySelectorAll('#findings-de .finding[data-rule="agg-origin"]').length === 0,
        null, { timeout: 10000 });
      await Promise.all([p.waitForURL(/\?saved=2$/), p.getByRole('button', { name: 'Speichern' }).click()]);
      assert.equal(await p.locator('textarea[name="sections.de.requirements"]').inputValue(),
        '- Deutsch auf Niveau C1\n- Freude am Telefonieren');

      // The English preview, as it will be published.
      await Promise.all([p.waitForURL(new RegExp(`/en/openings/${openingId}/preview$`)),
        p.getByRole('link', { name: 'Vorschau auf Englisch' }).click()]);
      assert.equal(await p.locator('h1').innerText(), 'Customer Service Agent');
      await checkPage(p, 'en-opening-preview');
      await p.goBack();

      // Published; findings of severity error need the confirmation, which is audited.
      const confirm = p.getByLabel(/Veröffentlichen, obwohl/);
      if (await confirm.count() > 0) await confirm.check();
      await Promise.all([p.waitForURL(/\?saved=3$/), p.getByRole('button', { name: 'Veröffentlichen' }).click()]);
      assert.equal(await p.locator('.status').innerText(), 'Offen');
      await checkPage(p, 'de-opening-published');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('en: an anonymous visitor on a phone finds the opening by its place and opens it', async () => {
    assert.ok(openingId, 'the recruiter test published an opening');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    try {
      const p = await context.newPage();
      await p.goto(`${base}/en/roles`);
      await Promise.all([p.waitForURL(/\/en\/careers$/), p.getByRole('link', { name: 'Jobs', exact: true }).click()]);
      await checkPage(p, 'en-careers');
      await p.getByLabel('Place').selectOption({ label: city });
      await Promise.all([p.waitForURL(/place=/), p.getByRole('button', { name: 'Show' }).click()]);
      assert.equal(await p.locator('.job').count(), 1);
      await Promise.all([p.waitForURL(new RegExp(`/en/careers/${openingId}$`)),
        p.getByRole('link', { name: 'Customer Service Agent' }).click()]);
      assert.equal(await p.locator('h1').innerText(), 'Customer Service Agent');
      assert.ok(await p.getByRole('link', { name: 'Apply now' }).isVisible());
      assert.equal(await p.locator('script[type="application/ld+json"]').count(), 1);
      await checkPage(p, 'en-career');
      // The German posting, one link away.
      await Promise.all([p.waitForURL(new RegExp(`/de/careers/${openingId}$`)),
        p.getByRole('link', { name: 'Diese Anzeige auf Deutsch' }).click()]);
      assert.equal(await p.locator('h1').innerText(), 'Kundenberater im Kundenservice (m/w/d)');
      await checkPage(p, 'de-career');
    } finally {
      await context.close();
    }
  });

  test('de: an opening past its valid-through date says it is closed', { skip: !expired }, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    try {
      const p = await context.newPage();
      const response = await p.goto(`${base}/de/careers/${expired}`);
      assert.equal(response.status(), 200);
      assert.ok((await p.locator('.notice.closed').innerText()).includes('nimmt keine Bewerbungen mehr an'));
      assert.equal(await p.locator('script[type="application/ld+json"]').count(), 0);
      await checkPage(p, 'de-career-closed');
    } finally {
      await context.close();
    }
  });
});
