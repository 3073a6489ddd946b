import { expect, signInAs, test } from './fixtures';

test('another role’s page answers 403 with the GOV.UK permission page', async ({ page, checkPage }) => {
  await signInAs(page, 'analyst@example.com', checkPage);
  const response = await page.goto('/staff/audit');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have permission to see this page' })).toBeVisible();
  await checkPage();
});

test('the administrator reads the audit trail, including their own sign-in', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Signed in', exact: true }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Viewed the audit trail', exact: true }).first()).toBeVisible();
  await checkPage();
});

test('an administrator runs the retention schedule on the queue and reads its counts on the audit page; the privacy notice lists the schedule', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto('/staff/audit');
  await checkPage();
  await page.getByRole('button', { name: 'Run the retention schedule now' }).click();
  await expect(page.getByText('The retention schedule will run in a moment')).toBeVisible();
  await checkPage();
  // The job runs on the queue: reload until its counts are there.
  await expect(async () => {
    await page.goto('/staff/audit');
    await expect(page.getByText(/last ran .*, when an administrator asked/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await checkPage();
  const table = page.getByRole('region', { name: 'What the last retention run deleted' });
  await expect(table.getByRole('row', { name: /Emails and text messages we sent.*90 days/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /The audit trail of who did what.*6 years/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'The retention schedule ran (counts of what it deleted)', exact: true }).first()).toBeVisible();
  await page.goto('/privacy');
  await checkPage();
  await expect(page.getByRole('table', { name: 'How long we keep each kind of record' }).getByRole('row', { name: /Contact details of panel members who have not taken part.*2 years/ })).toBeVisible();
});

test('a form posted without its CSRF token is refused with 403', async ({ request }) => {
  const response = await request.post('/sign-in', {
    form: { email: 'admin@example.com', password: 'family-voice-demo' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('The form could not be checked');
});

test('a forged session cookie is treated as signed out', async ({ page, context, checkPage }) => {
  await context.addCookies([{ name: 'fv_session', value: 'forged.value', url: 'http://localhost:3100' }]);
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in/);
  await checkPage();
});

test('the session cookie is HttpOnly, SameSite=Lax and Secure in production', async ({ page, context, checkPage }) => {
  await signInAs(page, 'lead@example.com', checkPage);
  const cookie = (await context.cookies()).find((candidate) => candidate.name === 'fv_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
});
