import { readFileSync } from 'node:fs';
import { expect, signInAs, test, unusedCode } from './fixtures';
import type { Page } from '@playwright/test';

for (const javaScriptEnabled of [false, true]) {
  test.describe(`a family’s journey at phone width, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, viewport: { width: 375, height: 800 } });

    test('a young person leaves half-way, continues where they left off, changes an answer and comes straight back', async ({ page, checkPage }) => {
      await page.goto('/surveys/young-people');
      await checkPage();
      await page.getByRole('button', { name: 'Start now' }).click();
      await checkPage();
      await page.getByLabel('16 to 17').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Services' })).toBeVisible();
      await checkPage();
      await page.getByLabel('Mental health support').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByText('Your answer added a question to this page, marked “New”.')).toBeVisible();
      await checkPage();
      await page.getByLabel('Quite helpful').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Getting help' })).toBeVisible();

      // Away, and back to the start page: carry on rather than start again.
      await page.goto('/surveys/young-people');
      await expect(page.getByRole('heading', { name: 'You have answers you have not sent' })).toBeVisible();
      await checkPage();
      await page.getByRole('button', { name: 'Continue where you left off' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Getting help' })).toBeVisible();
      await checkPage();

      await page.goto('/surveys/young-people/check');
      await checkPage();
      await page.getByRole('link', { name: 'Change your answer to: How old are you?' }).click();
      await expect(page.getByRole('link', { name: 'Back' })).toHaveAttribute('href', '/surveys/young-people/check');
      await checkPage();
      await page.getByLabel('18 to 21').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
      await expect(page.getByText('18 to 21')).toBeVisible();
      await checkPage();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      // Their own thank-you page: young people's helplines and panels, not the parents'.
      await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
      await expect(page.getByText(/Childline: call 0800 1111/)).toBeVisible();
      await expect(page.getByText(/NSPCC/)).toHaveCount(0);
      await checkPage();
      await page.getByRole('link', { name: 'Find a young people’s panel' }).click();
      await expect(page.getByRole('heading', { level: 2, name: /Young people.s panel/ })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: /parent and carer panel/ })).toHaveCount(0);
      await checkPage();
    });
  });
}

test('the contact page gives the team’s details from configuration, and names the Ministry', async ({ page, checkPage }) => {
  await page.goto('/contact');
  await expect(page.getByRole('link', { name: 'family-voice-e2e@example.org' })).toHaveAttribute('href', 'mailto:family-voice-e2e@example.org');
  await expect(page.getByRole('link', { name: '0300 123 4567' })).toHaveAttribute('href', 'tel:03001234567');
  await expect(page.getByRole('contentinfo')).toContainText('Ministry of Housing, Communities and Local Government');
  await expect(page.locator('body')).not.toContainText('Levelling Up');
  await checkPage();
});

test('a page that does not exist is the GOV.UK 404 page, with nothing from the framework', async ({ page, checkPage }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('No route matches');
  await checkPage();
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 720 } });

  /** The page fits the screen: nothing but a table's own scrolling region may be wider. */
  async function expectNoSidewaysScroll(page: Page, path: string) {
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
    expect(widths.page, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.screen);
  }

  test('no public page scrolls sideways', async ({ page, checkPage }) => {
    for (const path of ['/', '/surveys/common-question-set', '/panels', '/contact', '/privacy', '/sign-in']) {
      await page.goto(path);
      await checkPage();
      await expectNoSidewaysScroll(page, path);
    }
  });

  for (const email of ['admin@example.com', 'facilitator@example.com', 'analyst@example.com', 'lead@example.com', 'la.officer@example.com']) {
    test(`no page on ${email}'s task list scrolls sideways`, async ({ page, checkPage }) => {
      test.setTimeout(180_000);
      await signInAs(page, email, checkPage);
      const links = await page.locator('main a[href^="/staff/"]').evaluateAll((anchors) => [...new Set(anchors.map((anchor) => anchor.getAttribute('href')!))]);
      for (const path of ['/staff', ...links]) {
        await page.goto(path);
        await checkPage();
        await expectNoSidewaysScroll(page, path);
      }
    });
  }

  test('no page of a panel’s workspace scrolls sideways', async ({ page, checkPage }) => {
    await signInAs(page, 'facilitator@example.com', checkPage);
    await page.goto('/staff/panels');
    await checkPage();
    const panel = await page.getByRole('link', { name: 'North West parent and carer panel' }).getAttribute('href');
    for (const path of ['', '/members', '/members?show=calls', '/members/new', '/recruitment', '/settings'].map((tail) => `${panel}${tail}`)) {
      await page.goto(path);
      await checkPage();
      await expectNoSidewaysScroll(page, path);
    }
  });
});

