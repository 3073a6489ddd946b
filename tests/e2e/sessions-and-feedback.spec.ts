import { expect, expectButtonsApart, signInAs, test } from './fixtures';

test('a demo member sees all their sessions, past ones too, through one personal link', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto(`/staff/outbox?${new URLSearchParams({ search: 'You are invited: Making family hubs work' })}`);
  await checkPage();
  // One of the demo members' invitations (a family that joined during the tests may have one too).
  const invitation = page
    .locator('.govuk-summary-card', { hasText: 'You are invited: Making family hubs work for the whole family' })
    .filter({ hasText: /testparent\.\d+@example\.com/ })
    .first();
  const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(await invitation.locator('pre').innerText())?.[0];
  expect(link).toBeTruthy();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signed-out');
  await checkPage();

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Making family hubs work for the whole family' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Your other sessions' })).toBeVisible();
  const sessions = page.getByRole('table', { name: 'Other sessions you have been invited to' });
  await expect(sessions.getByRole('row', { name: /Getting help with mental health/ })).toContainText('You had a place');
  await expect(sessions.getByRole('row', { name: /What helped in the first year with a baby/ })).toBeVisible();
  await expectButtonsApart(page);
  await checkPage();
});

test('a facilitator reads session feedback against the 75% target for their panels only', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.getByRole('link', { name: 'Session feedback' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session feedback' })).toBeVisible();
  await expect(page.getByText(/^\d+% (Target met|Below target)$/)).toBeVisible();
  const panels = page.getByRole('region', { name: 'Feedback by panel' });
  await expect(panels.getByRole('rowheader')).toHaveText(['London parent and carer panel', 'North West parent and carer panel']);
  await page.getByText('How we count').click();
  await expect(page.getByText(/Where fewer than 10 people answered/)).toBeVisible();
  await checkPage();
  await page.setViewportSize({ width: 320, height: 640 });
  await checkPage();

  // Narrowed to this quarter (works without JavaScript: a GET form).
  await page.getByLabel('Sessions held').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Sessions held \w+ to \w+ \d{4}$/ })).toBeVisible();
  await expect(page).toHaveURL(/period=\d{4}-\d{2}/);
  await checkPage();
});
