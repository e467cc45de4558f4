// Browser tests of the account pages: signing in and out, changing the password, an admin
// adding a recruiter, in English and German, on a phone and a desktop, axe-core clean. Run by
// tests/server/run_server_tests.sh against `ccteam serve --demo`; CCTEAM_LOGINS names the JSON
// file of the demo accounts it printed ({"admin": {"login": ..., "password": ...}, ...}).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkPage, launchBrowser, signIn as signInAs } from './browser.mjs';

const base = (process.env.CCTEAM_URL ?? '').replace(/\/$/, '');
const logins = process.env.CCTEAM_LOGINS ? JSON.parse(readFileSync(process.env.CCTEAM_LOGINS, 'utf8')) : null;

// The texts the pages show, from the message tables.
const text = {
  en: {
    signIn: 'Sign in', account: 'Your account', users: 'Users', audit: 'Audit log',
    mustChange: 'You signed in with a one-time password', changed: 'Your password is changed',
    signedOut: 'You are signed out.', added: 'is added', login: 'Login', password: 'Password',
    name: 'Name', role: 'Role', addUser: 'Add user', current: 'Current password',
    repeat: 'Repeat the new password', save: 'Save password', signOut: 'Sign out', ladder: 'Career ladder',
    wrong: 'the login or the password is wrong',
  },
  de: {
    signIn: 'Anmelden', account: 'Ihr Konto', users: 'Benutzer', audit: 'Audit-Protokoll',
    mustChange: 'Sie haben sich mit einem Einmalpasswort angemeldet', changed: 'Ihr Passwort ist geändert',
    signedOut: 'Sie sind abgemeldet.', added: 'ist angelegt', login: 'Anmeldename', password: 'Passwort',
    name: 'Name', role: 'Rolle', addUser: 'Benutzer anlegen', current: 'Aktuelles Passwort',
    repeat: 'Neues Passwort wiederholen', save: 'Passwort speichern', signOut: 'Abmelden', ladder: 'Karriereleiter',
    wrong: 'Anmeldename oder Passwort ist falsch',
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

function signIn(p, lang, login, password) {
  return signInAs(p, base, lang, login, password);
}

describe('accounts', { concurrency: 2 }, () => {
  for (const [lang, viewport] of [['en', { width: 390, height: 844 }], ['de', { width: 1280, height: 800 }]]) {
    test(`${lang}: an admin adds a recruiter, who signs in, changes the password and signs out`, async () => {
      // bypassCSP only for injecting axe-core; the pages' own CSP is tested in pages.test.mjs.
      const admin = await browser.newContext({ viewport, bypassCSP: true });
      const recruiter = await browser.newContext({ viewport, bypassCSP: true });
      const errors = [];
      try {
        const a = await admin.newPage();
        a.on('pageerror', (e) => errors.push(String(e)));
        await a.goto(`${base}/${lang}/sign-in`);
        assert.equal((await a.locator('h1').innerText()).trim(), text[lang].signIn);
        await checkPage(a, `${lang}-sign-in`);
        // A wrong password: the error is shown and the login kept.
        await signIn(a, lang, logins.admin.login, 'not the password at all');
        assert.ok((await a.locator('.form-errors').innerText()).includes(text[lang].wrong));
        assert.equal(await a.getByLabel(text[lang].login).inputValue(), logins.admin.login);
        await signIn(a, lang, logins.admin.login, logins.admin.password);
        assert.match(new URL(a.url()).pathname, new RegExp(`^/${lang}/roles$`));
        await Promise.all([a.waitForURL(new RegExp(`/${lang}/admin/users$`)),
          a.getByRole('link', { name: text[lang].users, exact: true }).click()]);
        await checkPage(a, `${lang}-users`);
        const login = `recruiter-${lang}-${Date.now() % 100000}`;
        await a.getByLabel(text[lang].login).fill(login);
        await a.getByLabel(text[lang].name, { exact: true }).fill(lang === 'de' ? 'Jürgen Weiß' : 'Alex Morgan');
        await a.getByLabel(text[lang].role).selectOption('recruiter');
        await Promise.all([a.waitForLoadState('load'), a.getByRole('button', { name: text[lang].addUser }).click()]);
        const notice = await a.locator('.notice').innerText();
        assert.ok(notice.includes(text[lang].added), notice);
        const oneTime = (await a.locator('.notice code.secret').innerText()).trim();
        assert.match(oneTime, /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
        assert.ok((await a.locator('table.data').innerText()).includes(login));
        await checkPage(a, `${lang}-users-added`);
        await Promise.all([a.waitForURL(new RegExp(`/${lang}/admin/audit$`)),
          a.getByRole('link', { name: text[lang].audit, exact: true }).click()]);
        await checkPage(a, `${lang}-audit`);

        const r = await recruiter.newPage();
        r.on('pageerror', (e) => errors.push(String(e)));
        await signIn(r, lang, login, oneTime);
        assert.match(new URL(r.url()).pathname, new RegExp(`^/${lang}/account$`));
        assert.ok((await r.locator('.notice').first().innerText()).includes(text[lang].mustChange));
        // Until the password is changed, other pages lead back here.
        await r.goto(`${base}/${lang}/admin/audit`);
        assert.equal(new URL(r.url()).pathname, `/${lang}/account`);
        await r.goto(`${base}/${lang}/account`);
        await checkPage(r, `${lang}-account-must-change`);
        const fresh = `my own password ${Date.now()}`;
        await r.getByLabel(text[lang].current).fill(oneTime);
        await r.locator('#new_password').fill(fresh);
        await r.getByLabel(text[lang].repeat).fill(fresh);
        await Promise.all([r.waitForLoadState('load'), r.getByRole('button', { name: text[lang].save }).click()]);
        assert.ok((await r.locator('.notice').innerText()).includes(text[lang].changed));
        await checkPage(r, `${lang}-account`);
        await Promise.all([r.waitForURL(new RegExp(`/${lang}/sign-in`)),
          r.getByRole('button', { name: text[lang].signOut }).click()]);
        assert.ok((await r.locator('.notice').innerText()).includes(text[lang].signedOut));
        // Signed out: the account page asks to sign in again; the new password works.
        await r.goto(`${base}/${lang}/account`);
        assert.match(new URL(r.url()).pathname, new RegExp(`^/${lang}/sign-in$`));
        // Signing in on that page returns to the account page (next=).
        await r.getByLabel(text[lang].login).fill(login);
        await r.getByLabel(text[lang].password, { exact: true }).fill(fresh);
        await Promise.all([r.waitForURL(new RegExp(`/${lang}/account$`)),
          r.getByRole('button', { name: text[lang].signIn }).click()]);
        assert.equal((await r.locator('h1').innerText()).trim(), text[lang].account);
        assert.deepEqual(errors, []);
      } finally {
        await admin.close();
        await recruiter.close();
      }
    });
  }
});