test('SurveyJS pages look like the service: Arial, 4.5:1 contrast on the button, a visible GOV.UK focus', async ({ page, checkPage }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/surveys/priorities/form');
  const send = page.getByRole('button', { name: 'Send my answer' });
  await expect(send).toBeVisible();
  await checkPage();
  const look = await send.evaluate((button) => {
    const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r, g, b] = channels(colour).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(button);
    // The words are in a span of their own colour, on the button's background.
    const words = getComputedStyle(button.querySelector('.sd-action__title') ?? button);
    const [light, dark] = [luminance(words.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return { contrast: (light! + 0.05) / (dark! + 0.05), font: words.fontFamily, title: getComputedStyle(document.querySelector('.sd-question__title')!).fontFamily };
  });
  expect(look.contrast).toBeGreaterThanOrEqual(4.5);
  expect(look.font.toLowerCase()).toContain('arial');
  expect(look.title.toLowerCase()).toContain('arial');
  await send.focus();
  const focus = await send.evaluate((button) => ({ outline: getComputedStyle(button).outlineColor, width: getComputedStyle(button).outlineWidth, shadow: getComputedStyle(button).boxShadow }));
  expect(focus).toMatchObject({ outline: 'rgb(255, 221, 0)', width: '3px' });
  expect(focus.shadow).toContain('rgb(11, 12, 12)');
  // Errors in the service's own words, listed in a GOV.UK error summary that takes focus; its link
  // leads into the question.
  await send.click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: /^Select an answer to “Put these in order/ }).click();
  await expect(page.locator('.sd-question', { hasText: 'Put these in order' }).locator(':focus')).toHaveCount(1);
  await checkPage();
});

test.describe('sets the React UI draws, without JavaScript at phone width', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  test('a family completes the ranking set on simple pages, a numbered select per item', async ({ page, checkPage }) => {
    // A link to the React UI's page still leads to the simple pages.
    await page.goto('/surveys/priorities/form?channel=social-media');
    await expect(page.getByText('Loading the questions…')).toBeHidden();
    await checkPage();
    await page.getByRole('link', { name: 'Answer them on simple pages instead' }).click();
    await checkPage();
    await page.getByRole('button', { name: 'Start now' }).click();
    await expect(page.getByRole('group', { name: /Put these in order/ })).toBeVisible();
    await checkPage();
    const rank = (item: string, number: string) => page.getByRole('combobox', { name: item }).selectOption(number);
    await rank('Support close to home', '1');
    await rank('Support in the evenings and at weekends', '1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: /a different number from 1 to 5/ })).toBeVisible();
    // What was chosen is shown again.
    await expect(page.getByRole('combobox', { name: 'Support close to home' })).toHaveValue('1');
    await checkPage();
    await rank('Support in the evenings and at weekends', '3');
    await rank('One worker who knows our family', '2');
    await rank('Help online or by phone', '5');
    await rank('Meeting other parents', '4');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'Check your answers before sending them' })).toBeVisible();
    await expect(page.getByText('1. Support close to home; 2. One worker who knows our family; 3. Support in the evenings and at weekends', { exact: false })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: /Send my answer/ }).click();
    await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
    await checkPage();
  });

  test('a set only the React UI can draw says why the questions do not appear, and how else to answer', async ({ page, checkPage }) => {
    await page.goto('/surveys/matrixdynamic');
    await expect(page.getByText('These questions need JavaScript')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start now' })).toBeHidden();
    await checkPage();
    await page.goto('/surveys/matrixdynamic/form');
    await expect(page.getByText('These questions need JavaScript')).toBeVisible();
    await expect(page.getByText('Loading the questions…')).toBeHidden();
    await checkPage();
  });
});

