import { expect, test } from './fixtures';

test.describe('the common question set without JavaScript, at phone width, by keyboard', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  test('a family answers, changes an answer, checks and sends; a second send stores nothing more', async ({ page, checkPage }) => {
    // Every page of the set, each checked by axe: longer than most tests.
    test.setTimeout(120_000);
    await page.goto('/surveys/common-question-set?la=E09000033&programme=family-hubs&channel=hub-poster');
    await expect(page.getByRole('heading', { level: 1, name: 'Tell us about the support your family gets' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Start now' }).focus();
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Services you have used' })).toBeVisible();
    await checkPage();
    await page.getByLabel("A family hub or children's centre").focus();
    await page.keyboard.press('Space');
    await page.getByLabel('A health visitor').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'The support you got' })).toBeVisible();
    await checkPage();
    await page.getByLabel('What support did you get, and what difference did it make?').fill('A baby group. Call me on 07700 900123.');
    await page.getByLabel('Very helpful', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // A follow-up that belongs to one answer sits inside it: without JavaScript it is always open.
    await expect(page.getByRole('heading', { level: 1, name: 'Support you wanted' })).toBeVisible();
    await expect(page.getByLabel('What support did you want?')).toBeVisible();
    await checkPage();
    await page.getByRole('group', { name: 'Was there support you wanted but could not get?' }).getByLabel('Yes').check();
    await page.getByLabel('What support did you want?').fill('Help in the evenings');
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'How services work' })).toBeVisible();
    await checkPage();
    await page.getByRole('group', { name: 'It was easy to find out what support is available' }).getByLabel('Agree', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Where support should be' })).toBeVisible();
    await checkPage();
    await page.getByLabel('At home').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overall' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'About you: where you live' })).toBeVisible();
    await checkPage();
    await page.getByLabel('Which council area do you live in?').selectOption({ label: 'Manchester' });
    await page.getByRole('button', { name: 'Continue' }).click();
    for (const heading of ['About you: your family', 'About you', 'About you: background and beliefs', 'About you: work and money']) {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await checkPage();
      await page.getByRole('button', { name: 'Continue' }).click();
    }

    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
    await expect(page.getByText('A baby group. Call me on [phone number removed].')).toBeVisible();
    await expect(page.getByText('Manchester')).toBeVisible();
    await checkPage();
    await page.getByRole('link', { name: 'Change your answer to: In the last 2 years, which of these have you or your family used?' }).click();
    await checkPage();
    await page.getByLabel('A midwife').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Straight back to check your answers: the change opened no new questions.
    await expect(page).toHaveURL(/\/surveys\/common-question-set\/check$/);
    await expect(page.getByText("A family hub or children's centre, A health visitor, A midwife")).toBeVisible();
    await checkPage();

    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
    await expect(page.getByText('If you or a child are in danger, call 999.')).toBeVisible();
    await checkPage();

    // The draft is gone once sent: going back to send again leads to the start, not a second copy.
    await page.goto('/surveys/common-question-set/check');
    await expect(page).toHaveURL(/\/surveys\/common-question-set$/);
    await checkPage();
  });

  test('a page with an error shows the GOV.UK error summary', async ({ page, checkPage }) => {
    await page.goto('/surveys/young-people');
    await checkPage();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Select how old you are' })).toHaveAttribute('href', '#young_person_age');
    await checkPage();
  });
});

test('the young people’s set with JavaScript on keeps answers through a reload', async ({ page, checkPage }) => {
  await page.goto('/surveys/young-people');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About you' })).toBeVisible();
  await checkPage();
  await page.getByLabel('16 to 17').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Mental health support').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // The rating follow-up appears on the same page, marked as new.
  await expect(page.getByText('Your answer added a question to this page, marked “New”.')).toBeVisible();
  await checkPage();
  await page.getByLabel('Quite helpful').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Getting help' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Getting help' })).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByLabel('Mental health support')).toBeChecked();
  await expect(page.getByLabel('Quite helpful')).toBeChecked();
  await checkPage();
  await page.goto('/surveys/young-people/check');
  await expect(page.getByText('16 to 17')).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Send my answers' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await checkPage();
});

test('a ranking question runs end to end in the SurveyJS React UI, by keyboard', async ({ page, checkPage }) => {
  await page.goto('/surveys/priorities?channel=social-media');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByText('Put these in order')).toBeVisible();
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.locator('.sd-question').getByText(/^Select an answer to “Put these in order/)).toBeVisible();
  const first = page.locator('.sv-ranking-item').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByLabel('Why did you put them in that order? (optional)').fill('Evenings suit us, email a@b.com');
  await checkPage();
  await page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await checkPage();
});

test('a made-up question set is a 404', async ({ page, checkPage }) => {
  const response = await page.goto('/surveys/no-such-set');
  expect(response?.status()).toBe(404);
  await checkPage();
});

test('a body over 1 MB is refused before it is read', async ({ request }) => {
  const response = await request.post('/surveys/common-question-set/submit', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: `anything_else=${'x'.repeat(1024 * 1024 + 10)}`,
  });
  expect(response.status()).toBe(413);
});
