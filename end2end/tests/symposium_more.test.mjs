// The symposium's action avenues, badges and door scan, at 360 px: the
// public avenues page (with and without JavaScript), the badge sheets printed
// to PDF (8 per A4 page), and a ticket's QR code scanned at check-in.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, launch, phone } from '../browser.mjs';
import { expectNoAxeViolations } from '../axe.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
const EVENT = 'colloque-mulhouse-solidaire';
let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function logIn(page) {
  await page.goto(`${BASE}/login`);
  await page.fill('#f-email', 'accueil@demo.participe.test');
  await page.fill('#f-password', 'demo-participe');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/admin/);
}

for (const javaScript of [false, true]) {
  test(`action avenues by theme ${javaScript ? 'with' : 'without'} JavaScript`, async () => {
    const context = await phone(browser, { javaScript });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${BASE}/events/${EVENT}`);
    await page.getByRole('link', { name: "Les pistes d'action issues des ateliers" }).click();
    await page.getByRole('heading', { level: 1, name: "Pistes d'action" }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Accès aux droits' }).waitFor();
    await page.getByRole('heading', { name: /Ouvrir une maison des droits/ }).waitFor();
    assert.ok(await page.locator('.avenue-proposals a').count() > 0, 'proposals are linked');
    await expectNoAxeViolations(page, `action avenues ${javaScript ? 'with' : 'without'} JavaScript`, { javaScript });
    if (javaScript) {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 360, `the avenues page is ${width} px wide`);
    }
    // A workshop's staff page, for event staff.
    await logIn(page);
    await page.goto(`${BASE}/events/${EVENT}/action-avenues`);
    await page.locator('.staff-box').getByRole('link', { name: 'Atelier : un guichet unique près de chez soi' }).click();
    await page.getByRole('heading', { level: 1, name: /Pistes d'action : Atelier : un guichet unique/ }).waitFor();
    await expectNoAxeViolations(page, 'avenues staff page', { javaScript });
    await context.close();
  });
}

test('badges print 8 to an A4 page', async () => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await logIn(page);
  await page.goto(`${BASE}/admin/events/${EVENT}/badges`);
  await page.getByRole('heading', { level: 1, name: 'Badges' }).waitFor();
  await page.getByRole('button', { name: 'Imprimer' }).waitFor();
  await expectNoAxeViolations(page, 'badges');
  const badges = await page.locator('.name-badge').count();
  assert.ok(badges > 8, `${badges} badges`);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('h1').isVisible(), false, 'only badges on paper');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, Math.ceil(badges / 8), `${badges} badges on ${pages} pages`);
  // Without JavaScript the page says how to print.
  const plain = await phone(browser, { javaScript: false });
  const nojs = await plain.newPage();
  await logIn(nojs);
  await nojs.goto(`${BASE}/admin/events/${EVENT}/badges`);
  await nojs.getByText(/utilisez la commande Imprimer/).waitFor();
  await expectNoAxeViolations(nojs, 'badges without JavaScript', { javaScript: false });
  await plain.close();
  await context.close();
});

test('a ticket QR code scanned at check-in admits its holder', async () => {
  // Chromium's fake camera stands in for a real one. Its picture holds no QR
  // code, and Linux Chromium has no BarcodeDetector at all: the detector
  // below is the one mock of these tests. It "reads" the ticket code once the
  // video plays, so everything after it (the island, the same form as a typed
  // code, the server's check-in) runs for real.
  const scanning = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream'],
  });
  try {
    const context = await phone(scanning, { javaScript: true });
    await context.grantPermissions(['camera'], { origin: BASE });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    // A new registration, whose ticket code is scanned.
    await page.goto(`${BASE}/events/${EVENT}/register`);
    await page.getByLabel(/^Prénom/).fill('Sacha');
    await page.getByLabel(/^Nom/).fill('Scanné');
    await page.getByLabel(/^Adresse e-mail/).fill(`scan-${Date.now()}@example.org`);
    await page.getByLabel('Habitant ou habitante').check();
    await page.getByRole('group', { name: /Jours de présence/ }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: /actes du colloque/ }).getByLabel('Non').check();
    await page.getByLabel(/J'accepte que la Ville/).check();
    await page.getByRole('button', { name: "S'inscrire" }).click();
    await page.getByRole('img', { name: /QR code de votre billet/ }).waitFor();
    const code = (await page.locator('.ticket-code').innerText()).trim().replace('-', '');
    await context.addInitScript((ticket) => {
      window.BarcodeDetector = class {
        static async getSupportedFormats() { return ['qr_code']; }
        async detect(video) { return video.readyState >= 2 ? [{ rawValue: ticket, format: 'qr_code' }] : []; }
      };
    }, code);
    await logIn(page);
    await page.goto(`${BASE}/events/${EVENT}/check-in`);
    await page.getByRole('button', { name: 'Scanner le QR code' }).click();
    await page.getByRole('heading', { name: 'Entrée acceptée' }).waitFor();
    await page.getByText('Sacha Scanné').waitFor();
    await expectNoAxeViolations(page, 'check-in after a scan');
    await context.close();
  } finally {
    await scanning.close();
  }
});
