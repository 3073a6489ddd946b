import { DateTime } from 'luxon';
import { expect, expectButtonsApart, openPanelAsFacilitator, signInAs, test } from './fixtures';

// These tests build on each other (a family joins, a session is scheduled, its invitation is answered).
test.describe.configure({ mode: 'serial' });

test.describe('joining a panel without JavaScript at phone width', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });

  test('a family finds a regional panel, joins through the short pages, changes an answer and comes straight back', async ({ page, checkPage }) => {
    await page.goto('/panels');
    await checkPage();
    await page.getByLabel('Region').selectOption({ label: 'North West' });
    await page.getByRole('button', { name: 'Show panels' }).click();
    const card = page.locator('.govuk-summary-card', { has: page.getByRole('heading', { name: 'North West parent and carer panel' }) });
    await expect(card).toBeVisible();
    // What a family would want to know before joining.
    await expect(card.getByText('About every 3 months, for 2 hours')).toBeVisible();
    await expect(card.getByText('Travel and childcare costs paid', { exact: false })).toBeVisible();
    await expect(card.getByRole('definition').filter({ hasText: /\d{4}/ }).first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'London parent and carer panel' })).toHaveCount(0);
    await checkPage();
    await page.getByRole('link', { name: 'Join North West parent and carer panel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Join North West parent and carer panel' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Start now' }).click();

    // About you and how to contact you: errors first, in the GOV.UK pattern.
    await expect(page.getByRole('heading', { level: 1, name: 'About you and how to contact you' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter your name' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Select how old you are' })).toBeVisible();
    await checkPage();
    await page.getByLabel('Your name').fill('Sam E2etester');
    await page.getByRole('group', { name: 'How old are you?' }).getByLabel('35 to 44').check();
    await page.getByLabel('Email address (optional if you give a phone number)').fill('sam.e2etester@example.com');
    await page.getByRole('group', { name: 'How should we contact you?' }).getByLabel('Email').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Taking part' })).toBeVisible();
    await checkPage();
    await page.getByLabel('Do you have any access needs or need any adjustments? (optional)').fill('A hearing loop');
    await page.getByLabel('Weekday evenings').check();
    await page.getByRole('group', { name: 'How would you like to take part?' }).getByLabel('Online').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Age is asked once: the optional page does not ask it again.
    await expect(page.getByRole('heading', { level: 1, name: 'More about you (optional)' })).toBeVisible();
    await expect(page.getByText('How old are you?')).toHaveCount(0);
    await checkPage();
    await page.getByLabel('Which council area do you live in?').selectOption({ label: 'Manchester' });
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Your agreement' })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('link', { name: 'Confirm you agree to take part in the research' })).toBeVisible();
    await checkPage();
    await page.getByLabel('I agree that what I say in panel sessions can be used, anonymously, in the research').check();
    await page.getByLabel('I agree to be contacted about panel sessions. I can stop at any time.').check();
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before joining' })).toBeVisible();
    await expect(page.getByText('sam.e2etester@example.com')).toBeVisible();
    await checkPage();
    await page.getByRole('link', { name: 'Change how you would like to take part' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Taking part' })).toBeVisible();
    await expect(page.getByLabel('Do you have any access needs or need any adjustments? (optional)')).toHaveValue('A hearing loop');
    await checkPage();
    await page.getByRole('group', { name: 'How would you like to take part?' }).getByLabel('Either').check();
    await page.getByRole('button', { name: 'Save and go back to check your answers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before joining' })).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: /^Either$/ })).toBeVisible();
    await checkPage();
    await page.getByRole('button', { name: 'Join the panel' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you for signing up to North West parent and carer panel' })).toBeVisible();
    // The panel's demo session six weeks ahead still gives 4 weeks' notice, so the newcomer is invited.
    await expect(page.getByText('If the panel already has sessions planned, we have sent you an invitation to each', { exact: false })).toBeVisible();
    await checkPage();
  });
});

