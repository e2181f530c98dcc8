// The symposium as people use it at 360 px, with and without JavaScript:
// read the programme and filter it, register (a refusal first, nothing typed
// lost), open the private link, change and cancel; at the door, check a
// ticket in twice. Every page visited passes axe-core's WCAG 2.1 AA rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, phone } from '../browser.mjs';
import { expectNoAxeViolations } from '../axe.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
const EVENT = 'colloque-mulhouse-solidaire';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** No horizontal scrolling at 360 px. */
async function fitsThePhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide`);
}

async function journey(javaScript) {
  const label = javaScript ? 'with JavaScript' : 'without JavaScript';
  const context = await phone(browser, { javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const check = async (what) => {
    await expectNoAxeViolations(page, `${what} ${label}`, { javaScript });
    if (javaScript) await fitsThePhone(page, what);
  };

  // The programme, filtered by a theme with a plain form.
  await page.goto(`${BASE}/events/${EVENT}`);
  await page.getByRole('heading', { level: 1, name: 'Colloque « Mulhouse solidaire »' }).waitFor();
  await check('programme');
  await page.getByLabel('Thème', { exact: true }).selectOption({ label: 'Logement et cadre de vie' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await page.getByRole('link', { name: 'Atelier : des logements dignes et adaptés' }).click();
  await page.getByRole('heading', { level: 1, name: 'Atelier : des logements dignes et adaptés' }).waitFor();
  await check('session');
  await page.getByRole('link', { name: 'Claire Muller' }).click();
  await page.getByText('Personne fictive (démonstration)').first().waitFor();
  await check('speaker');

  // Register: forgetting the consent is refused, nothing typed is lost.
  await page.goto(`${BASE}/events/${EVENT}/register`);
  await check('registration form');
  const email = `e2e-${javaScript ? 'js' : 'nojs'}-${Date.now()}@example.org`;
  await page.getByLabel(/^Prénom/).fill('Odette');
  await page.getByLabel(/^Nom/).fill('Navigateur');
  await page.getByLabel(/^Adresse e-mail/).fill(email);
  await page.getByLabel('Bénévole').check();
  const days = page.getByRole('group', { name: /Jours de présence/ });
  await days.getByRole('checkbox').first().check();
  // The full workshop offers its waiting list.
  await page.getByRole('radio', { name: /un guichet unique/ }).check();
  await page.getByRole('group', { name: /actes du colloque/ }).getByLabel('Oui').check();
  await page.getByLabel(/^Repas/).fill('Végétarien');
  await page.getByRole('button', { name: "S'inscrire" }).click();
  await page.getByRole('alert').getByText("Cochez la case d'accord").waitFor();
  assert.equal(await page.getByLabel(/^Prénom/).inputValue(), 'Odette');
  assert.equal(await page.getByLabel(/^Repas/).inputValue(), 'Végétarien');
  assert.ok(await page.getByRole('radio', { name: /un guichet unique/ }).isChecked());
  await check('registration refused');
  await page.getByLabel(/J'accepte que la Ville/).check();
  await page.getByRole('button', { name: "S'inscrire" }).click();

  // The private page: ticket code, place on the waiting list, change, cancel.
  await page.getByRole('status').getByText('Vous êtes inscrit').waitFor();
  assert.match(page.url(), new RegExp(`/events/${EVENT}/registration/[A-Za-z0-9_-]{43}$`));
  const code = (await page.locator('.ticket-code').innerText()).trim();
  assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  await page.getByText(/Liste d'attente, position \d+/).waitFor();
  await check('private registration page');
  const link = page.url();
  await page.getByLabel(/^Accessibilité/).fill('Boucle magnétique');
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await page.getByRole('status').getByText('Votre inscription est modifiée').waitFor();
  assert.equal(await page.getByLabel(/^Accessibilité/).inputValue(), 'Boucle magnétique');
  return { context, page, link, code, check };
}

async function desk(javaScript, code) {
  const context = await phone(browser, { javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const label = javaScript ? 'with JavaScript' : 'without JavaScript';
  await page.goto(`${BASE}/login`);
  await page.fill('#f-email', 'accueil@demo.participe.test');
  await page.fill('#f-password', 'demo-participe');
  await page.click('button[type=submit]');
  await page.goto(`${BASE}/events/${EVENT}/check-in`);
  await expectNoAxeViolations(page, `check-in ${label}`, { javaScript });
  await page.getByLabel(/Code du billet/).fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Valider le billet' }).click();
  await page.getByRole('heading', { name: 'Entrée acceptée' }).waitFor();
  await page.getByText('Odette Navigateur').waitFor();
  await expectNoAxeViolations(page, `check-in admitted ${label}`, { javaScript });
  await page.getByLabel(/Code du billet/).fill(code);
  await page.getByRole('button', { name: 'Valider le billet' }).click();
  await page.getByRole('heading', { name: 'Entrée refusée' }).waitFor();
  await page.getByText(/déjà servi pour ce jour/).waitFor();
  await expectNoAxeViolations(page, `check-in refused ${label}`, { javaScript });
  await page.goto(`${BASE}/events/${EVENT}/attendees`);
  await page.getByRole('link', { name: 'Télécharger (Excel)' }).waitFor();
  await expectNoAxeViolations(page, `attendees ${label}`, { javaScript });
  await context.close();
}

for (const javaScript of [false, true]) {
  test(`register, check in and cancel ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
    const { context, page, link, code, check } = await journey(javaScript);
    await desk(javaScript, code);
    await page.goto(link);
    await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await page.getByRole('alert').getByText('Cochez la case pour confirmer').waitFor();
    await page.getByLabel("Je confirme l'annulation de mon inscription").check();
    await page.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await page.getByText('Cette inscription est annulée.').waitFor();
    await check('cancelled registration');
    await context.close();
  });
}
