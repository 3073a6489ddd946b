import { readFileSync } from 'node:fs';
import { expect, signInAs, test } from './fixtures';

// Publishing (the second describe) reads what the first leaves; both run in order.
test.describe.configure({ mode: 'serial' });

test.describe('quarterly findings', () => {
  test('a programme lead reads their programme’s findings by region and downloads the tidy CSV', async ({ page, checkPage }) => {
    await signInAs(page, 'lead@example.com', checkPage);
    await page.getByRole('link', { name: 'Quarterly findings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quarterly findings' })).toBeVisible();
    await checkPage();
    // Only their own programmes are offered.
    const programmes = await page.getByLabel('Programme').locator('option').allTextContents();
    expect(programmes).toEqual(['Choose a programme', 'Family Hubs', 'Start for Life']);
    await page.getByLabel('Areas').selectOption({ label: 'By region' });
    await page.getByRole('button', { name: 'Show the findings' }).click();
    await expect(page.getByRole('heading', { name: 'Who we heard from' })).toBeVisible();
    await checkPage();
    await expect(page.getByRole('heading', { name: /Parents and carers/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'How these findings were made' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download every table as a tidy CSV' }).click();
    const file = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    expect(file.split('\n')[0]).toBe('quarter,programme,level,area_code,area_name,question,answer,count,share,suppressed');
    expect(file).toContain(',region,E92000001,England,');
    const word = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the report (Word)' }).click();
    expect((await word).suggestedFilename()).toMatch(/^family-voice-\d{4}-\d{2}-Q\d-family-hubs-region\.docx$/);
    // Another programme is refused.
    const refused = await page.goto('/staff/findings?programme=supporting-families');
    expect(refused?.status()).toBe(403);
    await checkPage();
  });

  test('at 320 px the findings page does not scroll sideways; its wide tables scroll in their own box', async ({ page, checkPage }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signInAs(page, 'analyst@example.com', checkPage);
    await page.goto('/staff/findings?level=region');
    await expect(page.getByRole('heading', { name: 'Who we heard from' })).toBeVisible();
    await checkPage();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test.describe('published findings', () => {
  test('an administrator publishes the quarter’s findings, then a correction', async ({ page, checkPage }) => {
    await signInAs(page, 'admin@example.com', checkPage);
    await page.getByRole('link', { name: 'Quarterly findings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quarterly findings' })).toBeVisible();
    await checkPage();
    // England as a whole: the same steps as by region, on a page a quarter of the size (the
    // accessibility check takes about 4 ms a table cell).
    await page.getByLabel('Areas').selectOption({ label: 'England' });
    await page.getByRole('button', { name: 'Show the findings' }).click();
    await expect(page.getByRole('heading', { name: 'Publish these findings' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText('Published. Everyone can now read this report')).toBeVisible();
    await checkPage();
    await page.goBack();
    await page.reload();
    await checkPage();
    await page.getByRole('button', { name: 'Publish a corrected version' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Say what was corrected');
    await checkPage();
    await page.getByLabel('What was corrected').fill('Two excerpts were coded again');
    await page.getByRole('button', { name: 'Publish a corrected version' }).click();
    await expect(page.getByText(/Version 2: Two excerpts were coded again/)).toBeVisible();
    await checkPage();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('a visitor reads the published findings, an earlier version, and downloads the Word file', async ({ page, checkPage }) => {
      await page.goto('/reports');
      await expect(page.getByRole('heading', { level: 1, name: 'What families told us' })).toBeVisible();
      await checkPage();
      await page.getByRole('link', { name: /all five programmes, England/ }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: /Family Voice quarterly findings/ })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Who we heard from' })).toBeVisible();
      await checkPage();
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Download the report (Word)' }).click();
      expect((await download).suggestedFilename()).toMatch(/^family-voice-\d{4}-\d{2}-Q\d-all-england-v2\.docx$/);
      await page.goto('/reports');
      await checkPage();
      await page.getByRole('link', { name: /version 1$/ }).first().click();
      await expect(page.getByText('This is an earlier version.')).toBeVisible();
      await checkPage();
    });
  });
});
