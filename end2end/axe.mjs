// An accessibility check of the page as it stands: WCAG 2.1 A and AA rules.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';

let checker;

/** axe-core runs as a script, which a page with JavaScript disabled cannot
 *  run: its exact DOM is copied into a scripted page of the same origin. */
async function scriptedCopy(page) {
  const html = await page.content();
  if (!checker) {
    checker = await page.context().browser().newContext({ viewport: page.viewportSize() });
  }
  const copy = await checker.newPage();
  await copy.goto(new URL('/health', page.url()).href);
  await copy.setContent(html, { waitUntil: 'load' });
  return copy;
}

export async function expectNoAxeViolations(page, label = page.url(), { javaScript = true } = {}) {
  const target = javaScript ? page : await scriptedCopy(page);
  try {
    const results = await new AxeBuilder({ page: target })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const problems = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
    );
    assert.deepEqual(problems, [], `axe violations on ${label}`);
  } finally {
    if (target !== page) await target.close();
  }
}
