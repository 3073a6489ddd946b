import { expect, signInAs, test } from './fixtures';

test('at 320 px the pages fit the screen without scrolling sideways', async ({ page, checkPage }) => {
  for (const path of ['/', '/sign-in', '/privacy']) {
    await page.goto(path);
    await checkPage();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await signInAs(page, 'facilitator@example.com', checkPage);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
