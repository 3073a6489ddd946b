import type { Page } from '@playwright/test';
import { expect, signInAs, test, unusedCode } from './fixtures';

const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('at 320 px the pages fit the screen without scrolling sideways', async ({ page, checkPage }) => {
  for (const path of ['/', '/sign-in', '/privacy', '/panels']) {
    await page.goto(path);
    await checkPage();
    expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await signInAs(page, 'facilitator@example.com', checkPage);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  // Wide tables scroll inside their own labelled region, never the whole page.
  for (const path of ['/staff/session-feedback', '/staff/panels']) {
    await page.goto(path);
    await checkPage();
    expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.getByRole('link', { name: 'London parent and carer panel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'London parent and carer panel' })).toBeVisible();
  await checkPage();
  expect(await sidewaysScroll(page), 'the panel page scrolls sideways').toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Making family hubs work for the whole family', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Making family hubs work for the whole family' })).toBeVisible();
  await checkPage();
  expect(await sidewaysScroll(page), 'the session page scrolls sideways').toBeLessThanOrEqual(0);
});

test('at 320 px a new facilitator must set up an authenticator app at first sign-in, by keyboard, and keeps the recovery codes', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto('/staff/accounts/new');
  await checkPage();
  await page.getByLabel('Name').fill('Tomas Phonetester');
  await page.getByLabel('Email address').fill('tomas.phone@example.org');
  await page.getByLabel('Facilitator').check();
  await page.getByLabel('London').check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText('Tomas Phonetester has been sent an email')).toBeVisible();
  await checkPage();
  await page.goto(`/staff/outbox?${new URLSearchParams({ search: 'tomas.phone@example.org' })}`);
  await checkPage();
  const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]{43}/.exec(await page.locator('.govuk-summary-card pre').first().innerText())?.[0];
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signed-out');
  await checkPage();
  await page.goto(link!);
  await checkPage();
  await page.getByLabel('New password', { exact: true }).fill('phone tester password 5');
  await page.getByLabel('Type the new password again').fill('phone tester password 5');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your password has been set. Sign in with it now.')).toBeVisible();
  await checkPage();

  // By keyboard: the password, then straight to setting up the app, before any page of the service.
  await page.getByLabel('Email address').focus();
  await page.keyboard.type('tomas.phone@example.org');
  await page.keyboard.press('Tab');
  await page.keyboard.type('phone tester password 5');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' })).toBeVisible();
  await checkPage();
  expect(await sidewaysScroll(page), 'the set-up page scrolls sideways').toBeLessThanOrEqual(0);
  // No page of the service until the app is set up.
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/sign-in\?redirectTo/);
  await checkPage();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' })).toBeVisible();
  await checkPage();
  await page.getByText('Cannot scan the QR code?').click();
  const key = (await page.getByTestId('authenticator-key').innerText()).replace(/\s/g, '');
  await page.getByLabel('Code from the app').focus();
  await page.keyboard.type(await unusedCode('tomas', key));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your authenticator app is set up' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
  await checkPage();
  expect(await sidewaysScroll(page), 'the recovery codes scroll sideways').toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
  await checkPage();
});
