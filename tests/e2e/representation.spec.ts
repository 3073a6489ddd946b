import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, signInAs, test } from './fixtures';

test.describe('who took part', () => {
  test('a programme lead reads who took part for a quarter, narrows it to a region and downloads the Excel file', async ({ page, checkPage }) => {
    await signInAs(page, 'lead@example.com', checkPage);
    await page.getByRole('link', { name: 'Who took part' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeVisible();
    await checkPage();
    // Their own programmes only, survey respondents, the North West as a whole (a small page).
    expect(await page.getByLabel('Programme', { exact: true }).locator('option').allTextContents()).toEqual(['Choose a programme', 'Family Hubs', 'Start for Life']);
    await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Survey respondents' });
    await page.getByLabel('Areas', { exact: true }).selectOption({ label: 'By region' });
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'North West' });
    await page.getByRole('button', { name: 'Show who took part' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Ethnic group' })).toBeVisible();
    await expect(page.getByText(/A group is under-represented when even the top of the 95% interval/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Sex' }).locator('th[scope="rowgroup"]').first()).toContainText('North West');
    await checkPage();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download the tables \(Excel/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^family-voice-representation-\d{4}-\d{2}-Q\d-family-hubs-region-respondents\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = readFileSync(await file.path());
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining(['About', '01 Sex', '03 Ethnic group', 'Quarter by quarter', 'No one took part']));
    // Another programme is refused.
    expect((await page.goto('/staff/representation?programme=supporting-families'))?.status()).toBe(403);
    await checkPage();
  });

  test('a facilitator sees whom to reach next in their own regions only, and cannot read another region', async ({ page, checkPage }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signInAs(page, 'facilitator@example.com', checkPage);
    const next = page.getByRole('region', { name: 'Whom to reach next' });
    await expect(next).toBeVisible();
    const items = next.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThanOrEqual(5);
    // Their regions are the North West and London: nothing from anywhere else.
    for (const text of await items.allTextContents()) expect(text).toMatch(/North West|London/);
    await checkPage();
    await next.getByRole('link', { name: 'See who took part in your regions' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who took part' })).toBeVisible();
    expect(await page.getByLabel('Areas', { exact: true }).locator('option').allTextContents()).not.toContain('England');
    await checkPage();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect((await page.goto('/staff/representation?level=region&region=E12000001'))?.status()).toBe(403);
    await checkPage();
  });
});