test('with JavaScript, a follow-up opens inside the answer it belongs to, at phone width', async ({ page, checkPage }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/surveys/common-question-set');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await checkPage();
  await page.goto('/surveys/common-question-set/support-wanted');
  const followUp = page.getByLabel('What support did you want?');
  await expect(followUp).toBeHidden();
  await checkPage();
  const question = page.getByRole('group', { name: 'Was there support you wanted but could not get?' });
  await question.getByLabel('Yes').check();
  await expect(followUp).toBeVisible();
  // Position stays the same: nothing reloads, the section count does not move.
  await expect(page.locator('.app-progress')).toHaveText(/Section \d+ of about \d+/);
  await checkPage();
  await question.getByLabel('No').check();
  await expect(followUp).toBeHidden();
});

test('a family chooses their council by typing, at phone width', async ({ page, checkPage }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/surveys/common-question-set');
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await checkPage();
  await page.goto('/surveys/common-question-set/about-you-area');
  const council = page.getByRole('combobox', { name: 'Which council area do you live in?' });
  await expect(council).toBeVisible();
  await checkPage();
  // "I don't know" comes first, before the 153 councils.
  await council.click();
  await expect(page.getByRole('option').first()).toHaveText('I don\'t know');
  await council.fill('manch');
  await expect(page.getByRole('option', { name: 'Manchester' })).toBeVisible();
  await checkPage();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(council).toHaveValue('Manchester');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About you: your family' })).toBeVisible();
  await checkPage();
  await page.goto('/surveys/common-question-set/check');
  await expect(page.getByText('Manchester', { exact: true })).toBeVisible();
  await checkPage();
});

test('an administrator filters the audit trail to one person’s actions and downloads them', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.context().clearCookies();
  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto('/staff/audit');
  await checkPage();
  const person = await page.getByLabel('Person').locator('option', { hasText: 'facilitator@example.com' }).getAttribute('value');
  await page.getByLabel('Person').selectOption(person!);
  await page.getByLabel('Action').selectOption({ label: 'Signed in' });
  await page.getByRole('button', { name: 'Show events' }).click();
  await expect(page).toHaveURL(/who=[0-9a-f-]{36}/);
  await checkPage();
  const rows = page.getByRole('region', { name: 'Audit events' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row.locator('td').nth(2)).toHaveText('Signed in');
  const who = await rows.first().locator('td').nth(1).textContent();
  expect(who).not.toMatch(/[0-9a-f]{8}-/);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download these events (CSV)' }).click();
  const csv = await (await download).path();
  const text = readFileSync(csv, 'utf8');
  expect(text).toMatch(/^\uFEFFwhen_utc,who,who_id,what,action_code/);
  expect(text.trim().split('\n').slice(1).every((line) => line.includes('auth.sign-in'))).toBe(true);
});

