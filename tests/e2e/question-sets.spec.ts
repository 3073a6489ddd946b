import { expect, signInAs, test } from './fixtures';

test.describe('question sets nobody here wrote, without JavaScript at phone width', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  test('a required follow-up that belongs to one answer sits inside it, is required once chosen, and the set completes', async ({ page, checkPage }) => {
    await page.goto('/surveys/follow-up-below');
    await checkPage();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Family hubs' })).toBeVisible();
    // Without JavaScript the follow-up is open inside its answer, so the page never needs to come back.
    const followUp = page.locator('.govuk-radios__conditional').getByRole('group', { name: 'What kind of help was it?' });
    await expect(followUp).toBeVisible();
    await expect(page.locator('.app-progress')).toHaveText(/Section 1 of about \d+/);
    await checkPage();
    await page.getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    // "Yes" chosen and the follow-up left empty: an error, in the GOV.UK error summary.
    await expect(page.locator('.govuk-error-summary')).toBeVisible();
    await expect(page.getByText('Your answer added a question to this page')).toHaveCount(0);
    await checkPage();
    await page.getByLabel('Groups').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page).toHaveURL(/\/surveys\/follow-up-below\/done$/);
    await checkPage();
  });

  test('a page with no title takes the set’s title, with no stray comma in its caption', async ({ page, checkPage }) => {
    await page.goto('/surveys/html-untitled');
    await checkPage();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'A short note' })).toBeVisible();
    await expect(page.locator('.govuk-caption-l')).toHaveCount(0);
    await expect(page.locator('.app-progress')).toHaveText(/^\s*Section 1 of (about )?\d+\s*$/);
    await checkPage();
  });

  test('a broken set answers families with 503 while the others keep working', async ({ page, checkPage }) => {
    const response = await page.goto('/surveys/broken-services');
    expect(response?.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1, name: 'Sorry, the service is unavailable' })).toBeVisible();
    await checkPage();
    expect((await page.goto('/surveys/page-branching'))?.status()).toBe(200);
    await checkPage();
  });
});

test('staff see a broken set on the question sets page with its reason', async ({ page, checkPage }) => {
  await signInAs(page, 'analyst@example.com', checkPage);
  await page.goto('/staff/surveys');
  await expect(page.getByRole('heading', { name: 'Unavailable' })).toBeVisible();
  const row = page.getByRole('row', { name: /broken-services\.v1\.json/ });
  await expect(row).toContainText('colour');
  await checkPage();
});

test('a set with validators runs in the React UI and the server applies the same checks', async ({ page, checkPage }) => {
  await page.goto('/surveys/validators');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  const age = page.getByRole('spinbutton', { name: /Your age/ });
  await expect(age).toBeVisible();
  await age.fill('200');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.locator('.sd-question').getByText('Enter an age from 16 to 120')).toBeVisible();
  await checkPage();
  await age.fill('34');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/validators\/done$/);
  await checkPage();
});

test('staff preview shows the answers as they would be stored', async ({ page, checkPage }) => {
  await signInAs(page, 'analyst@example.com', checkPage);
  await page.goto('/staff/surveys/validators/preview');
  const age = page.getByRole('spinbutton', { name: /Your age/ });
  await expect(age).toBeVisible();
  await checkPage();
  await age.fill('41');
  await page.getByRole('button', { name: 'Finish the preview' }).click();
  await expect(page.getByRole('heading', { name: 'What would be stored' })).toBeVisible();
  await expect(page.getByTestId('stored-answers')).toContainText('"age": 41');
  await checkPage();
});

test('conditions run in the React UI: a default answer, enableIf, requiredIf and a choice shown by an answer', async ({ page, checkPage }) => {
  await page.goto('/surveys/conditions');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  const count = page.getByRole('spinbutton', { name: /How many/ });
  // "yes" is the default, which enables the count and makes it required.
  await expect(count).toBeEnabled();
  await expect(page.getByText('12 to 17')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.locator('.sd-question').getByText('Enter your answer to “How many?”')).toBeVisible();
  await checkPage();
  await count.fill('3');
  await count.press('Tab');
  await page.getByText('12 to 17').click();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/conditions\/done$/);
  await checkPage();
});

test('an expression shows a running total in the React UI, and the set completes', async ({ page, checkPage }) => {
  await page.goto('/surveys/expression');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('spinbutton', { name: /Hours on weekdays/ }).fill('6');
  await page.getByRole('spinbutton', { name: /Hours at weekends/ }).fill('4');
  await page.getByRole('spinbutton', { name: /Hours at weekends/ }).press('Tab');
  await expect(page.getByText('10', { exact: true })).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/expression\/done$/);
  await checkPage();
});

