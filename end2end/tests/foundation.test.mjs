// The foundation as people use it, at 360 px, with JavaScript on and off:
// visit home, switch to English and back, log in as the demo admin, create a
// phase; every page visited passes axe-core's WCAG 2.1 AA rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, phone } from '../browser.mjs';
import { expectNoAxeViolations } from '../axe.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function journey(javaScript) {
  const context = await phone(browser, { javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const label = javaScript ? 'with JavaScript' : 'without JavaScript';

  await page.goto(BASE + '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.getByRole('heading', { level: 1, name: 'Participez aux projets de votre ville' }).waitFor();
  await expectNoAxeViolations(page, `home ${label}`, { javaScript });

  // Switch to English with the visible switch, then back to French.
  await page.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: "Take part in your city's projects" }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await expectNoAxeViolations(page, `home in English ${label}`, { javaScript });
  // The card's title leads to the process (its button, to the one open phase).
  await page.locator('li.card h2 a').first().click();
  await page.getByRole('heading', { name: 'Phases' }).waitFor();
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Français' }).click();
  await page.getByRole('heading', { name: 'Les étapes' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await expectNoAxeViolations(page, `process page ${label}`, { javaScript });

  // Each phase has its page.
  await page.getByRole('link', { name: 'Consultation citoyenne' }).click();
  await page.getByRole('heading', { level: 1, name: 'Consultation citoyenne' }).waitFor();
  await page.getByText('Comment améliorer vos conditions de vie à Mulhouse ?').first().waitFor();
  await expectNoAxeViolations(page, `phase page ${label}`, { javaScript });

  // Log in as the demo admin.
  await page.getByRole('link', { name: "Connexion de l'équipe" }).click();
  await expectNoAxeViolations(page, `login ${label}`, { javaScript });
  await page.getByLabel('Adresse e-mail').fill('admin@demo.participe.test');
  await page.getByLabel('Mot de passe').fill('demo-participe');
  if (javaScript) {
    // The island is alive: the password can be shown.
    await page.getByRole('button', { name: 'Afficher le mot de passe' }).click();
    assert.equal(await page.getAttribute('#f-password', 'type'), 'text');
  } else {
    assert.equal(await page.getByRole('button', { name: 'Afficher le mot de passe' }).count(), 0);
  }
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Bonjour Camille (admin)').waitFor();
  await expectNoAxeViolations(page, `admin dashboard ${label}`, { javaScript });

  // Open the demo process and add a phase; a missing title is refused first,
  // with the message at the field and nothing typed lost.
  await page.getByRole('link', { name: /Mulhouse solidaire, les états généraux/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Modifier la démarche' }).waitFor();
  await expectNoAxeViolations(page, `process editor ${label}`, { javaScript });
  await page.getByRole('link', { name: 'Ajouter une étape' }).click();
  await expectNoAxeViolations(page, `new phase ${label}`, { javaScript });
  const title = `Bilan public ${label} ${Date.now()}`;
  await page.getByLabel('Description').fill('Une soirée pour présenter la feuille de route.');
  await page.getByLabel('Date de début').fill('2027-09-15');
  await page.getByLabel('Date de fin').fill('2027-09-15');
  await page.getByLabel('Questionnaire').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('alert').getByText('Indiquez un titre.').waitFor();
  assert.equal(await page.getByLabel('Description').inputValue(), 'Une soirée pour présenter la feuille de route.');
  assert.equal(await page.getByLabel('Date de début').inputValue(), '2027-09-15');
  assert.ok(await page.getByLabel('Questionnaire').isChecked());
  assert.equal(await page.getAttribute('#f-title', 'aria-invalid'), 'true');
  await expectNoAxeViolations(page, `refused phase form ${label}`, { javaScript });

  await page.getByLabel(/^Titre/).fill(title);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByText("L'étape est enregistrée.").waitFor();
  await page.getByText(title).first().waitFor();

  // The public process page shows it in the timeline.
  await page.goto(BASE + '/processes/mulhouse-solidaire');
  await page.getByRole('link', { name: title }).waitFor();
  await context.close();
}

const limit = { timeout: 120_000 };
test('visit, switch language, log in and create a phase, with JavaScript', limit, () => journey(true));
test('the same journey without JavaScript', limit, () => journey(false));
