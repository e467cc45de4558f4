// What the browser tests share: Debian's Chromium through playwright-core, and the check every
// page passes (no horizontal scrolling, a screenshot, no axe-core violation of WCAG 2.1 A/AA).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const axePath = join(here, '..', 'node_modules', 'axe-core', 'axe.min.js');
export const shots = process.env.CCTEAM_SCREENSHOTS || join(tmpdir(), 'ccteam-screenshots');

// Chromium without sandbox, GPU or background traffic (CHROMIUM names another binary).
export async function launchBrowser() {
  mkdirSync(shots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// The axe-core violations of the page (the context needs bypassCSP to inject axe).
export async function axeViolations(p) {
  await p.addScriptTag({ path: axePath });
  return p.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

// No horizontal scrolling, a full-page screenshot named 'name', and no axe violation.
export async function checkPage(p, name) {
  const { scrollWidth, innerWidth } = await p.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${name}: horizontal scroll ${scrollWidth} > ${innerWidth}`);
  await p.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const violations = await axeViolations(p);
  if (violations.length) console.log(name, JSON.stringify(violations, null, 2));
  assert.equal(violations.length, 0, `${name}: ${violations.length} axe violation(s)`);
}

// The sign-in form's texts (src/ccteam/core/messages_{en,de}.cpp).
const signInText = {
  en: { login: 'Login', password: 'Password', signIn: 'Sign in' },
  de: { login: 'Anmeldename', password: 'Passwort', signIn: 'Anmelden' },
};

// Signs in on the page of 'lang' at 'base' with 'login' and 'password'; waits for the page after.
export async function signIn(p, base, lang, login, password) {
  const t = signInText[lang];
  await p.goto(`${base}/${lang}/sign-in`);
  await p.getByLabel(t.login).fill(login);
  await p.getByLabel(t.password, { exact: true }).fill(password);
  await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: t.signIn }).click()]);
}
