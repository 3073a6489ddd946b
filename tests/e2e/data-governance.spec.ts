import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, signInAs, test } from './fixtures';

test.use({ viewport: { width: 375, height: 800 } });

test('an administrator answers a member’s requests at phone width: finds them, downloads what is held, corrects, and erases', async ({ page, checkPage }) => {
  // A facilitator adds someone recruited offline, so the member is this test's own.
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.goto('/staff/panels');
  await checkPage();
  await page.getByRole('link', { name: 'North West parent and carer panel' }).click();
  await checkPage();
  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Members' }).click();
  await checkPage();
  await page.getByRole('link', { name: 'Add someone recruited offline' }).click();
  await checkPage();
  await page.getByLabel('Name', { exact: true }).fill('Ola Rightstester');
  await page.getByRole('group', { name: 'How old are they?' }).getByLabel('35 to 44').check();
  await page.getByLabel('Phone number (optional if you give an email address)').fill('07700 900661');
  await page.getByRole('group', { name: 'How should we contact them?' }).getByLabel('Phone call').check();
  await page.getByRole('group', { name: 'How would they like to take part?' }).getByLabel('Online').check();
  await page.getByLabel('On a paper form').check();
  await page.getByLabel(/They were told how their details and answers are used/).check();
  await page.getByRole('button', { name: 'Add to the panel' }).click();
  await expect(page.getByText('The member has been added')).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signed-out');
  await checkPage();

  await signInAs(page, 'admin@example.com', checkPage);
  await page.getByRole('link', { name: 'People’s requests about their data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Find a panel member' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Email, phone or name').fill('ol');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name: 'Enter at least 3 characters' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Email, phone or name').fill('07700900661');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('1 member matches')).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'Ola Rightstester' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ola Rightstester' })).toBeVisible();
  await checkPage();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download their information (HTML)' }).click();
  const html = readFileSync(await (await download).path(), 'utf8');
  expect(html).toContain('Information Family Voice holds about Ola Rightstester');
  expect(html).toContain('07700 900661');
  expect(html).toContain('paper-form');

  // A correction with a mistake first: the error summary, then the fix.
  await page.getByLabel('Phone number').fill('12345');
  await page.getByRole('button', { name: 'Save the corrections' }).click();
  await expect(page.getByRole('link', { name: 'Enter a UK phone number, like 07700 900 982' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Phone number').fill('07700 900662');
  await page.getByRole('button', { name: 'Save the corrections' }).click();
  await expect(page.getByText('Their details have been corrected.')).toBeVisible();
  await expect(page.getByLabel('Phone number')).toHaveValue('07700 900662');
  await checkPage();

  await page.getByRole('button', { name: 'Erase this member' }).click();
  await expect(page.getByRole('link', { name: 'Type ERASE to confirm, or go back' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Type ERASE to confirm').fill('ERASE');
  await page.getByRole('button', { name: 'Erase this member' }).click();
  await expect(page.getByText('The member’s details and everything linked to them have been erased from both stores.')).toBeVisible();
  await checkPage();
  await page.getByLabel('Email, phone or name').fill('Rightstester');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No member matches.')).toBeVisible();
  await checkPage();
  await page.goto('/staff/audit');
  await checkPage();
  await expect(page.getByRole('cell', { name: 'Erased a member from both stores on request', exact: true }).first()).toBeVisible();
});

test('an administrator exports everything for the Authority on the queue and downloads it', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.getByRole('link', { name: 'Data export and disposal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data export and disposal' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Passphrase for the identity archive').fill('short');
  await page.getByRole('button', { name: 'Start the export' }).click();
  await expect(page.getByRole('link', { name: 'The passphrase must be at least 12 characters' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Passphrase for the identity archive').fill('a long passphrase for the e2e export');
  await page.getByLabel('Type the passphrase again').fill('a long passphrase for the e2e export');
  await page.getByRole('button', { name: 'Start the export' }).click();
  await expect(page.getByText('The export has been queued')).toBeVisible();
  await checkPage();
  await expect(async () => {
    await page.goto('/staff/data');
    await expect(page.getByRole('link', { name: /Download the export of/ }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await checkPage();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Download the export of/ }).first().click();
  const files = Object.keys(unzipSync(readFileSync(await (await download).path())));
  expect(files.some((file) => file.endsWith('/manifest.json'))).toBe(true);
  expect(files.some((file) => file.endsWith('/identity/identity-archive.fvia'))).toBe(true);
  expect(files.some((file) => file.endsWith('/research/survey_responses.csv'))).toBe(true);
  // Disposal is offered with the typed confirmation (it is not run here: the other tests need the data).
  await expect(page.getByLabel('Type DISPOSE to confirm')).toBeVisible();
});
