import { describe, expect, it } from 'vitest';
import { earliestStart, formatLondon, hasEnoughNotice, londonDateTime, parseClockTime, readSessionTimes, timingWarnings } from '~/scheduling/notice';

const london = (day: number, month: number, year: number, time: string) => londonDateTime({ day: String(day), month: String(month), year: String(year), time })!;

describe('the four-week notice rule (Europe/London)', () => {
  it('refuses 27 days and accepts 28 and 29 days', () => {
    const invitations = london(2, 6, 2027, '10:00');
    expect(hasEnoughNotice({ invitationsAt: invitations, startsAt: london(29, 6, 2027, '10:00') })).toBe(false);
    expect(hasEnoughNotice({ invitationsAt: invitations, startsAt: london(30, 6, 2027, '09:59') })).toBe(false);
    expect(hasEnoughNotice({ invitationsAt: invitations, startsAt: london(30, 6, 2027, '10:00') })).toBe(true);
    expect(hasEnoughNotice({ invitationsAt: invitations, startsAt: london(1, 7, 2027, '10:00') })).toBe(true);
  });

  it('counts calendar days across the clocks going forward (March) and back (October)', () => {
    // Clocks go forward on 28 March 2027: 28 days from 10am GMT on 10 March is 10am BST on 7 April,
    // only 27 days and 23 hours later.
    const spring = london(10, 3, 2027, '10:00');
    expect(earliestStart(spring).toISOString()).toBe('2027-04-07T09:00:00.000Z');
    expect(hasEnoughNotice({ invitationsAt: spring, startsAt: london(7, 4, 2027, '10:00') })).toBe(true);
    expect(hasEnoughNotice({ invitationsAt: spring, startsAt: london(7, 4, 2027, '09:30') })).toBe(false);
    // Clocks go back on 31 October 2027: 28 days is 28 days and 1 hour.
    const autumn = london(20, 10, 2027, '18:00');
    expect(earliestStart(autumn).toISOString()).toBe('2027-11-17T18:00:00.000Z');
    expect(hasEnoughNotice({ invitationsAt: autumn, startsAt: london(17, 11, 2027, '17:30') })).toBe(false);
    expect(formatLondon(earliestStart(autumn))).toBe('Wednesday 17 November 2027 at 6:00pm');
  });

  it('reads UK dates and times, refusing impossible ones', () => {
    expect(london(1, 7, 2027, '19:30').toISOString()).toBe('2027-07-01T18:30:00.000Z');
    expect(london(1, 1, 2027, '19:30').toISOString()).toBe('2027-01-01T19:30:00.000Z');
    expect(londonDateTime({ day: '31', month: '2', year: '2027', time: '10:00' })).toBeNull();
    expect(londonDateTime({ day: '28', month: '3', year: '2027', time: '01:30' })).toBeNull(); // skipped hour
    expect(londonDateTime({ day: '1', month: '7', year: '2027', time: '25:00' })).toBeNull();
    expect(londonDateTime({ day: 'x', month: '7', year: '2027', time: '10:00' })).toBeNull();
  });
});

describe('timing warnings', () => {
  it('warns about the school run on weekdays only, and about members’ availability', () => {
    const weekdayAfternoon = { startsAt: london(2, 9, 2027, '14:30'), endsAt: london(2, 9, 2027, '16:00') };
    expect(timingWarnings({ ...weekdayAfternoon, memberAvailability: [] })).toEqual([expect.stringMatching(/school run/)]);
    const saturday = { startsAt: london(4, 9, 2027, '14:30'), endsAt: london(4, 9, 2027, '16:00') };
    expect(timingWarnings({ ...saturday, memberAvailability: [['weekends'], []] })).toEqual([]);
    const evening = { startsAt: london(2, 9, 2027, '19:00'), endsAt: london(2, 9, 2027, '20:30') };
    expect(timingWarnings({ ...evening, memberAvailability: [['weekday-evenings'], ['weekends'], ['weekday-mornings']] })).toEqual([
      '2 of 3 members said this time does not suit them.',
    ]);
  });
});

describe('times as people type them', () => {
  it.each([
    ['18:30', { hour: 18, minute: 30 }],
    ['18.30', { hour: 18, minute: 30 }],
    ['9:05', { hour: 9, minute: 5 }],
    ['6pm', { hour: 18, minute: 0 }],
    ['6 PM', { hour: 18, minute: 0 }],
    ['6.30pm', { hour: 18, minute: 30 }],
    ['6:30 p.m.', { hour: 18, minute: 30 }],
    ['10am', { hour: 10, minute: 0 }],
    ['12pm', { hour: 12, minute: 0 }],
    ['12am', { hour: 0, minute: 0 }],
    ['noon', { hour: 12, minute: 0 }],
  ])('reads %s', (typed, expected) => {
    expect(parseClockTime(typed)).toEqual(expected);
  });

  it.each(['', '6', '25:00', '18:60', '13pm', '0am', 'six', '18:3', '6:30:00'])('refuses %j', (typed) => {
    expect(parseClockTime(typed)).toBeNull();
  });

  it('puts each problem beside its own field, whatever else is wrong', () => {
    expect(readSessionTimes({ day: '31', month: '2', year: '2027', startTime: '6pm', endTime: '8pm' }).errors).toEqual([{ field: 'day', message: expect.stringMatching(/real date/) }]);
    expect(readSessionTimes({ day: '3', month: '3', year: '2027', startTime: 'teatime', endTime: '8pm' }).errors).toEqual([{ field: 'startTime', message: expect.stringMatching(/start time/) }]);
    expect(readSessionTimes({ day: '3', month: '3', year: '2027', startTime: '8pm', endTime: '6pm' }).errors).toEqual([{ field: 'endTime', message: 'The end time must be after the start time' }]);
    // 1:30am on the day the clocks go forward does not exist in the UK.
    expect(readSessionTimes({ day: '28', month: '3', year: '2027', startTime: '1:30am', endTime: '3am' }).errors).toEqual([{ field: 'startTime', message: expect.stringMatching(/does not exist/) }]);
    const ok = readSessionTimes({ day: '3', month: '3', year: '2027', startTime: '6pm', endTime: '19:30' });
    expect(ok.errors).toEqual([]);
    expect(ok.startsAt?.toISOString()).toBe('2027-03-03T18:00:00.000Z');
  });
});
