// The residents' shortest path at 360 px: from home, one tap reaches a vote
// card and a second tap votes (navigations counted, with and without
// JavaScript); the poster and the four flyers print on one A4 sheet each;
// the results page prints without the site's chrome, its charts kept. Every
// page passes axe-core, on screen and in print media. Screenshots go to
// SCREENS_DIR (default /tmp/shortest-path-screens) to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, phone } from '../browser.mjs';
import { expectNoAxeViolations } from '../axe.mjs';

const BASE = process.env.BASE_URL || 'http://127.0.0.1:3000';
const SLUG = 'mulhouse-solidaire';
const SCREENS = process.env.SCREENS_DIR || '/tmp/shortest-path-screens';
let browser;

before(async () => { browser = await launch(); mkdirSync(SCREENS, { recursive: true }); });
after(async () => { await browser?.close(); });

/** The pages of a PDF (Chromium writes one `/Type /Page` object each). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

/** An A4 page's width at 96 dpi, for print-emulated screenshots. */
const A4 = { width: 794, height: 1123 };

for (const javaScript of [true, false]) {
  const label = javaScript ? 'with JavaScript' : 'without JavaScript';
  test(`from home, one tap opens a vote card and the next one votes (${label})`, async () => {
    const context = await phone(browser, { javaScript });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${BASE}/`);
    await expectNoAxeViolations(page, `home ${label}`, { javaScript });
    if (javaScript) await page.screenshot({ path: `${SCREENS}/home-360.png`, fullPage: true });
    let navigations = 0;
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations += 1; });

    // Tap 1: "Je donne mon avis".
    await page.getByRole('link', { name: 'Je donne mon avis' }).click();
    await page.locator('.vote-card').first().waitFor();
    assert.equal(new URL(page.url()).pathname, `/consultations/${SLUG}/vote`);
    assert.equal(navigations, 1, 'one page load from home to a vote card');
    await page.getByRole('button', { name: "D'accord", exact: true }).waitFor();
    await expectNoAxeViolations(page, `first vote card ${label}`, { javaScript });

    // Tap 2: the vote.
    await page.getByRole('button', { name: "D'accord", exact: true }).click();
    await page.getByText(/^Votre avis :/).waitFor();
    // With JavaScript the island votes in the background; without, the
    // plain form posts and comes back to the card.
    assert.equal(navigations, javaScript ? 1 : 2, `page loads ${label}`);
    console.log(`# taps from home to a first vote: 2; page loads ${label}: ${navigations}`);
    await context.close();
  });
}

for (const [kind, copies] of [['poster', 1], ['flyer', 4]]) {
  test(`the ${kind} prints on one A4 sheet`, async () => {
    const path = `${BASE}/consultations/${SLUG}/${kind}`;
    // On a phone: the preview, the print button, axe.
    const context = await phone(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(path);
    await page.getByRole('button', { name: 'Imprimer' }).waitFor();
    await expectNoAxeViolations(page, `${kind} at 360 px`);
    await page.screenshot({ path: `${SCREENS}/${kind}-360.png`, fullPage: true });

    // On paper: only the sheet, large QR code(s) and the short address.
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('h1').isVisible(), false, 'no page title on paper');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'no navigation on paper');
    assert.equal(await page.locator(`.${kind}`).count(), copies);
    const qr = await page.locator('svg.join-qr').first().boundingBox();
    // 95 mm on the poster, 45 mm on a flyer (96 px = 25.4 mm).
    const mm = (qr.width * 25.4) / 96;
    assert.ok(kind === 'poster' ? mm > 80 : mm > 40, `QR code ${mm.toFixed(0)} mm wide`);
    await expectNoAxeViolations(page, `${kind} in print`);
    await page.screenshot({ path: `${SCREENS}/${kind}-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.equal(pdfPages(pdf), 1, `the ${kind} fills one A4 sheet`);
    await context.close();

    // Without JavaScript the page says how to print.
    const plain = await phone(browser, { javaScript: false });
    const nojs = await plain.newPage();
    await nojs.goto(path);
    await nojs.getByText(/utilisez la commande Imprimer/).waitFor();
    await expectNoAxeViolations(nojs, `${kind} without JavaScript`, { javaScript: false });
    await plain.close();
  });
}

test('the results print on A4 without navigation, charts kept', async () => {
  const context = await browser.newContext({ viewport: A4, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${BASE}/consultations/${SLUG}/results`);
  await page.getByRole('button', { name: 'Imprimer les résultats' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['.site-header', '.site-footer', '.breadcrumb', '.print-results']) {
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} hidden on paper`);
  }
  await page.getByText(/^Résultats au /).waitFor();
  assert.ok(await page.locator('svg.bar').first().isVisible(), 'the charts are kept');
  await expectNoAxeViolations(page, 'results in print');
  await page.screenshot({ path: `${SCREENS}/results-print.png`, fullPage: true });
  await page.screenshot({ path: `${SCREENS}/results-print-top.png` });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, path: `${SCREENS}/results.pdf` });
  assert.ok(pdfPages(pdf) >= 2, 'a report of several pages');
  await context.close();
});
