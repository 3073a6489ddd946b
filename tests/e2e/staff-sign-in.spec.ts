import { DEMO_STAFF } from '../../db/seed/staff';
import { ROLE_LABELS, ROLE_TASKS } from '../../app/auth/roles';
import { expect, signInAs, test } from './fixtures';

for (const staff of DEMO_STAFF) {
  test(`${ROLE_LABELS[staff.role]} signs in, sees their tasks and signs out`, async ({ page, checkPage }) => {
    await signInAs(page, staff.email, checkPage);
    await expect(page.getByText(ROLE_LABELS[staff.role], { exact: true })).toBeVisible();
    for (const task of ROLE_TASKS[staff.role]) {
      await expect(page.getByRole('link', { name: task.title })).toBeVisible();
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
    await checkPage();
    await page.goto('/staff');
    await expect(page).toHaveURL(/\/sign-in/);
    await checkPage();
  });
}

test('a facilitator sees their regions and a local authority officer their local authority', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await expect(page.getByText('London, North West')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await checkPage();
  await signInAs(page, 'la.officer@example.com', checkPage);
  await expect(page.getByText('Manchester')).toBeVisible();
});

test('signing in works by keyboard alone', async ({ page, checkPage }) => {
  await page.goto('/sign-in');
  await checkPage();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByLabel('Email address').focus();
  await page.keyboard.type('analyst@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('family-voice-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
  await checkPage();
});

test('a wrong password shows the error summary, focused, with a link to the field', async ({ page, checkPage }) => {
  await page.goto('/sign-in');
  await checkPage();
  await page.getByLabel('Email address').fill('analyst@example.com');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await summary.getByRole('link', { name: 'Enter a correct email address and password' }).click();
  await expect(page.getByLabel('Email address')).toBeFocused();
  await checkPage();
});

test('the sign-in form works without JavaScript and answers empty fields with errors', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter your password' })).toBeVisible();
  await page.getByLabel('Email address').fill('lead@example.com');
  await page.getByLabel('Password').fill('family-voice-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
  await context.close();
});

test('too many failures from one address lock sign-in with a clear wait message', async ({ page, checkPage }) => {
  // A documentation address, so the lock does not affect the other tests' address.
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.99' });
  await page.goto('/sign-in');
  await checkPage();
  for (let i = 0; i < 10; i += 1) {
    await page.getByLabel('Email address').fill(`nobody-${i}@example.com`);
    await page.getByLabel('Password').fill('wrong');
    // Wait for each answer: a new submission before the last one returns would cancel it.
    const answered = page.waitForResponse((candidate) => candidate.request().method() === 'POST');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect((await answered).status()).toBe(401);
    await expect(page.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
  }
  await page.getByLabel('Email address').fill('admin@example.com');
  await page.getByLabel('Password').fill('family-voice-demo');
  const response = page.waitForResponse((candidate) => candidate.request().method() === 'POST');
  await page.getByRole('button', { name: 'Sign in' }).click();
  expect((await response).status()).toBe(429);
  await expect(page.getByRole('link', { name: /tried to sign in too many times\. Wait 5 minutes/ })).toBeVisible();
  await checkPage();
});
