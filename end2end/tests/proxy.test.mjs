// Production shape: Debian's nginx, running the shipped deploy/nginx.conf (TLS,
// an upstream of two instances, unbuffered event streams), in front of two
// `participe` instances on one PostgreSQL database (see ../proxy.mjs).
// Through nginx a resident votes, registers for the Rendez-vous citoyen and
// answers its live question on instance A, while a viewer on instance B sees
// the vote figures and the answer arrive live; the delays are printed. Pages
// come through with the app's security headers, once each. Two
// residents behind the proxy, with different forwarded addresses, are limited
// separately, and one of them is refused on both instances once over the limit.
// Skipped, with a message, when PARTICIPE_TEST_POSTGRES_URL is unset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../browser.mjs';
import { startStack } from '../proxy.mjs';

const POSTGRES = process.env.PARTICIPE_TEST_POSTGRES_URL;
const skip = POSTGRES ? false : 'PARTICIPE_TEST_POSTGRES_URL is unset: the proxy test needs PostgreSQL';
if (skip) console.log(`proxy.test.mjs: skipped, ${skip}`);

const CONSULTATION = 'mulhouse-solidaire';
const EVENT = 'colloque-mulhouse-solidaire';
const MEETING = 'rendez-vous-citoyen';
const CHOICE = 'Des permanences de santé dans les quartiers';
// Small, so that the third registration from one address is refused.
const REGISTRATIONS_PER_ADDRESS = 2;

let browser;
let stack;

before(async () => {
  if (skip) return;
  stack = await startStack({
    postgresUrl: POSTGRES,
    env: { PARTICIPE_RATE_REGISTRATIONS_PER_ADDRESS: String(REGISTRATIONS_PER_ADDRESS) },
  });
  console.log(`nginx at ${stack.base}, instances on :${stack.instanceA.port} and :${stack.instanceB.port}`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stack?.stop();
});

/** A phone-sized browser that reaches the site through nginx; `instance` pins
 *  it to one instance, `client` is the address nginx forwards for it. */
function visitor({ instance, client, javaScript = true } = {}) {
  const headers = {};
  if (instance) headers['x-test-instance'] = instance;
  if (client) headers['x-test-client'] = client;
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: javaScript,
    locale: 'fr-FR',
    ignoreHTTPSErrors: true, // the test's own certificate
    extraHTTPHeaders: headers,
  });
}

async function page(context) {
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  return p;
}

/** The browser clock at which the condition in `viewer` first held (both pages
 *  and this test share the machine's clock): `check` records it in `__seenAt`. */
const firstSeen = (viewer, check, arg) => viewer
  .waitForFunction(check, arg, { polling: 'raf', timeout: 15_000 })
  .then((handle) => handle.jsonValue());

const votesShown = (p) => p.locator('.figures li strong').nth(2).innerText().then(Number);

