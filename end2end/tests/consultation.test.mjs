// The consultation as people use it at 360 px, with and without JavaScript:
// propose an idea (and see a similar one first), moderate it, vote a whole
// sequence with qualifications, and see the results change. Every page
// visited passes axe-core's WCAG 2.1 AA rules.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, phone } from '../browser.mjs';
import { expectNoAxeViolations } from '../axe.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
const SLUG = 'mulhouse-solidaire';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function votesShown(page) {
  await page.goto(`${BASE}/consultations/${SLUG}/results`);
  const figures = page.locator('.figures li strong');
  return Number(await figures.nth(2).innerText());
}

async function journey(javaScript) {
  const label = javaScript ? 'with JavaScript' : 'without JavaScript';
  const context = await phone(browser, { javaScript });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const check = (what) => expectNoAxeViolations(page, `${what} ${label}`, { javaScript });

  const before = await votesShown(page);
  await check('results');

  // Propose: the first step shows similar ideas one could vote on instead.
  await page.goto(`${BASE}/consultations/${SLUG}`);
  await check('consultation home');
  await page.getByRole('link', { name: 'Proposer une idée' }).click();
  await check('propose, first step');
  const idea = `ouvrir une maison de santé près de la gare ${Date.now() % 100000}`;
  await page.getByLabel('Votre idée').fill(idea);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('heading', { name: 'Des idées proches existent déjà' }).waitFor();
  await page.getByText('Il faut ouvrir une maison de santé dans chaque quartier').waitFor();
  await check('propose, similar ideas');
  // Forgetting the charter is refused with nothing typed lost.
  await page.getByLabel(/Prénom ou pseudonyme/).fill('Amina');
  await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
  await page.getByRole('alert').getByText('acceptez la charte de modération').waitFor();
  assert.equal(await page.getByLabel(/Prénom ou pseudonyme/).inputValue(), 'Amina');
  assert.match(await page.getByLabel(/Votre idée/).inputValue(), /maison de santé près de la gare/);
  await check('propose, refused');
  await page.getByLabel(/J'accepte la/).check();
  await page.getByRole('button', { name: 'Envoyer ma proposition' }).click();
  await page.getByText('Votre idée est bien reçue').waitFor();

  // With JavaScript, a second tab keeps the results open: its figures follow
  // the votes live, without a reload.
  let live;
  if (javaScript) {
    live = await context.newPage();
    await live.goto(`${BASE}/consultations/${SLUG}/results`);
    await live.locator('.figures[data-live="on"]').waitFor();
    await live.evaluate(() => { window.notReloaded = true; });
  }

  // Vote a whole sequence: agree with a qualification, disagree, neutral...
  await page.getByRole('link', { name: 'Voter sur les propositions' }).click();
  // With JavaScript the vote island sends each step in the background: the
  // whole sequence is voted without one page load (the marker survives).
  const settled = () => javaScript
    ? page.locator('.vote-sequence[data-live="on"]:not([aria-busy])').waitFor()
    : Promise.resolve();
  if (javaScript) {
    await settled();
    await page.evaluate(() => { window.sameVotePage = true; });
  }

  const keys = ["D'accord", "Pas d'accord", 'Neutre'];
  for (let card = 0; card < 40; card++) {
    const finished = page.getByRole('heading', { name: 'Merci pour vos votes !' });
    const demographics = page.getByRole('heading', { name: 'Encore une question, si vous voulez bien' });
    await page.locator('.vote-card').first().waitFor();
    if (await finished.count()) break;
    if (await demographics.count()) {
      await check('demographics card');
      await page.getByLabel('Tranche d\'âge (facultatif)').selectOption('25-34');
      await page.getByRole('button', { name: 'Valider' }).click();
      await settled();
      continue;
    }
    const progress = await page.locator('.progress').innerText();
    assert.match(progress, /^\d+ \/ \d+$/);
    if (card === 0) await check('vote card');
    await page.getByRole('button', { name: keys[card % 3], exact: true }).click();
    await page.getByText(/^Votre avis :/).waitFor();
    if (card === 0) {
      await page.getByLabel('Coup de cœur').check();
      await page.getByRole('button', { name: 'Enregistrer ces précisions' }).click();
      await settled();
      await page.getByText(/^Votre avis :/).waitFor();
      assert.ok(await page.getByLabel('Coup de cœur').isChecked(), 'the qualification is kept');
      await check('voted card');
    }
    await page.getByRole('button', { name: /^(Suivante|Terminer)$/ }).click();
    await settled();
  }
  await page.getByRole('heading', { name: 'Merci pour vos votes !' }).waitFor();
  await check('end of sequence');
  if (javaScript) {
    assert.equal(await page.evaluate(() => window.sameVotePage), true,
      'the whole sequence was voted without a page reload');
  }
  if (javaScript) {
    const liveVotes = () => live.locator('.figures li strong').nth(2).innerText().then(Number);
    await live.waitForFunction(
      (n) => Number(document.querySelectorAll('.figures li strong')[2].textContent) >= n,
      before + 10, { timeout: 10_000 });
    assert.ok(await liveVotes() >= before + 10, 'the open results page counted the votes live');
    assert.equal(await live.evaluate(() => window.notReloaded), true, 'without reloading');
  }

  const after = await votesShown(page);
  assert.ok(after >= before + 10, `results count the new votes: ${before} -> ${after}`);
  await context.close();
  return idea;
}

async function moderate(idea) {
  const context = await phone(browser, { javaScript: false });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${BASE}/login?next=/moderation`);
  await page.getByLabel('Adresse e-mail').fill('moderation@demo.participe.test');
  await page.getByLabel('Mot de passe').fill('demo-participe');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Modération', level: 1 }).waitFor();
  await expectNoAxeViolations(page, 'moderation queue', { javaScript: false });
  await page.getByRole('button', { name: "Modérer l'idée suivante" }).first().click();
  // Work through the queue until our idea comes up; refuse the rude one on the way.
  for (let i = 0; i < 20; i++) {
    const text = await page.locator('.proposal-text').innerText();
    if (i === 0) await expectNoAxeViolations(page, 'moderating a proposal', { javaScript: false });
    if (text.includes(idea)) {
      await page.getByLabel('Santé et accès aux soins').check();
      await page.getByRole('button', { name: 'Publier' }).click();
      break;
    }
    if (text.includes('démissionne')) {
      await page.getByLabel('Motif du refus').selectOption('partisan');
      await page.getByRole('button', { name: 'Refuser' }).click();
    } else {
      await page.getByRole('button', { name: 'Publier' }).click();
    }
  }
  await page.getByText("L'idée est publiée.").waitFor();
  // Published: it is now in the open data.
  const csv = await (await page.request.get(`${BASE}/api/consultations/${SLUG}/proposals.csv`)).text();
  assert.ok(csv.includes(idea), 'the moderated idea is published');
  await context.close();
}

const limit = { timeout: 180_000 };
test('propose, vote a full sequence and see results, without JavaScript, then moderate', limit, async () => {
  const idea = await journey(false);
  await moderate(idea);
});
test('the same with JavaScript', limit, async () => {
  await journey(true);
});
