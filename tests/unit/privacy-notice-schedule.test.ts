import { describe, expect, it } from 'vitest';
import { NOTICES_ROW, periodText, RETENTION_SCHEDULE } from '~/governance/retention-schedule';
import { PRIVACY_NOTICE_VERSION } from '~/identity/participants.server';

/**
 * The retention schedule as each version of the privacy notice published it. Every consent records
 * the version a member agreed to, so a published entry is never edited: a new schedule needs a new
 * PRIVACY_NOTICE_VERSION and a new entry here.
 */
const PUBLISHED: Record<string, [what: string, kept: string][]> = {
  '2026-11': [
    ['Answers saved but not sent', '7 days after they were last changed'],
    ['Panel sign-ups started but not finished', '1 day'],
    ['Staff sign-in sessions', '30 minutes without use, and never more than 12 hours'],
    ['Records of staff sign-in attempts, used to stop password guessing', '1 day'],
    ['Emails and text messages we sent (the record that they went)', '90 days'],
    ['Invitations to panel sessions, with their reminders and feedback codes', '180 days after the session'],
    ['Contact details of panel members who have not taken part', '2 years after they last took part, then 30 days after we tell them, unless they choose to stay'],
    ['A coded copy of a member’s old links after they leave, so the links can say they have left', '1 year'],
    ['The audit trail of who did what', '6 years (the longest), then deleted'],
    ['Notices sent to members who have not taken part for 2 years', 'removed 30 days later unless they choose to stay'],
  ],
};

describe('the retention schedule in the privacy notice', () => {
  it('is the one published under the current notice version (a change needs a new version)', () => {
    const now = [...RETENTION_SCHEDULE, NOTICES_ROW].map((rule) => [rule.what, rule.kept]);
    expect(now, `the retention schedule differs from the one published as privacy notice ${PRIVACY_NOTICE_VERSION}: raise PRIVACY_NOTICE_VERSION and add the new schedule to PUBLISHED`).toEqual(
      PUBLISHED[PRIVACY_NOTICE_VERSION],
    );
  });

  it('says periods in whole years where they are, otherwise in days', () => {
    expect([0, 1, 7, 30, 364, 365, 730, 2190, 400].map(periodText)).toEqual(['0 days', '1 day', '7 days', '30 days', '364 days', '1 year', '2 years', '6 years', '400 days']);
  });
});
