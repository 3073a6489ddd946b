import type { Locator, Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

// One analyst's afternoon: each step builds on the last (the transcript added is then coded).
test.describe.configure({ mode: 'serial' });

/** Presses Tab until the target has focus, as someone without a mouse would. */
async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('The control could not be reached with the Tab key');
}

/** Codes the excerpt on screen by keyboard alone: ticks each code, then saves and moves on. */
async function codeByKeyboard(page: Page, codes: string[], { quotable = false } = {}): Promise<void> {
  for (const code of codes) {
    const box = page.getByRole('checkbox', { name: code, exact: true });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  if (quotable) {
    const box = page.getByRole('checkbox', { name: 'Fit to quote in a report' });
    await tabTo(page, box);
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await tabTo(page, page.getByRole('button', { name: 'Save and go to the next' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('The previous excerpt’s codes were saved')).toBeVisible();
}

const TRANSCRIPT = [
  'Facilitator: What got in the way of getting help?',
  'Wilhelmina Tusk: Our flat is full of damp and mould and the landlord ignores every repair request. Ring me on 07700 900777.',
  'Barnaby Quist: The waiting list for counselling was nine months. Wilhelmina waited even longer.',
  'Wilhelmina Tusk: The bus fare to the family hub is more than we can spare each week.',
  'Barnaby Quist: <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> is what I typed.',
  'Facilitator: Thank you both.',
].join('\n');

test.describe('qualitative analysis', () => {
  test('an analyst adds a transcript: speakers become labels, names and numbers go, and a bad file is refused', async ({ page, checkPage }) => {
    await signInAs(page, 'analyst@example.com', checkPage);
    await page.getByRole('link', { name: 'Transcripts and notes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Transcripts and notes' })).toBeVisible();
    await checkPage();
    await page.getByRole('link', { name: 'What helped in the first year with a baby' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /What helped in the first year with a baby/ })).toBeVisible();
    await checkPage();

    // A "Word document" that is really a program.
    await page.getByLabel('The file').setInputFiles({ name: 'notes.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from('MZ\u0090\u0000 this is not a document') });
    await page.getByRole('button', { name: 'Add it' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.locator('.govuk-error-summary')).toContainText('not a Word document');
    await checkPage();

    await page.getByLabel('The file').setInputFiles({ name: 'session.txt', mimeType: 'text/plain', buffer: Buffer.from(TRANSCRIPT) });
    await page.getByRole('button', { name: 'Add it' }).click();
    await expect(page.getByText('Added: 6 speaker turns')).toBeVisible();
    await checkPage();
    const stored = page.locator('.govuk-summary-list');
    await expect(stored.getByText('Participant 1', { exact: true }).first()).toBeVisible();
    await expect(stored.getByText('Participant 2', { exact: true }).first()).toBeVisible();
    await expect(stored).not.toContainText('Wilhelmina');
    await expect(stored).not.toContainText('Tusk');
    await expect(stored).not.toContainText('900777');
    // Text shown is inert: tags in a transcript (captions use them for voices and styling) are dropped, and nothing runs.
    await expect(stored.getByText('window.pwned = 1', { exact: false })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  test('an analyst codes three transcript turns and two survey answers by keyboard, and undoes a change', async ({ page, checkPage }) => {
    await signInAs(page, 'analyst@example.com', checkPage);
    await page.goto('/staff/transcripts');
    await checkPage();
    await page.getByRole('link', { name: 'What helped in the first year with a baby' }).first().click();
    await checkPage();
    await page.getByRole('link', { name: /Transcript added/ }).first().click();
    await checkPage();
    await page.getByRole('link', { name: 'coding queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Code answers' })).toBeVisible();
    await checkPage();
    await expect(page.getByText(/from the session “What helped in the first year with a baby”/)).toBeVisible();
    await page.getByRole('link', { name: /^Excerpt 1\s*:/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Code this excerpt' })).toBeVisible();
    await checkPage();

    await codeByKeyboard(page, ['Secure housing']);
    await checkPage();
    await codeByKeyboard(page, ['Mental health', 'Access to support and its barriers']);
    await checkPage();
    await codeByKeyboard(page, ['Access to support and its barriers']);
    await checkPage();

    // Undo the last one, by keyboard too.
    await tabTo(page, page.getByRole('button', { name: 'Undo that change' }));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your last change was undone')).toBeVisible();
    await checkPage();
    await expect(page.getByText('Not coded yet.')).toBeVisible();

    // Two survey answers, found by full-text search.
    await page.goto('/staff/coding?source=survey&q=landlord');
    await checkPage();
    await page.getByRole('link', { name: /^Excerpt 1\s*:/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Code this excerpt' })).toBeVisible();
    await checkPage();
    await expect(page.locator('.app-excerpt')).toContainText(/landlord/i);
    await codeByKeyboard(page, ['Secure housing'], { quotable: true });
    await checkPage();
    await expect(page.locator('.app-excerpt')).toContainText(/landlord/i);
    await codeByKeyboard(page, ['Secure housing']);
    await checkPage();

    await page.goto('/staff/coding?status=coded&q=landlord');
    await checkPage();
    await expect(page.getByText('Coded as Secure housing.').first()).toBeVisible();
    await expect(page.getByText('Coded as Secure housing. Fit to quote.')).toHaveCount(1);
  });

  test('at 320 px the coding page fits the screen, and a stale save is refused with a clear message', async ({ page, checkPage }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await signInAs(page, 'analyst@example.com', checkPage);
    await page.goto('/staff/coding');
    await checkPage();
    await page.getByRole('link', { name: /^Excerpt 1\s*:/ }).click();
    await checkPage();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // Another analyst saves the same excerpt first (in a second tab).
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByRole('checkbox', { name: 'Financial stability', exact: true }).check();
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(other.getByText('Codes saved.')).toBeVisible();
    await other.close();
    await page.getByRole('checkbox', { name: 'Secure housing', exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Another analyst changed the codes on this excerpt');
    await checkPage();
  });

  test('an analyst refreshes the suggestions, accepts one, and turns an emerging theme into a code', async ({ page, checkPage }) => {
    await signInAs(page, 'analyst@example.com', checkPage);
    await page.getByRole('link', { name: 'Suggested codes and emerging themes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Suggested codes and emerging themes' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Refresh suggestions' }).click();
    await expect(page.getByText(/Suggestions refreshed from/)).toBeVisible();
    await checkPage();

    await page.goto('/staff/coding?q=landlord');
    await checkPage();
    const withSuggestion = page.locator('li.app-card', { hasText: /suggested codes? to look at/ }).first();
    await withSuggestion.getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Suggested codes' })).toBeVisible();
    await checkPage();
    const accept = page.getByRole('button', { name: /^Accept / }).first();
    const label = (await accept.textContent())!.replace(/^Accept\s*/, '').trim();
    await accept.click();
    await expect(page.getByText('Suggested code applied.')).toBeVisible();
    await expect(page.getByText(`Coded now as ${label}`)).toBeVisible();
    await checkPage();

    await page.goto('/staff/themes');
    await checkPage();
    const theme = page.locator('li.app-card').first();
    await theme.getByLabel('Name for the new code').fill('Breakfast and after-school clubs');
    await theme.getByRole('button', { name: /Make this theme a code/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Breakfast and after-school clubs' })).toBeVisible();
    await expect(page.getByText('Theme made into a code')).toBeVisible();
    await expect(page.getByText(/Made from an emerging theme/)).toBeVisible();
    await checkPage();
  });

  test('an analyst adds codes, is refused a duplicate name and a merge into its own child, and merges two codes', async ({ page, checkPage }) => {
    await signInAs(page, 'analyst@example.com', checkPage);
    await page.getByRole('link', { name: 'Codebook' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Codebook' })).toBeVisible();
    await checkPage();
    await page.getByRole('link', { name: 'Add a code' }).click();
    await checkPage();
    await page.getByLabel('Name').fill('secure HOUSING');
    await page.getByRole('button', { name: 'Add the code' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('There is already a code called secure HOUSING');
    await checkPage();
    await page.getByLabel('Name').fill('Cost of getting there');
    await page.getByRole('button', { name: 'Add the code' }).click();
    await expect(page.getByText('Code added.')).toBeVisible();
    await checkPage();

    await page.goto('/staff/codebook/new');
    await checkPage();
    await page.getByLabel('Name').fill('Bus fares');
    await page.getByLabel('Under which code (optional)').selectOption({ label: 'Cost of getting there' });
    await page.getByRole('button', { name: 'Add the code' }).click();
    await expect(page.getByText('Under Cost of getting there')).toBeVisible();
    await checkPage();

    await page.goto('/staff/codebook');
    await checkPage();
    await page.getByRole('link', { name: 'Cost of getting there' }).click();
    await checkPage();
    await page.getByLabel('Merge it into another code').selectOption({ label: '— Bus fares' });
    await page.getByRole('button', { name: 'Merge' }).click();
    await expect(page.locator('.govuk-error-summary')).toContainText('Bus fares is under Cost of getting there');
    await checkPage();

    await page.getByLabel('Merge it into another code').selectOption({ label: '— Access to support and its barriers' });
    await page.getByRole('button', { name: 'Merge' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Access to support and its barriers' })).toBeVisible();
    await expect(page.getByText('Codes merged')).toBeVisible();
    await expect(page.getByText('Cost of getting there was merged into it')).toBeVisible();
    await checkPage();
  });
});
