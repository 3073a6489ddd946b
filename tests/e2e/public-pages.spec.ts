import { expect, test } from './fixtures';

const PAGES = [
  { path: '/', heading: 'Family Voice' },
  { path: '/take-part', heading: 'Take part' },
  { path: '/reports', heading: 'What families told us' },
  { path: '/guides', heading: 'Good-practice guides' },
  { path: '/privacy', heading: 'Privacy notice' },
  { path: '/accessibility', heading: 'Accessibility statement' },
  { path: '/contact', heading: 'Contact the Family Voice team' },
  { path: '/sign-in', heading: 'Sign in' },
];

test('every public page has its heading, the phase banner and footer links, and passes axe', async ({ page, checkPage }) => {
  for (const { path, heading } of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText('This is a new service.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Accessibility statement' })).toBeVisible();
    await checkPage();
  }
});

test('an unknown address shows the GOV.UK page-not-found page with a 404', async ({ page, checkPage }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await checkPage();
});

test('a staff page sends a signed-out visitor to sign in', async ({ page, checkPage }) => {
  await page.goto('/staff/audit');
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fstaff%2Faudit/);
  await checkPage();
});

test('the health check reports both stores up', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  // The e2e server carries one deliberately broken question set; the service is still up.
  expect(await response.json()).toMatchObject({
    status: 'ok',
    stores: { identity: 'up', research: 'up' },
    surveys: { unavailable: [{ file: 'broken-services.v1.json', reason: expect.stringContaining('colour') }] },
  });
});
