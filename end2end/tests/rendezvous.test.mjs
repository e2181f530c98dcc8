// The Rendez-vous citoyen live, with three browsers at once: the host's
// console, a participant's 360 px phone and the projector. The host opens a
// question, the participant answers it, and the projector shows the new
// result without being reloaded. A second phone without JavaScript answers
// by a plain form post. Every page passes axe-core's WCAG 2.1 AA rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, phone } from '../browser.mjs';
import { expectNoAxeViolations } from '../axe.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
const SLUG = 'rendez-vous-citoyen';
const LIVE = `${BASE}/rendezvous/${SLUG}`;
const CHOICE = 'Des permanences de santé dans les quartiers';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fitsThePhone(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `${what} is ${width} px wide`);
}

/** The projector's count of answers, as shown. */
const total = (page) => page.locator('.live-total strong').first().innerText();

test('the host opens a question, a phone answers, the projector updates without reload', async () => {
  const hostContext = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'fr-FR' });
  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
  const phoneContext = await phone(browser);
  const noJsContext = await phone(browser, { javaScript: false });
  const host = await hostContext.newPage();
  const projector = await projectorContext.newPage();
  const participant = await phoneContext.newPage();
  const noJs = await noJsContext.newPage();
  for (const p of [host, projector, participant, noJs]) p.setDefaultTimeout(10_000);

  // The host (event staff) logs in and opens the console.
  await host.goto(`${BASE}/login?next=/rendezvous/${SLUG}/console`);
  await host.getByLabel('Adresse e-mail').fill('accueil@demo.participe.test');
  await host.getByLabel('Mot de passe').fill('demo-participe');
  await host.getByRole('button', { name: 'Se connecter' }).click();
  await host.waitForURL(/\/console/);
  await host.getByRole('heading', { level: 1, name: "Console d'animation" }).waitFor();
  await host.locator('.live-room[data-live="on"]').waitFor();
  await expectNoAxeViolations(host, 'host console');

  // The projector shows the last closed question (60 demo answers).
  await projector.goto(`${LIVE}/projector`);
  await projector.locator('.live-room[data-live="on"]').waitFor();
  await projector.getByText(/\?mode=room/).waitFor();
  await projector.getByRole('img', { name: /^Code QR pour ouvrir la page en direct : http.*\?mode=room$/ }).waitFor();
  assert.equal(await total(projector), '60');
  await expectNoAxeViolations(projector, 'projector');
  await projector.evaluate(() => { window.__notReloaded = true; });

  // The participant, on a phone, says they are in the room; the video is not loaded.
  await participant.goto(LIVE);
  await participant.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await participant.locator('iframe').count(), 0, 'no video frame before play');
  await expectNoAxeViolations(participant, 'live page, first visit');
  await fitsThePhone(participant, 'live page');
  await participant.getByRole('button', { name: 'Je suis dans la salle' }).click();
  await participant.getByText('Vous participez dans la salle.').waitFor();
  await participant.locator('.live-room[data-live="on"]').waitFor();

  // The host opens question 2: it reaches the phone and the projector by themselves.
  await host.getByRole('button', { name: 'Ouvrir la question 2' }).click();
  await host.getByText('Question ouverte : elle s\'affiche sur tous les écrans.').waitFor();
  await participant.getByRole('group', { name: /Quelle piste d'action/ }).waitFor();
  await projector.getByText("Quelle piste d'action faut-il lancer en premier ?").first().waitFor();
  await projector.waitForFunction(() => document.querySelector('.live-total strong')?.textContent === '0');
  await expectNoAxeViolations(participant, 'live page, open question');
  await fitsThePhone(participant, 'live page with a question');

  // The participant answers: sent in the background, the page stays.
  await participant.evaluate(() => { window.__notReloaded = true; });
  await participant.getByLabel(CHOICE).check();
  await participant.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await participant.getByText('Merci, votre réponse est enregistrée.').waitFor();
  assert.equal(await participant.evaluate(() => window.__notReloaded), true, 'the phone was not reloaded');

  // The projector shows it, without a reload.
  await projector.waitForFunction(() => document.querySelector('.live-total strong')?.textContent === '1');
  assert.equal(await projector.evaluate(() => window.__notReloaded), true, 'the projector was not reloaded');
  const row = projector.locator('.data-table tr', { hasText: CHOICE });
  assert.match(await row.innerText(), /1\s+100 %\s+1\s+0/);

  // A phone without JavaScript answers with plain form posts.
  await noJs.goto(LIVE);
  await expectNoAxeViolations(noJs, 'live page without JavaScript', { javaScript: false });
  await noJs.getByRole('button', { name: 'Je suis à distance' }).click();
  await noJs.getByText('Vous participez à distance.').waitFor();
  await noJs.getByLabel('Un guichet unique près de chez soi').check();
  await noJs.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await noJs.getByRole('status').getByText('Votre réponse est enregistrée.').waitFor();
  await noJs.getByText('Merci, votre réponse est enregistrée.').waitFor();
  await expectNoAxeViolations(noJs, 'live page answered without JavaScript', { javaScript: false });
  await projector.waitForFunction(() => document.querySelector('.live-total strong')?.textContent === '2');
  assert.equal(await projector.evaluate(() => window.__notReloaded), true);

  // The participant asks a question; the host approves it; it reaches the projector.
  await participant.getByLabel('Votre question').fill('Où trouver le compte rendu de ce soir ?');
  await participant.getByRole('button', { name: 'Envoyer ma question' }).click();
  await participant.getByText('Votre question attend la validation de la modération.').waitFor();
  // It reaches the host's queue without a reload (the staff-only stream).
  const pending = host.locator('#pending .audience-item', { hasText: 'Où trouver le compte rendu' });
  await pending.waitFor();
  await pending.getByRole('button', { name: 'Valider' }).click();
  await host.getByText("C'est fait.").waitFor();
  await projector.getByText('Où trouver le compte rendu de ce soir ?').waitFor();
  await expectNoAxeViolations(host, 'host console after moderation');

  // Closing the question shows the final results everywhere.
  await host.getByRole('button', { name: 'Fermer la question 2' }).click();
  await projector.getByText('Question fermée : résultats définitifs').waitFor();
  await participant.getByText('Question fermée : résultats définitifs').waitFor();
  assert.equal(await projector.evaluate(() => window.__notReloaded), true);

  // The video loads only when asked.
  await participant.getByRole('link', { name: /Lancer la vidéo/ }).click();
  await participant.locator('iframe[src*="youtube-nocookie.com"]').waitFor();

  for (const c of [hostContext, projectorContext, phoneContext, noJsContext]) await c.close();
});

test('registration for the meeting, with and without JavaScript', async () => {
  for (const javaScript of [true, false]) {
    const context = await phone(browser, { javaScript });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${LIVE}/register`);
    await expectNoAxeViolations(page, `registration form ${javaScript}`, { javaScript });
    await page.getByLabel(/^Nom ou prénom/).fill('Odette');
    await page.getByLabel('Je suis à distance').check();
    await page.getByRole('button', { name: "M'inscrire" }).click();
    await page.getByRole('alert').getByText("Cochez la case d'accord").waitFor();
    assert.equal(await page.getByLabel(/^Nom ou prénom/).inputValue(), 'Odette');
    await page.getByLabel(/J'accepte que la Ville/).check();
    await page.getByRole('button', { name: "M'inscrire" }).click();
    await page.getByRole('status').getByText('Vous êtes inscrit').waitFor();
    await expectNoAxeViolations(page, `registration page ${javaScript}`, { javaScript });
    if (javaScript) await fitsThePhone(page, 'registration page');
    await context.close();
  }
});
