import { expect, signInAs, test } from './fixtures';

const csv = (rows: string[]) => Buffer.from(['la_code,submitted_at,services_used,support_helpfulness,support_received', ...rows].join('\n'));

test('a local authority officer brings in responses: a file with problems is refused line by line, the corrected one is stored once', async ({ page, checkPage }) => {
  await signInAs(page, 'la.officer@example.com', checkPage);
  await page.getByRole('link', { name: 'Bring in responses you collected' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bring in responses you collected' })).toBeVisible();
  await checkPage();
  const stamp = Date.now();
  await page.getByLabel('The file', { exact: true }).setInputFiles({
    name: 'responses.csv',
    mimeType: 'text/csv',
    buffer: csv([`,2026-10-01,family-hub,4,Paper form ${stamp}: the hub staff were kind`, 'E09000033,2026-10-02,midwife,9,"=HYPERLINK(""http://evil.example"",""x"")"']),
  });
  await page.getByRole('button', { name: 'Bring in the responses' }).click();
  await expect(page.locator('.govuk-error-summary')).toContainText('Nothing was imported');
  await expect(page.getByRole('heading', { name: 'Problems in the file' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems in the file' })).toContainText('You can import responses for your own local authority only');
  await expect(page.getByRole('region', { name: 'Problems in the file' })).toContainText('a spreadsheet would run as a formula');
  await checkPage();

  const good = csv([`,2026-10-01,family-hub,4,Paper form ${stamp}: the hub staff were kind`, `E08000003,2026-10-02,midwife,5,Paper form ${stamp}: the midwife came every week`]);
  await page.getByLabel('The file', { exact: true }).setInputFiles({ name: 'responses.csv', mimeType: 'text/csv', buffer: good });
  await page.getByRole('button', { name: 'Bring in the responses' }).click();
  await expect(page.getByText('2 rows read: 2 responses stored.')).toBeVisible();
  await checkPage();
  await page.getByLabel('The file', { exact: true }).setInputFiles({ name: 'responses.csv', mimeType: 'text/csv', buffer: good });
  await page.getByRole('button', { name: 'Bring in the responses' }).click();
  await expect(page.getByText('2 rows read: 0 responses stored, 2 already stored before.')).toBeVisible();
  await checkPage();
});