test('the facilitator for that region finds the new member, adds someone recruited offline, and sees who has joined', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.getByRole('link', { name: 'Panels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Panels' })).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'North West parent and carer panel' }).click();
  // The overview: sessions with where each stands, members in numbers only.
  await expect(page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('cell', { name: 'Upcoming' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Sam E2etester' })).toHaveCount(0);
  await checkPage();

  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Search by name, email or phone number').fill('e2etester');
  await page.getByRole('button', { name: 'Show members' }).click();
  await expect(page.getByRole('cell', { name: 'Sam E2etester' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /A hearing loop/ })).toBeVisible();
  await expect(page.getByText('1 member matching “e2etester”')).toBeVisible();
  await checkPage();
  await page.getByLabel('Search by name, email or phone number').fill('');
  await page.getByLabel('Call list: people who prefer a phone call').check();
  await page.getByRole('button', { name: 'Show members' }).click();
  await expect(page.getByRole('region', { name: 'Call list' })).toBeVisible();
  await checkPage();

  await page.getByRole('link', { name: 'Add someone recruited offline' }).click();
  await checkPage();
  await page.getByRole('button', { name: 'Add to the panel' }).click();
  await expect(page.getByRole('link', { name: 'Select how they agreed' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Name', { exact: true }).fill('Mo Offlinetester');
  await page.getByRole('group', { name: 'How old are they?' }).getByLabel('45 to 54').check();
  await page.getByLabel('Phone number (optional if you give an email address)').fill('07700 900778');
  await page.getByRole('group', { name: 'How should we contact them?' }).getByLabel('Phone call').check();
  await page.getByRole('group', { name: 'How would they like to take part?' }).getByLabel('In person').check();
  await page.getByLabel('On a paper form').check();
  await page.getByLabel(/They were told how their details and answers are used/).check();
  await page.getByRole('button', { name: 'Add to the panel' }).click();
  await expect(page.getByText('The member has been added')).toBeVisible();
  await checkPage();

  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Recruitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who has joined' })).toBeVisible();
  // With every group under 10, one line says so instead of thirteen tables of "Fewer than 10".
  await expect(page.getByText('There are too few members yet to show who has joined')).toBeVisible();
  await expect(page.locator('summary')).toHaveCount(0);
  await checkPage();
  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('How often it meets (optional)')).toHaveValue('About every 3 months, for 2 hours');
  await checkPage();

  await page.getByRole('navigation', { name: 'Panel' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sessions' })).toBeVisible();
  await checkPage();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download attendance (CSV)' }).click();
  const csv = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let all = '';
    csv.on('data', (chunk: Buffer) => (all += chunk.toString('utf8')));
    csv.on('end', () => resolve(all));
  });
  expect(text).toContain('session,when,name,answer,attended');
  expect(text).toContain('Mo Offlinetester');
});

test('a facilitator creates a local panel, and cannot open another region’s panel', async ({ page, checkPage }) => {
  await signInAs(page, 'facilitator@example.com', checkPage);
  await page.goto('/staff/panels/new');
  await checkPage();
  await page.getByRole('button', { name: 'Create the panel' }).click();
  await expect(page.getByRole('link', { name: 'Enter a name for the panel' })).toBeVisible();
  await checkPage();
  await page.getByLabel('Panel name').fill('Manchester dads');
  await page.getByLabel('Local (one local authority)').check();
  await page.getByLabel('Local authority (for a local panel)').selectOption({ label: 'Manchester' });
  await page.getByLabel('Family Hubs').check();
  await page.getByLabel('Parents and carers').check();
  await page.getByLabel('Focus (optional)').fill('Fathers');
  await page.getByLabel('Recruitment target').fill('12');
  await page.getByRole('button', { name: 'Create the panel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manchester dads' })).toBeVisible();
  await checkPage();

  await page.goto('/staff/panels');
  await expect(page.getByRole('link', { name: 'South West parent and carer panel' })).toHaveCount(0);
  await checkPage();
});

test('a facilitator schedules a session: 27 days ahead is refused, 29 days ahead is accepted', async ({ page, checkPage }) => {
  const inDays = (days: number) => DateTime.now().setZone('Europe/London').plus({ days });
  await openPanelAsFacilitator(page, 'North West parent and carer panel', checkPage);
  await page.getByRole('link', { name: 'Schedule a session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule a session' })).toBeVisible();
  await checkPage();

  const fill = async (date: DateTime) => {
    await page.getByLabel('Title').fill('Support for children with SEND');
    await page.getByLabel('Day').fill(String(date.day));
    await page.getByLabel('Month').fill(String(date.month));
    await page.getByLabel('Year').fill(String(date.year));
    await page.getByLabel('Start time').fill('19:00');
    await page.getByLabel('End time').fill('20:30');
    await page.getByLabel('Online', { exact: true }).check();
    await page.getByLabel('How to join online (online or hybrid)').fill('We will send a video link a week before.');
    await page.getByLabel('Number of places').fill('12');
  };
  await fill(inDays(27));
  await page.getByRole('button', { name: 'Schedule the session' }).click();
  await expect(page.getByRole('link', { name: /must start at least 4 weeks after the invitations go out/ })).toBeVisible();
  await checkPage();

  await fill(inDays(29));
  await page.getByRole('button', { name: /Schedule (the session|anyway)/ }).click();
  // Some members may have said evenings do not suit them: confirm past the warning if shown.
  const anyway = page.getByRole('button', { name: 'Schedule anyway' });
  await expect(anyway.or(page.getByText(/The session has been scheduled and \d+ members? (has|have) been invited\./))).toBeVisible();
  if (await anyway.isVisible()) {
    await checkPage();
    await anyway.click();
  }
  await expect(page.getByText(/The session has been scheduled and \d+ members? (has|have) been invited\./)).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'Support for children with SEND', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support for children with SEND' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^0 of 12 taken/ })).toBeVisible();
  await expect(page.getByText(/7 days before \(.*\): due/)).toBeVisible();
  await expect(page.getByText('Not recorded')).toHaveCount(0);
  await checkPage();
});

test('the invitation with its calendar file is in the outbox, and the member accepts through their link', async ({ page, checkPage }) => {
  await signInAs(page, 'admin@example.com', checkPage);
  await page.getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const invitation = page
    .locator('.govuk-summary-card', { hasText: 'You are invited: Support for children with SEND' })
    .filter({ hasText: 'sam.e2etester@example.com, with a calendar file (.ics)' });
  await expect(invitation).toBeVisible();
  await checkPage();
  const body = await invitation.locator('pre').innerText();
  const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/.exec(body)?.[0];
  expect(link).toBeTruthy();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await checkPage();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Support for children with SEND' })).toBeVisible();
  // The other session's two answers, side by side in a table cell on a phone, do not touch.
  await expect(page.getByRole('button', { name: /^I cannot come/ })).toBeVisible();
  await expectButtonsApart(page);
  await checkPage();
  await page.getByLabel('Yes, I can come').check();
  await page.getByLabel('Is there anything you need to take part? (optional)').fill('A crèche place for my toddler');
  await page.getByRole('button', { name: 'Send my reply' }).click();
  await expect(page.getByRole('heading', { name: 'Success' })).toBeVisible();
  await expect(page.getByText('You have a place. We look forward to seeing you.').first()).toBeVisible();
  await checkPage();

  const forged = await page.goto(link!.replace(/.{5}$/, 'AAAAA'));
  expect(forged?.status()).toBe(404);
  await checkPage();

  // The member updates their needs through the same link.
  await page.goto(link!);
  await checkPage();
  await page.getByLabel('Access needs or adjustments (optional)').fill('Large print, please');
  await page.getByRole('button', { name: 'Update my details' }).click();
  await expect(page.getByText('Your details have been updated.')).toBeVisible();
  await expect(page.getByLabel('Access needs or adjustments (optional)')).toHaveValue('Large print, please');
  await checkPage();

  // Then withdraws, asking for their answers to go too; their link stops working.
  await page.getByRole('button', { name: 'Stop taking part' }).click();
  await expect(page.getByRole('link', { name: 'Confirm that you want to stop taking part' })).toBeVisible();
  await checkPage();
  await page.getByLabel('I want to stop taking part and have my details deleted').check();
  await page.getByLabel('Also delete the answers I gave about myself').check();
  await page.getByRole('button', { name: 'Stop taking part' }).click();
  await expect(page.getByRole('heading', { name: 'You have stopped taking part' })).toBeVisible();
  await checkPage();
  // The old link no longer opens anything of theirs: it says they have left, and how to come back.
  await page.goto(link!);
  await expect(page).toHaveURL(/\/withdrawn\?link=old$/);
  await expect(page.getByRole('heading', { level: 1, name: 'You have left Family Voice panels' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find a panel and join it' })).toBeVisible();
  await checkPage();
});

test('the facilitator records attendance and the attendee answers the session feedback form', async ({ page, checkPage }) => {
  await openPanelAsFacilitator(page, 'London parent and carer panel', checkPage);
  await page.getByRole('link', { name: 'Record attendance for Getting help with mental health' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Record attendance' })).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(page.getByRole('link', { name: 'Mark at least one person as attended or did not come' })).toBeVisible();
  await checkPage();
  const groups = page.getByRole('group');
  await groups.nth(0).getByLabel('Attended').check();
  await groups.nth(1).getByLabel('Did not come').check();
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await expect(page.getByText('Attendance saved. 1 person was sent the feedback form.')).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await checkPage();

  await signInAs(page, 'admin@example.com', checkPage);
  await page.goto('/staff/outbox');
  await checkPage();
  await page.getByLabel('Search by recipient or subject').fill('How did it go? Getting help with mental health');
  await page.getByRole('button', { name: 'Search' }).click();
  await checkPage();
  const message = page.locator('.govuk-summary-card', { hasText: 'How did it go? Getting help with mental health' }).first();
  const link = /https?:\/\/\S+\/surveys\/session-feedback\?code=[A-Za-z0-9_-]{43}/.exec(await message.locator('pre').innerText())?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole('heading', { level: 1, name: 'Tell us how the session went' })).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Start now' }).click();
  await checkPage();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('link', { name: 'Tell us how much you agree with at least one of the statements' })).toBeVisible();
  await checkPage();
  await page.getByRole('group', { name: 'I felt safe' }).getByLabel('Strongly agree').check();
  await page.getByRole('group', { name: 'I felt listened to' }).getByLabel('Agree', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers before sending them' })).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you' })).toBeVisible();
  await checkPage();

  // The link works once: a second go (or anyone it was passed to) is refused.
  await page.context().clearCookies();
  await page.goto(link!);
  await page.getByRole('button', { name: 'Start now' }).click();
  await expect(page.getByText('This feedback link has already been used')).toBeVisible();
  await checkPage();
});

test('a facilitator moves an upcoming session later, then cancels it, and everyone invited is told', async ({ page, checkPage }) => {
  await openPanelAsFacilitator(page, 'North West parent and carer panel', checkPage);
  await page.getByRole('link', { name: 'Change the time of Support for children with SEND' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change the time' })).toBeVisible();
  await checkPage();
  const later = DateTime.now().setZone('Europe/London').plus({ days: 40 });
  await page.getByLabel('Day').fill(String(later.day));
  await page.getByLabel('Month').fill(String(later.month));
  await page.getByLabel('Year').fill(String(later.year));
  await page.getByRole('button', { name: 'Change the time' }).click();
  await expect(page.getByText('The session has been moved and everyone invited has been told the new time.')).toBeVisible();
  await checkPage();
  await page.getByRole('link', { name: 'Cancel Support for children with SEND' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel Support for children with SEND?' })).toBeVisible();
  await checkPage();
  await page.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(page.getByText('The session has been cancelled and everyone invited has been told.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cancel Support for children with SEND' })).toHaveCount(0);
  await checkPage();
});