test('through nginx: a vote, a registration and a live answer on A reach a viewer on B', { skip }, async () => {
  const residentContext = await visitor({ instance: 'a' });
  const viewerContext = await visitor({ instance: 'b' });
  const hostContext = await visitor({}); // both instances, as shipped
  const resident = await page(residentContext);
  const viewer = await page(viewerContext);
  const host = await page(hostContext);

  // The viewer, on B, watches the consultation's live figures.
  await viewer.goto(`${stack.base}/consultations/${CONSULTATION}/results`);
  await viewer.locator('.figures[data-live="on"]').waitFor();
  const before = await votesShown(viewer);

  // The resident, on A, votes on the first card. The page comes through nginx
  // with the app's security headers, once each: HSTS as the address is https.
  const shown = await resident.goto(`${stack.base}/consultations/${CONSULTATION}/vote`);
  const headers = await shown.headersArray();
  const named = (name) => headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value);
  assert.equal(named('content-security-policy').length, 1, 'one Content-Security-Policy');
  assert.match(named('content-security-policy')[0], /frame-ancestors 'none'/);
  assert.equal(named('strict-transport-security').length, 1, 'HSTS behind the https proxy');
  await resident.locator('.vote-sequence[data-live="on"]:not([aria-busy])').waitFor();
  const voted = Date.now();
  await resident.getByRole('button', { name: "D'accord", exact: true }).click();
  await resident.getByText(/^Votre avis :/).waitFor();
  const voteAcknowledged = Date.now();
  const figuresSeen = await firstSeen(viewer, (n) => {
    const holds = Number(document.querySelectorAll('.figures li strong')[2]?.textContent) > n;
    if (holds) window.__seenAt ??= Date.now();
    return holds && window.__seenAt;
  }, before);
  assert.equal(await votesShown(viewer), before + 1, 'the vote made on A is counted on B');

  // The resident registers for the Rendez-vous citoyen, still through nginx.
  await resident.goto(`${stack.base}/rendezvous/${MEETING}/register`);
  await resident.getByLabel(/^Nom ou prénom/).fill('Odette');
  await resident.getByLabel('Je suis à distance').check();
  await resident.getByLabel(/J'accepte que la Ville/).check();
  await resident.getByRole('button', { name: "M'inscrire" }).click();
  await resident.getByRole('status').getByText('Vous êtes inscrit').waitFor();

  // The host (event staff) logs in through either instance and opens question 2.
  await host.goto(`${stack.base}/login?next=/rendezvous/${MEETING}/console`);
  await host.getByLabel('Adresse e-mail').fill('accueil@demo.participe.test');
  await host.getByLabel('Mot de passe').fill('demo-participe');
  await host.getByRole('button', { name: 'Se connecter' }).click();
  await host.waitForURL(/\/console/);
  await host.getByRole('button', { name: 'Ouvrir la question 2' }).click();
  await host.getByText("Question ouverte : elle s'affiche sur tous les écrans.").waitFor();

  // The viewer, on B, shows the projector; the resident, on A, answers.
  await viewer.goto(`${stack.base}/rendezvous/${MEETING}/projector`);
  await viewer.locator('.live-room[data-live="on"]').waitFor();
  await viewer.getByText("Quelle piste d'action faut-il lancer en premier ?").first().waitFor();
  await viewer.waitForFunction(() => document.querySelector('.live-total strong')?.textContent === '0');
  await viewer.evaluate(() => { window.__notReloaded = true; });
  await resident.goto(`${stack.base}/rendezvous/${MEETING}`);
  // Registered as remote, the page knows the mode; otherwise it asks.
  const question = resident.getByRole('group', { name: /Quelle piste d'action/ });
  const mode = resident.getByRole('button', { name: 'Je suis dans la salle' });
  await question.or(mode).first().waitFor();
  if (await mode.count()) await mode.click();
  await question.waitFor();
  await resident.getByLabel(CHOICE).check();
  const answered = Date.now();
  await resident.getByRole('button', { name: 'Envoyer ma réponse' }).click();
  await resident.getByText('Merci, votre réponse est enregistrée.').waitFor();
  const answerAcknowledged = Date.now();
  const answerSeen = await firstSeen(viewer, () => {
    const holds = document.querySelector('.live-total strong')?.textContent === '1';
    if (holds) window.__seenAt ??= Date.now();
    return holds && window.__seenAt;
  });
  assert.equal(await viewer.evaluate(() => window.__notReloaded), true, 'the projector on B was not reloaded');
  const row = viewer.locator('.data-table tr', { hasText: CHOICE });
  assert.match(await row.innerText(), /1\s+100 %/);

  console.log(`live through nginx, A -> B: vote figures ${figuresSeen - voted} ms after the click `
    + `(${figuresSeen - voteAcknowledged} ms after the vote was acknowledged); `
    + `live answer ${answerSeen - answered} ms after the click (${answerSeen - answerAcknowledged} ms after acknowledgement)`);
  for (const c of [residentContext, viewerContext, hostContext]) await c.close();
});

/** Registers `n` for the symposium through nginx; true when accepted, false when
 *  refused for going too fast (the form keeps what was typed). */
async function registerForTheSymposium(context, n) {
  const p = await page(context);
  await p.goto(`${stack.base}/events/${EVENT}/register`);
  await p.getByLabel(/^Prénom/).fill(`Résidente ${n}`);
  await p.getByLabel(/^Nom/).fill('Derrière-le-proxy');
  await p.getByLabel(/^Adresse e-mail/).fill(`proxy-${n}-${Date.now()}@example.org`);
  await p.getByLabel('Bénévole').check();
  await p.getByRole('group', { name: /Jours de présence/ }).getByRole('checkbox').first().check();
  await p.getByRole('group', { name: /actes du colloque/ }).getByLabel('Oui').check();
  await p.getByLabel(/J'accepte que la Ville/).check();
  await p.getByRole('button', { name: "S'inscrire" }).click();
  const accepted = p.getByRole('status').getByText('Vous êtes inscrit');
  const refused = p.getByRole('alert').getByText(/Trop d'inscriptions depuis cette connexion/);
  await accepted.or(refused).waitFor().catch(async () => {
    const shown = await p.locator('main').innerText().then((t) => t.slice(0, 400));
    throw new Error(`registration ${n} neither accepted nor refused for going too fast: ${shown}`);
  });
  const ok = await accepted.count() > 0;
  if (!ok) assert.equal(await p.getByLabel(/^Prénom/).inputValue(), `Résidente ${n}`, 'nothing typed is lost');
  await p.close();
  return ok;
}

test('two residents behind the proxy are limited separately, on both instances', { skip }, async () => {
  // Two residents, as nginx sees them: different addresses, forwarded to the app.
  const first = await visitor({ client: '198.51.100.7', javaScript: false });
  const second = await visitor({ client: '198.51.100.8', javaScript: false });
  const pin = (context, instance) => context.setExtraHTTPHeaders({ 'x-test-client': context.__client, 'x-test-instance': instance });
  first.__client = '198.51.100.7';
  second.__client = '198.51.100.8';

  // The first resident's registrations alternate between the instances: the
  // limit counts them together, and the one over it is refused.
  const outcomes = [];
  let instance = 'b';
  for (let n = 1; n <= REGISTRATIONS_PER_ADDRESS + 1; n++) {
    instance = instance === 'a' ? 'b' : 'a';
    await pin(first, instance);
    outcomes.push(await registerForTheSymposium(first, n));
  }
  assert.deepEqual(outcomes, [...Array(REGISTRATIONS_PER_ADDRESS).fill(true), false],
    `198.51.100.7: ${REGISTRATIONS_PER_ADDRESS} registrations accepted, the next refused`);
  // Refused on the other instance too.
  await pin(first, instance === 'a' ? 'b' : 'a');
  assert.equal(await registerForTheSymposium(first, 9), false, '198.51.100.7 is refused on both instances');

  // The second resident, behind the same proxy, is not.
  await pin(second, 'a');
  assert.equal(await registerForTheSymposium(second, 1), true, '198.51.100.8 registers');
  await pin(second, 'b');
  assert.equal(await registerForTheSymposium(second, 2), true, '198.51.100.8 registers on B too');
  await first.close();
  await second.close();
});
