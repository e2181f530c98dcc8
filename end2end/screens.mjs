// Takes 360 px screenshots of the main pages, to look at them as a person
// would: `node screens.mjs http://127.0.0.1:3000 /tmp/screens`.
import { launch, phone } from './browser.mjs';
import { mkdirSync } from 'node:fs';

const [base = 'http://127.0.0.1:3000', out = '/tmp/screens'] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await launch();
const page = await (await phone(browser)).newPage();
const event = '/events/colloque-mulhouse-solidaire';
const shots = [['home', '/'], ['process', '/processes/mulhouse-solidaire'], ['login', '/login'],
  ['programme', event], ['register', `${event}/register`]];
for (const [name, path] of shots) {
  await page.goto(base + path);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
}
const phaseLink = page.locator('.timeline a').first();
await page.goto(base + '/processes/mulhouse-solidaire');
await phaseLink.click();
await page.screenshot({ path: `${out}/phase.png`, fullPage: true });
await page.goto(base + '/login');
await page.fill('#f-email', 'admin@demo.participe.test');
await page.fill('#f-password', 'demo-participe');
await page.click('button[type=submit]');
await page.screenshot({ path: `${out}/admin.png`, fullPage: true });
await page.click('table a');
await page.screenshot({ path: `${out}/admin-process.png`, fullPage: true });
await page.goto(base + `${event}/check-in`);
await page.screenshot({ path: `${out}/check-in.png`, fullPage: true });
await page.goto(base + `${event}/attendees`);
await page.screenshot({ path: `${out}/attendees.png`, fullPage: true });
await browser.close();
console.log(`screenshots in ${out}`);