test('a ranking question in the corpus is answered by keyboard alone', async ({ page, checkPage }) => {
  await page.goto('/surveys/ranking');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByText('Put these in order')).toBeVisible();
  await page.locator('.sv-ranking-item').first().focus();
  await page.keyboard.press('ArrowDown');
  await checkPage();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/ranking\/done$/);
  await checkPage();
});

test('a matrixdynamic row with a required dropdown cell is refused empty, then completes', async ({ page, checkPage }) => {
  await page.goto('/surveys/matrixdynamic');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByText(/^(Answer this question|Select an answer to “(Role|Age group|Service)”)$/).first()).toBeVisible();
  await checkPage();
  // By keyboard, from the error summary's link into the cell, then the list opened with the arrow key.
  await page.locator('.govuk-error-summary').getByRole('link').first().click();
  // Once in CI, on a loaded machine, the list closed itself while it was still opening (cause not
  // found here; a person would open it again): open it again, by the same key, until it stays open.
  const service = page.getByRole('combobox', { name: 'row 1, column Service' });
  await expect(async () => {
    await service.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'hub' }).click({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/matrixdynamic\/done$/);
  await checkPage();
});

test('nested dynamic panels: a question scoped to its panel appears from that panel’s answer', async ({ page, checkPage }) => {
  await page.goto('/surveys/nested-panels');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByText('Works?')).toHaveCount(0);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByText(/^(Answer this question|Select an answer to “(Role|Age group|Service)”)$/).first()).toBeVisible();
  await checkPage();
  // The error summary has focus; its first link leads into the dropdown, which opens from the keyboard.
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await page.locator('.govuk-error-summary a').first().click();
  await expect(page.locator(':focus')).toHaveRole('combobox');
  const focusedId = await page.evaluate(() => document.activeElement?.id ?? '');
  expect(focusedId).not.toBe('');
  const role = page.locator(`[id="${focusedId}"]`);
  // Opened again if it closes itself while opening, as the matrix's list once did (see above).
  await expect(async () => {
    await role.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'parent', exact: true }).click({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByText('Works?')).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/nested-panels\/done$/);
  await checkPage();
});

test('staff walk the families’ own pages in a preview, and see what would be stored instead of sending', async ({ page, checkPage }) => {
  await signInAs(page, 'analyst@example.com', checkPage);
  await page.goto('/staff/surveys/follow-up-below/preview');
  await checkPage();
  await page.getByRole('button', { name: 'Preview the families’ pages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Family hubs' })).toBeVisible();
  await expect(page.getByText('This is a preview. Nothing you enter is saved or sent.')).toBeVisible();
  await checkPage();
  await page.getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('group', { name: 'What kind of help was it?' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Groups').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
  await expect(page.getByTestId('stored-answers')).toContainText('"got_help": "yes"');
  await expect(page.getByRole('button', { name: 'Send my answers' })).toHaveCount(0);
  await checkPage();
});

test('a set with matrices, dynamic panels and multiple text completes in the React UI at phone width', async ({ page, checkPage }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/surveys/family-services');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByText('Which services did you use, and how good were they?')).toBeVisible();
  await checkPage();
  await page.getByRole('spinbutton', { name: /How many children/ }).fill('1');
  // SurveyJS takes a typed value when the field loses focus; the next page then appears.
  await page.getByRole('spinbutton', { name: /How many children/ }).press('Tab');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText('About each child')).toBeVisible();
  await page.getByRole('button', { name: 'Add new' }).first().click();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByText(/^(Answer this question|Select an answer to “(Role|Age group|Service)”)$/).first()).toBeVisible();
  await checkPage();
  await expect(page.locator('.govuk-error-summary')).toBeFocused();
  await page.locator('.govuk-error-summary a').first().click();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: '5-10' }).click();
  await expect(page.getByText('Anything they need help with')).toBeVisible();
  // At phone width SurveyJS shows each item's label in the box and opens the input when it is tapped.
  await page.getByText('On weekdays', { exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'On weekdays' })).toBeFocused();
  await page.keyboard.type('After school');
  await page.keyboard.press('Tab');
  await checkPage();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page).toHaveURL(/\/surveys\/family-services\/done$/);
  await checkPage();
});
