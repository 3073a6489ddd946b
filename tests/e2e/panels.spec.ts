import { expect, signInAs, test } from './fixtures';

test.describe('joining a panel without JavaScript at phone width', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  test('a family finds a regional panel, gets errors for missing details, then joins', async ({ page, checkPage }) => {
    await page.goto('/panels');
    await checkPage();
    await page.getByLabel('Region').selectOption({ label: 'North West' });
    await page.getByRole('button', { name: 'Show panels' }).click();
    await expect(page.getByRole('heading', { name: 'North West parent and carer panel' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'London parent and carer panel' })).toHaveCount(0);
    await checkPage();
    await page.getByRole('link', { name: 'Join North West parent and carer panel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join North West parent and carer panel' })).toBeVisible();
    await checkPage();

    await page.getByRole('button', { name: 'Join the panel' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter your name' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Confirm you agree to take part in the research' })).toBeVisible();
    await checkPage();

    await page.getByLabel('Your name').fill('Sam E2etester');
    await page.getByLabel('Email address (optional if you give a phone number)').fill('sam.e2etester@example.com');
    await page.getByRole('group', { name: 'How should we contact you?' }).getByLabel('Email').check();
    await page.getByRole('group', { name: 'How old are you?' }).first().getByLabel('18 or over').check();
    await page.getByLabel('Do you have any access needs or need any adjustments? (optional)').fill('A hearing loop');
    await page.getByLabel('Weekday evenings').check();
    await page.getByRole('group', { name: 'How would you like to take part?' }).getByLabel('Online').check();
    await page.getByLabel('Which council area do you live in?').selectOption({ label: 'Manchester' });
    await page.getByLabel('I agree that what I say in panel sessions can be used, anonymously, in the research').check();
    await page.getByLabel('I agree to be contacted about panel sessions. I can stop at any time.').check();
    await page.getByRole('button', { name: 'Join the panel' }).click();
    await expect(page.getByRole('heading', { name: 'You have joined North West parent and carer panel' })).toBeVisible();
    await checkPage();
  });
});

test('the facilitator for that region sees the new member and their needs', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.getByRole('link', { name: 'Panels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panels' })).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'North West parent and carer panel' }).click();
  await expect(page.getByRole('cell', { name: 'Sam E2etester' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /A hearing loop/ })).toBeVisible();
  await checkPage();
});

test('a facilitator creates a local panel, and cannot open another region’s panel', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.goto('/staff/panels/new');
  await checkPage();
  await page.getByRole('button', { name: 'Create the panel' }).click();
  await expect(page.getByRole('link', { name: 'Enter a name for the panel' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Panel name').fill('Manchester dads');
  await page.getByLabel('Local (one local authority)').check();
  await page.getByLabel('Local authority (for a local panel)').selectOption({ label: 'Manchester' });
  await page.getByLabel('Family Hubs').check();
  await page.getByLabel('Parents and carers').check();
  await page.getByLabel('Focus (optional)').fill('Fathers');
  await page.getByLabel('Recruitment target').fill('12');
  await page.getByRole('button', { name: 'Create the panel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manchester dads' })).toBeVisible();
  await checkPage();

  await page.goto('/staff/panels');
  await expect(page.getByRole('link', { name: 'South West parent and carer panel' })).toHaveCount(0);
  await checkPage();
});
