import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signInAs, test } from './fixtures';

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
}

/** The number of ratings counted for the current quarter on the KPI dashboard's 7.1.1.b quality table. */
async function guideRatingsThisQuarter(page: Page): Promise<number> {
  const table = page.getByRole('region', { name: /7\.1\.1\.b Good-practice materials: satisfied with the quality/ });
  const text = (await table.locator('tbody tr').first().locator('td').first().textContent()) ?? '';
  return Number(/^(\d+) ratings?/.exec(text.trim())?.[1] ?? Number.NaN);
}

test.describe('local authorities', () => {
  test('an administrator publishes a guide; an officer finds it by theme, downloads the same bytes and rates it; the dashboard counts the rating', async ({ page, checkPage }) => {
    const markdown = `# Listening to grandparents\n\nKinship carers are often missed. <script>alert(1)</script>\n\n- Ask them directly\n- Meet where they are\n\nRun ${Date.now()}.\n`;
    const file = path.join(tmpdir(), `grandparents-${Date.now()}.md`);
    writeFileSync(file, markdown);

    await signInAs(page, 'lead@example.com', checkPage);
    await page.goto('/staff/kpis');
    await expect(page.getByRole('heading', { level: 1, name: 'Key performance indicators' })).toBeVisible();
    await checkPage();
    const before = await guideRatingsThisQuarter(page);
    expect(before).toBeGreaterThanOrEqual(0);
    await signOut(page);
    await checkPage();

    await signInAs(page, 'admin@example.com', checkPage);
    await page.getByRole('link', { name: 'Good-practice guides' }).click();
    await checkPage();
    await page.getByRole('button', { name: 'Publish a guide' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Publish a guide' })).toBeVisible();
    await checkPage();
    // Sent empty first: every problem in the error summary, nothing published.
    await page.getByRole('button', { name: 'Publish the guide' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Select the guide’s file' })).toBeVisible();
    await checkPage();
    await page.getByLabel('Title').fill('Listening to grandparents and kinship carers');
    await page.getByLabel('Summary').fill('How areas have heard from grandparents and other kinship carers.');
    await page.getByLabel('Reaching families of different make-ups and backgrounds').check();
    await page.getByLabel('Family Hubs').check();
    await page.getByLabel('Local authorities', { exact: true }).check();
    await page.getByLabel('Anyone, on the public website').check();
    await page.getByLabel('The guide’s file').setInputFiles(file);
    await page.getByRole('button', { name: 'Publish the guide' }).click();
    await expect(page.getByText('The guide has been published.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Listening to grandparents and kinship carers' })).toBeVisible();
    // The Markdown is shown as a page, its script as text.
    await expect(page.getByRole('heading', { level: 2, name: 'Listening to grandparents' })).toBeVisible();
    await expect(page.getByText('<script>alert(1)</script>')).toBeVisible();
    await checkPage();
    await signOut(page);
    await checkPage();

    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, 'la.officer@example.com', checkPage);
    await page.getByRole('link', { name: 'Good-practice guides' }).click();
    await checkPage();
    await page.getByLabel('Theme').selectOption({ label: 'Reaching families of different make-ups and backgrounds' });
    await page.getByRole('button', { name: 'Show guides' }).click();
    await expect(page).toHaveURL(/theme=reaching-families/);
    await checkPage();
    await page.getByRole('link', { name: 'Listening to grandparents and kinship carers' }).click();
    await checkPage();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Download the guide/ }).click();
    const saved = await download;
    expect(readFileSync(await saved.path())).toEqual(readFileSync(file));

    await page.getByRole('group', { name: 'How good is the guide’s quality?' }).getByLabel('4: Good').check();
    await page.getByRole('group', { name: 'How useful is it to your work?' }).getByLabel('5: Very good').check();
    await page.getByLabel('Anything you would like to tell us about it (optional)').fill('Clear and practical.');
    await page.getByRole('button', { name: 'Send your rating' }).click();
    await expect(page.getByText('Your rating has been saved')).toBeVisible();
    await checkPage();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await signOut(page);
    await checkPage();

    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, 'lead@example.com', checkPage);
    await page.goto('/staff/kpis');
    await checkPage();
    expect(await guideRatingsThisQuarter(page)).toBe(before + 1);
  });

  test('an attendee gives feedback on a workshop from its link, without an account', async ({ page, browser, checkPage }) => {
    await signInAs(page, 'facilitator@example.com', checkPage);
    await page.getByRole('link', { name: 'Workshops and events' }).click();
    await checkPage();
    await page.getByRole('link', { name: 'Hearing from families: what works (North West)' }).click();
    await checkPage();
    const before = Number(/(\d+) (people have|person has)/.exec((await page.getByText(/told us how it went/).textContent()) ?? '')?.[1]);
    const link = (await page.getByRole('link', { name: /\/surveys\/event-feedback\?event=/ }).getAttribute('href'))!;

    const attendee = await (await browser.newContext()).newPage();
    await attendee.goto(link);
    await expect(attendee.getByRole('heading', { level: 1, name: 'Tell us how the event went' })).toBeVisible();
    await attendee.getByRole('button', { name: 'Start now' }).click();
    await attendee.getByLabel('A local authority').check();
    await attendee.getByLabel('5 – Very good').check();
    await attendee.getByLabel('4 – Useful', { exact: true }).check();
    await attendee.getByLabel('What will you change in your work because of it? (optional)').fill('Ask families before changing opening hours.');
    await attendee.getByRole('button', { name: 'Continue' }).click();
    await expect(attendee.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
    await attendee.getByRole('button', { name: 'Send my answers' }).click();
    await expect(attendee.getByRole('heading', { name: 'Thank you' })).toBeVisible();
    await expect(attendee.getByRole('link', { name: 'guides library' })).toBeVisible();
    await attendee.context().close();

    await page.reload();
    await checkPage();
    await expect(page.getByText(`${before + 1} people have told us how it went`)).toBeVisible();
  });

  test('an officer records their authority’s Family Voice self-assessment at phone width', async ({ page, checkPage }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(page, 'la.officer@example.com', checkPage);
    await page.getByRole('link', { name: 'Your Family Voice self-assessment' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Direct support and self-assessments' })).toBeVisible();
    await checkPage();
    await page.getByRole('link', { name: 'Record or see self-assessments for Manchester' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Family Voice self-assessment' })).toBeVisible();
    await checkPage();
    const descriptors = page.getByRole('group');
    const count = await descriptors.count();
    for (let index = 0; index < count; index += 1) {
      const group = descriptors.nth(index);
      if (await group.getByLabel('Maturing').count()) await group.getByLabel('Maturing').check();
    }
    await page.getByRole('group', { name: /Families’ views are gathered regularly/ }).getByLabel('Mature').check();
    await page.getByRole('button', { name: 'Save the self-assessment' }).click();
    await expect(page.getByText('The self-assessment for this quarter has been saved.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Progress against the baseline' })).toContainText('3.17');
    await checkPage();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Another authority's page is refused.
    expect((await page.goto('/staff/direct-support/E09000033'))?.status()).toBe(403);
    await checkPage();
  });
});

test.describe('the public site without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every public page loads and reads in full', async ({ page, checkPage }) => {
    const pages = [
      { path: '/', heading: 'Family Voice' },
      { path: '/take-part', heading: 'Take part' },
      { path: '/panels', heading: 'Family panels' },
      { path: '/reports', heading: 'What families told us' },
      { path: '/guides', heading: 'Good-practice guides' },
      { path: '/guides/principles-of-hearing-from-families', heading: 'Principles of hearing from families' },
      { path: '/plan', heading: 'Delivery plan' },
      { path: '/privacy', heading: 'Privacy notice' },
      { path: '/accessibility', heading: 'Accessibility statement for Family Voice' },
      { path: '/contact', heading: 'Contact the Family Voice team' },
    ];
    for (const { path: address, heading } of pages) {
      const response = await page.goto(address);
      expect(response?.status(), address).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText(/coming soon/i)).toHaveCount(0);
      await checkPage();
    }
    // The guides' filters work as a plain form.
    await page.goto('/guides');
    await page.getByLabel('Theme').selectOption({ label: 'Co-production and lived experience' });
    await page.getByRole('button', { name: 'Show guides' }).click();
    await expect(page.getByRole('link', { name: 'Reaching families who are seldom heard' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Principles of hearing from families' })).toHaveCount(0);
    await checkPage();
    // A guide for officers only is not shown to the public.
    await expect(page.getByText('Using families’ feedback in commissioning')).toHaveCount(0);
    expect((await page.goto('/guides/using-families-feedback-in-commissioning'))?.status()).toBe(404);
    await checkPage();
  });
});
