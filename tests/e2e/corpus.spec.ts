import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// Every server-rendered set in the conformance corpus, completed as a family would without
// JavaScript at phone width: the first option of each question, short text, a number where asked.
const folder = path.join(process.cwd(), 'tests', 'fixtures', 'surveys');
const serverRendered = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => ({ id: name.replace(/\.v\d+\.json$/, ''), json: readFileSync(path.join(folder, name), 'utf8') }))
  // The React UI's types and properties, as the catalogue decides (README: "Question sets").
  .filter(({ json }) => !/"(matrixdropdown|matrixdynamic|paneldynamic|multipletext|ranking|expression|validators|enableIf|requiredIf|defaultValue|calculatedValues)"/.test(json));

async function answerThisPage(page: Page): Promise<void> {
  const form = page.locator('main form[method="post"]').last();
  const radios = form.locator('input[type="radio"]');
  const seen = new Set<string>();
  for (const radio of await radios.all()) {
    const name = (await radio.getAttribute('name')) ?? '';
    if (seen.has(name) || (await radio.isChecked())) {
      seen.add(name);
      continue;
    }
    seen.add(name);
    await radio.check();
  }
  const checkboxes = form.locator('input[type="checkbox"]');
  const ticked = new Set<string>();
  for (const box of await checkboxes.all()) {
    const name = (await box.getAttribute('name')) ?? '';
    if (ticked.has(name)) continue;
    ticked.add(name);
    if (!(await form.locator(`input[type="checkbox"][name="${name}"]:checked`).count())) await box.check();
  }
  for (const input of await form.locator('input[type="text"], input[type="number"], input[type="email"], input[type="tel"], input[type="date"], input:not([type])').all()) {
    if (!(await input.isVisible()) || (await input.inputValue())) continue;
    const type = (await input.getAttribute('type')) ?? 'text';
    const mode = await input.getAttribute('inputmode');
    await input.fill(type === 'date' ? '2025-03-01' : type === 'number' || mode === 'numeric' ? '3' : type === 'email' ? 'someone@example.com' : 'Short answer');
  }
  for (const area of await form.locator('textarea').all()) if (await area.isVisible()) await area.fill('A short answer');
  for (const select of await form.locator('select').all()) {
    if ((await select.inputValue()) === '') await select.selectOption({ index: 1 });
  }
}

test.describe('the conformance corpus without JavaScript, at phone width', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  for (const { id } of serverRendered) {
    test(`a family completes ${id}`, async ({ page, checkPage }) => {
      await page.goto(`/surveys/${id}`);
      await checkPage();
      await page.getByRole('button', { name: 'Start now' }).click();
      for (let step = 0; step < 20 && !/\/check$/.test(page.url()); step += 1) {
        await expect(page.getByRole('button', { name: 'Continue' })).toBeVisible();
        await checkPage();
        await answerThisPage(page);
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.waitForLoadState('load');
      }
      await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
      await checkPage();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await expect(page).toHaveURL(new RegExp(`/surveys/${id}/done$`));
      await checkPage();
    });
  }
});