test('an administrator invites a facilitator and sets up her authenticator app with her; she sets a password from the emailed link and signs in with a code', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto('/staff/accounts');
  await checkPage();
  await page.getByRole('link', { name: 'Invite a member of staff' }).click();
  await checkPage();
  // Refused first: nothing chosen.
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Name').fill('Rhiannon Newfacilitator');
  await page.getByLabel('Email address').fill('rhiannon.new@example.org');
  await page.getByLabel('Facilitator').check();
  await page.getByLabel('North West').check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.getByText('Rhiannon Newfacilitator has been sent an email')).toBeVisible();
  await checkPage();

  // Facilitators see names, so they need an authenticator app: the administrator sets it up with her.
  await page.goto('/staff/accounts');
  await checkPage();
  await page.getByRole('link', { name: 'Rhiannon Newfacilitator' }).click();
  await checkPage();
  await expect(page.getByText('Not set up. Their role can see names')).toBeVisible();
  await page.getByRole('link', { name: 'Set up their authenticator app with them' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up Rhiannon Newfacilitator’s authenticator app' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code to add Family Voice to an authenticator app' })).toBeVisible();
  await checkPage();
  await page.getByText('Cannot scan the QR code?').click();
  const key = (await page.getByTestId('authenticator-key').innerText()).replace(/\s/g, '');
  expect(key).toMatch(/^[A-Z2-7]{16,}$/);
  await page.getByLabel('Code from the app').fill('12345');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('link', { name: 'Enter the 6-digit code your authenticator app shows' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Code from the app').fill(await unusedCode('rhiannon', key));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rhiannon Newfacilitator’s authenticator app is set up' })).toBeVisible();
  const recoveryCodes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  await checkPage();

  await page.goto(`/staff/outbox?${new URLSearchParams({ search: 'rhiannon.new@example.org' })}`);
  await checkPage();
  const link = /https?:\/\/\S+\/set-password\/[A-Za-z0-9_-]{43}/.exec(await page.locator('.govuk-summary-card pre').first().innerText())?.[0];
  expect(link).toBeTruthy();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signed-out');
  await checkPage();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await checkPage();
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('link', { name: /12 characters or more/ })).toBeVisible();
  await checkPage();
  await page.getByLabel('New password', { exact: true }).fill('three unrelated words 7');
  await page.getByLabel('Type the new password again').fill('three unrelated words 7');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your password has been set. Sign in with it now.')).toBeVisible();
  await checkPage();
  await page.getByLabel('Email address').fill('rhiannon.new@example.org');
  await page.getByLabel('Password').fill('three unrelated words 7');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The second step: a wrong code is refused with the error summary, then the app's code lets her in.
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your security code' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Security code').fill('000000');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: /The code is not right/ })).toBeVisible();
  await checkPage();
  const code = await unusedCode('rhiannon', key);
  await page.getByLabel('Security code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Panels and sessions' })).toBeVisible();
  await checkPage();
  // The same code again (replayed) is refused; a recovery code works once instead.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signed-out');
  await checkPage();
  await page.goto('/sign-in');
  await checkPage();
  await page.getByLabel('Email address').fill('rhiannon.new@example.org');
  await page.getByLabel('Password').fill('three unrelated words 7');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your security code' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Security code').fill(code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: /The code is not right, or has been used/ })).toBeVisible();
  await checkPage();
  await page.getByLabel('Security code').fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Your tasks' })).toBeVisible();
  await checkPage();
  // The link works once.
  expect((await page.goto(link!))?.status()).toBe(404);
  await checkPage();
});

test('staff change a session’s venue and everyone invited is told', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto('/staff/panels');
  await checkPage();
  await page.getByRole('link', { name: 'North East parent and carer panel' }).click();
  await checkPage();
  await page.getByRole('link', { name: 'Making family hubs work for the whole family' }).first().click();
  await checkPage();
  await page.getByRole('link', { name: 'Change the details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change the session' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Number of places').fill('1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('link', { name: 'A session needs at least 2 places' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Number of places').fill('12');
  await page.getByLabel('Venue (in person or hybrid)').fill('Gateshead Family Hub, Room 3');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/The session has been changed and \d+ (people have|person has) been told\./)).toBeVisible();
  await checkPage();
  await page.goto(`/staff/outbox?${new URLSearchParams({ search: 'Changed: Making family hubs work' })}`);
  await expect(page.locator('.govuk-summary-card').first()).toContainText('Where: Gateshead Family Hub, Room 3.');
  await checkPage();
});
