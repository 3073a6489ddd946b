import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../db/seed/staff';

/**
 * Every page a test visits is checked with axe-core (WCAG 2.2 A and AA rules); serious or critical
 * violations fail the test. `checkPage` is called after each navigation, and a test that navigates
 * to a page it never checked fails at the end.
 */
async function runAxe(page: Page): Promise<void> {
  const url = page.url();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    blocking.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    `accessibility violations on ${url}`,
  ).toEqual([]);
}

export const test = base.extend<{ checkPage: () => Promise<void> }>({
  checkPage: async ({ page, javaScriptEnabled, browser, viewport }, use) => {
    // axe runs as a script in the page; with JavaScript off it runs on a copy of the page's HTML in
    // a second, scripted page with the same stylesheets.
    let helper: Page | undefined;
    const axeTarget = async (): Promise<Page> => {
      if (javaScriptEnabled !== false) return page;
      helper ??= await (await browser.newContext({ viewport: viewport ?? undefined, javaScriptEnabled: true })).newPage();
      // Served at the page's own address, so its stylesheets load as they did for the page.
      const html = await page.content();
      const url = page.url();
      await helper.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
      await helper.goto(url, { waitUntil: 'load' });
      await helper.unroute(url);
      return helper;
    };
    const visited = new Set<string>();
    const checked = new Set<string>();
    // A script that fails in the browser (a server-only module leaking into a page's bundle) makes
    // Remix reload the page and hide the failure: any uncaught page error fails the test.
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    const key = (url: string) => url.split('#')[0]!;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.add(key(frame.url()));
    });
    await use(async () => {
      await page.waitForLoadState('load');
      await runAxe(await axeTarget());
      checked.add(key(page.url()));
    });
    await helper?.context().close();
    const unchecked = [...visited].filter((url) => !checked.has(url) && url !== 'about:blank');
    expect(unchecked, 'pages visited without an accessibility check').toEqual([]);
    expect(pageErrors, 'uncaught errors in the browser').toEqual([]);
  },
});

export { expect };

// The server accepts each 30-second step's code once per account: the steps used are kept in a
// file, so a new worker (another project, or after a failed test) knows them too.
const STEPS_FILE = path.join(tmpdir(), 'family-voice-e2e-totp-steps.json');
const readSteps = (): Record<string, number> => {
  try {
    return JSON.parse(readFileSync(STEPS_FILE, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
};

/** A code for an authenticator key that this run has not used for the account: now's, the next step's (also accepted), or after a wait. */
export async function unusedCode(account: string, secret: string): Promise<string> {
  for (;;) {
    const now = Math.floor(Date.now() / 1000);
    const steps = readSteps();
    const last = steps[account] ?? 0;
    for (const step of [Math.floor(now / 30), Math.floor(now / 30) + 1]) {
      if (step > last) {
        writeFileSync(STEPS_FILE, JSON.stringify({ ...steps, [account]: step }));
        return generate({ secret, epoch: step * 30 });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, (30 - (now % 30)) * 1000 + 200));
  }
}

export async function signInAs(page: Page, email: string, checkPage: () => Promise<void>): Promise<void> {
  await page.goto('/sign-in');
  await checkPage();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Your tasks|Enter your security code/ })).toBeVisible();
  if (page.url().includes('/sign-in/code')) {
    // The demo administrator and facilitator use the published demo authenticator key.
    await checkPage();
    // A new worker (after a failed test) does not know the steps already used: a refused code is
    // followed by the next step's.
    const signedIn = page.getByRole('heading', { level: 1, name: 'Your tasks' });
    const refused = page.getByRole('link', { name: /The code is not right/ });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await page.getByLabel('Security code').fill(await unusedCode(email, DEMO_TOTP_SECRET));
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(signedIn.or(refused)).toBeVisible();
      if (await signedIn.isVisible()) break;
      await checkPage();
    }
    await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
  }
  await checkPage();
}

/** Signs in as the demo facilitator and opens one of their panels from the panels list. */
export async function openPanelAsFacilitator(page: Page, panelName: string, checkPage: () => Promise<void>): Promise<void> {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.goto('/staff/panels');
  await checkPage();
  await page.getByRole('link', { name: panelName }).click();
  await expect(page.getByRole('heading', { level: 1, name: panelName })).toBeVisible();
  await checkPage();
}

/** Every button in the page's main content is a target of at least 24 px, and no two touch (WCAG 2.5.8). */
export async function expectButtonsApart(page: Page): Promise<void> {
  const boxes = (await Promise.all((await page.locator('main button').all()).map((button) => button.boundingBox()))).filter((box) => box !== null);
  expect(boxes.length).toBeGreaterThan(1);
  for (const [index, box] of boxes.entries()) {
    expect(box.height).toBeGreaterThanOrEqual(24);
    for (const other of boxes.slice(index + 1)) {
      const gap = Math.max(other.y - (box.y + box.height), box.y - (other.y + other.height), other.x - (box.x + box.width), box.x - (other.x + other.width));
      expect(gap, 'two buttons touch').toBeGreaterThanOrEqual(8);
    }
  }
}
