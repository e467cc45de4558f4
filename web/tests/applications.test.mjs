// Browser tests of applications: an applicant on a phone-sized screen applies in German from
// the careers page, once with JavaScript (attaching a PDF CV) and once without; the recruiter
// sees the CV only as "Dokument 1: PDF" until unblinding, then downloads it; the blind list
// with the screening's verdict and explanation, opens one, unblinds it (audited) and exports
// the list as XLSX; the applicant withdraws from the private link; erasure removes the other
// application. axe-core clean in German and English. Run by tests/server/run_server_tests.sh
// against `ccteam serve --demo` (CCTEAM_LOGINS: the demo accounts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkPage, launchBrowser, signIn as signInAs } from './browser.mjs';

const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const logins = process.env.CCTEAM_LOGINS ? JSON.parse(readFileSync(process.env.CCTEAM_LOGINS, 'utf8')) : null;
const phone = { width: 390, height: 844 };
// Surnames of this run, so that names from an earlier run on the same server do not count.
const run = Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
const jana = `Jana B${run}`;
const kai = `Kai O${run}`;
const desktop = { width: 1280, height: 900 };
const cvPdf = new URL('../../tests/data/documents/cv-en.pdf', import.meta.url).pathname;

let browser;

before(async () => {
  assert.ok(base, 'set CCTEAM_URL to the base URL of a running ccteam serve');
  assert.ok(logins?.recruiter, 'set CCTEAM_LOGINS to the demo accounts file');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

// Fills the German form as a person with two years at a call center would, answering every
// question the opening asks with yes (and 30 hours), and sends it; returns the private link.
async function applyInGerman(p, openingId, name, files = []) {
  await p.goto(`${base}/de/careers/${openingId}`);
  await Promise.all([p.waitForURL(/\/apply/), p.getByRole('link', { name: 'Jetzt bewerben' }).click()]);
  await p.getByLabel('Name', { exact: true }).fill(name);
  await p.getByLabel('E-Mail').fill('bewerbung@example.org');
  await p.getByLabel('Tätigkeit').first().fill('Kundenberaterin im Callcenter');
  await p.getByLabel('Von (Jahr-Monat)').first().fill('2022-02');
  await p.locator('select[name="education.0.kind"]').selectOption('Berufsausbildung');
  await p.locator('select[name="languages.0.language"]').selectOption('de');
  await p.locator('select[name="languages.0.level"]').selectOption('native');
  for (const radio of await p.locator('input[type="radio"][value="yes"]').all()) await radio.check();
  for (const hours of await p.locator('input[name="answers.weekly_hours"]').all()) await hours.fill('30');
  if (files.length) await p.getByLabel('Dokumente anhängen').setInputFiles(files);
  await Promise.all([p.waitForURL(/\/de\/application\/[A-Za-z0-9_-]+\?sent=1$/),
    p.getByRole('button', { name: 'Bewerbung absenden' }).click()]);
  assert.ok((await p.locator('h1').innerText()).includes('Vielen Dank'));
  return (await p.locator('code.secret').innerText()).trim();
}

describe('applications', { concurrency: 1 }, () => {
  let openingId = null;
  let linkWithoutScript = null;

  test('de, phone: an applicant applies with JavaScript and one without', async () => {
    // The first opening of the careers page.
    const probe = await browser.newContext({ viewport: phone });
    const p0 = await probe.newPage();
    await p0.goto(`${base}/de/careers`);
    const href = await p0.locator('main a[href*="/de/careers/"]').first().getAttribute('href');
    openingId = href.match(/careers\/([0-9a-f-]{36})/)[1];
    await probe.close();

    const withScript = await browser.newContext({ viewport: phone, bypassCSP: true });
    const errors = [];
    try {
      const p = await withScript.newPage();
      p.on('pageerror', (e) => errors.push(String(e)));
      await p.goto(`${base}/de/careers/${openingId}/apply`);
      await checkPage(p, 'de-apply-phone');
      // A mistake first: the form comes back with the field marked and what was typed kept.
      await p.getByLabel('Name', { exact: true }).fill(jana);
      await p.getByLabel('E-Mail').fill('keine-adresse');
      await p.getByRole('button', { name: 'Bewerbung absenden' }).click();
      await p.waitForSelector('#form-errors');
      assert.equal(await p.getByLabel('E-Mail').getAttribute('aria-invalid'), 'true');
      assert.equal(await p.getByLabel('Name', { exact: true }).inputValue(), jana);
      await checkPage(p, 'de-apply-errors-phone');
      const link = await applyInGerman(p, openingId, jana, [cvPdf]);
      assert.ok(link.startsWith(base + '/de/application/'), link);
      await checkPage(p, 'de-applied-phone');
    } finally {
      await withScript.close();
    }
    assert.deepEqual(errors, []);

    const noScript = await browser.newContext({ viewport: phone, javaScriptEnabled: false });
    try {
      const p = await noScript.newPage();
      linkWithoutScript = await applyInGerman(p, openingId, kai);
    } finally {
      await noScript.close();
    }
  });

  test('de and en, desktop: the recruiter reads the blind list, unblinds one and exports', async () => {
    const context = await browser.newContext({ viewport: desktop, bypassCSP: true, acceptDownloads: true });
    try {
      const p = await context.newPage();
      // The form in English on a desktop screen.
      await p.goto(`${base}/en/careers/${openingId}/apply`);
      assert.ok((await p.locator('h1').innerText()).startsWith('Apply:'));
      await checkPage(p, 'en-apply-desktop');
      await signInAs(p, base, 'de', logins.recruiter.login, logins.recruiter.password);
      // The screening job runs in the background: the verdicts appear within seconds.
      let verdicts = [];
      for (let i = 0; i < 50; i++) {
        await p.goto(`${base}/de/openings/${openingId}/applications`);
        verdicts = await p.locator('table.applications tbody td:nth-child(2)').allInnerTexts();
        if (verdicts.length >= 2 && !verdicts.includes('wird geprüft')) break;
        await p.waitForTimeout(200);
      }
      assert.ok(verdicts.length >= 2 && !verdicts.includes('wird geprüft'), verdicts.join(' | '));
      const listed = await p.locator('table.applications').innerText();
      assert.ok(!listed.includes(jana) && !listed.includes(kai), 'the list is blind');
      await checkPage(p, 'de-applications');

      // One application: the criteria with their explanation, then unblinding.
      await Promise.all([p.waitForURL(/\/de\/applications\/[0-9a-f-]{36}$/),
        p.locator('table.applications tbody a').first().click()]);
      assert.ok((await p.locator('table.criteria').innerText()).length > 20);
      await checkPage(p, 'de-application');
      if ((await p.locator('main').innerText()).includes('Dokument 1: PDF, 22 kB')) {
        assert.equal(await p.locator('ul.document-list a').count(), 0, 'no download while blind');
      }
      await Promise.all([p.waitForLoadState('load'),
        p.getByRole('button', { name: 'Name und Kontaktdaten anzeigen' }).click()]);
      const shown = await p.locator('section.personal').innerText();
      assert.ok(shown.includes('B' + run) || shown.includes('O' + run) || shown.includes('@'), shown);

      // Jana's CV: blind ("Dokument 1: PDF, 22 kB", no link) until unblinded, then downloaded.
      await p.goto(`${base}/de/openings/${openingId}/applications`);
      const pages = await p.locator('table.applications tbody a').evaluateAll(
        (links) => links.map((a) => a.href));
      let withCv = null;
      for (const href of pages) {
        await p.goto(href);
        const listed = await p.locator('main').innerText();
        if (listed.includes('Dokument 1: PDF, 22 kB') || listed.includes('cv-en.pdf')) {
          withCv = href;
          break;
        }
      }
      assert.ok(withCv, 'an application lists the CV');
      // The screening waits for the CV's text (read in a child process), then cites it marked:
      // the form names no skills, the CV "CRM ... MS Office" and "de-escalation".
      let marks = 0;
      for (let i = 0; i < 60 && marks === 0; i += 1) {
        await p.goto(withCv);
        marks = await p.locator('ul.evidence mark.from-cv').count();
        if (marks === 0) await p.waitForTimeout(500);
      }
      assert.ok(marks > 0, 'evidence from the CV is marked');
      assert.match(await p.locator('ul.evidence mark.from-cv').first().innerText(),
        /^aus dem Lebenslauf \(Dokument 1, Zeile \d+\)$/);
      assert.match(await p.locator('ul.document-list').innerText(), /gelesener Text: [\d.]+ Zeichen/);
      if (await p.getByRole('button', { name: 'Name und Kontaktdaten anzeigen' }).count()) {
        assert.equal(await p.locator('ul.document-list a').count(), 0, 'no download while blind');
        await Promise.all([p.waitForLoadState('load'),
          p.getByRole('button', { name: 'Name und Kontaktdaten anzeigen' }).click()]);
      }
      const [cv] = await Promise.all([p.waitForEvent('download'),
        p.locator('ul.document-list a', { hasText: 'cv-en.pdf' }).click()]);
      assert.equal(cv.suggestedFilename(), 'cv-en.pdf');

      // The export of the list.
      await p.goto(`${base}/de/openings/${openingId}/applications`);
      const [download] = await Promise.all([p.waitForEvent('download'),
        p.getByRole('link', { name: 'Als XLSX exportieren' }).click()]);
      assert.match(download.suggestedFilename(), /^applications-.*\.xlsx$/);

      // The same pages in English.
      await p.goto(`${base}/en/openings/${openingId}/applications`);
      assert.ok((await p.locator('h1').innerText()).startsWith('Applications:'));
      await checkPage(p, 'en-applications');
    } finally {
      await context.close();
    }
  });

  test('de: the applicant withdraws; erasure removes the other application', async () => {
    const applicant = await browser.newContext({ viewport: phone, bypassCSP: true });
    try {
      const p = await applicant.newPage();
      await p.goto(linkWithoutScript);
      await checkPage(p, 'de-application-status-phone');
      await Promise.all([p.waitForLoadState('load'),
        p.getByRole('button', { name: 'Ja, meine Bewerbung zurückziehen' }).click()]);
      assert.ok((await p.locator('main').innerText()).includes('zurückgezogen'));
    } finally {
      await applicant.close();
    }

    const context = await browser.newContext({ viewport: desktop, bypassCSP: true });
    try {
      const p = await context.newPage();
      await signInAs(p, base, 'en', logins.recruiter.login, logins.recruiter.password);
      await p.goto(`${base}/en/openings/${openingId}/applications`);
      const before = await p.locator('table.applications tbody tr').count();
      await Promise.all([p.waitForURL(/\/en\/applications\/[0-9a-f-]{36}$/),
        p.locator('table.applications tbody a').first().click()]);
      await checkPage(p, 'en-application');
      await p.getByLabel('Erase applicant').check();
      await Promise.all([p.waitForURL(/applications\?erased=1$/),
        p.getByRole('button', { name: 'Erase applicant' }).click()]);
      assert.ok((await p.locator('.notice').innerText()).includes('erased'));
      assert.equal(await p.locator('table.applications tbody tr').count(), before - 1);
    } finally {
      await context.close();
    }
  });
});
