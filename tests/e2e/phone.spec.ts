import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

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
