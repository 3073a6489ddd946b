import { expect, signInAs, test } from './fixtures';

test('a facilitator previews a question set and makes a link with a QR code', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.getByRole('link', { name: 'Survey links and QR codes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Question sets' })).toBeVisible();
  await checkPage();

  await page.getByRole('link', { name: 'Preview Tell us about the support your family gets' }).click();
  await expect(page.getByText('This is a preview. Nothing you enter is saved or sent.')).toBeVisible();
  await expect(page.getByText('In the last 2 years, which of these have you or your family used?').first()).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'Back to question sets' }).click();
  await checkPage();

  await page.getByRole('link', { name: 'Make a link or QR code for Tell us about the support your family gets' }).click();
  await checkPage();
  // A channel typed into the address, not chosen from the list, is refused.
  await page.goto('/staff/surveys/common-question-set/link?make=1&channel=jane-smith-07700900123');
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Local authority (optional)').selectOption({ label: 'Manchester' });
  await page.getByLabel('Where you will share it (optional)').selectOption({ label: 'Poster or leaflet at a family hub' });
  await page.getByRole('button', { name: 'Make the link' }).click();
  await expect(page.getByRole('link', { name: /\/surveys\/common-question-set\?la=E08000003&channel=hub-poster$/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code for/ })).toBeVisible();
  await checkPage();
});
