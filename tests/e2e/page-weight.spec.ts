import { gzipSync } from 'node:zlib';
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Page weight of the family survey pages, as a cheap phone on a slow connection would download
 * them: every response the page loads, gzipped. Budget: at most 60 KB of JavaScript and CSS, under
 * 150 KB in all on first load.
 */
const JS_CSS_BUDGET = 60 * 1024;
const TOTAL_BUDGET = 150 * 1024;

async function measure(page: Page, action: () => Promise<unknown>) {
  const sizes: { url: string; type: string; gzipped: number }[] = [];
  const pending: Promise<void>[] = [];
  const listener = (response: Response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          const type = response.headers()['content-type'] ?? '';
          sizes.push({ url: response.url(), type, gzipped: gzipSync(body).length });
        })
        .catch(() => {}),
    );
  };
  page.on('response', listener);
  await action();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', listener);
  const jsCss = sizes.filter((size) => /javascript|css/.test(size.type)).reduce((sum, size) => sum + size.gzipped, 0);
  const total = sizes.reduce((sum, size) => sum + size.gzipped, 0);
  return { jsCss, total, sizes };
}

test('family survey pages stay within the page-weight budget', async ({ page, checkPage }) => {
  const start = await measure(page, () => page.goto('/surveys/common-question-set'));
  await checkPage();
  const question = await measure(page, () => page.getByRole('button', { name: 'Start now' }).click());
  await checkPage();
  // The heaviest page: the council question loads the accessible autocomplete. Measured on a fresh
  // load, as a family arriving from a link would.
  await page.context().clearCookies();
  await page.goto('/surveys/common-question-set');
  await page.getByRole('button', { name: 'Start now' }).click();
  const council = await measure(page, async () => {
    await page.goto('/surveys/common-question-set/about-you-area');
    await page.getByRole('combobox', { name: 'Which council area do you live in?' }).waitFor();
  });
  await checkPage();
  for (const [name, result] of Object.entries({ start, question, council })) {
    console.log(
      `page weight ${name}: JS+CSS ${(result.jsCss / 1024).toFixed(1)} KB, total ${(result.total / 1024).toFixed(1)} KB gzipped (${result.sizes.length} responses)`,
    );
    expect(result.jsCss, `${name}: JS and CSS gzipped`).toBeLessThanOrEqual(JS_CSS_BUDGET);
    expect(result.total, `${name}: first load gzipped`).toBeLessThan(TOTAL_BUDGET);
  }
  // No React on the family pages: nothing from the app bundle is loaded.
  expect(start.sizes.filter((size) => size.url.includes('/build/') && size.type.includes('javascript'))).toEqual([]);
});
