import { describe, expect, it } from 'vitest';
import { representationRequest } from '~/findings/representation.server';

const now = new Date('2026-11-28T12:00:00Z');
const ask = (user: Parameters<typeof representationRequest>[0], query: string) => representationRequest(user, new URLSearchParams(query), now).parsed;
const staff = (role: string, extra: Partial<{ programmeCodes: string[]; regionCodes: string[]; laCode: string | null }> = {}) =>
  ({ role, programmeCodes: [], regionCodes: [], laCode: null, ...extra }) as Parameters<typeof representationRequest>[0];

describe('who may read which representation report', () => {
  it('gives an analyst any programme, level and region', () => {
    expect(ask(staff('analyst'), 'quarter=2026-27-Q3&programme=all&level=region&source=members')).toMatchObject({ ok: true, request: { programme: 'all', level: 'region', source: 'members' } });
  });

  it('holds a facilitator to their own regions, and refuses England as a whole and another region', () => {
    const facilitator = staff('facilitator', { regionCodes: ['E12000002'] });
    expect(ask(facilitator, 'quarter=2026-27-Q3')).toMatchObject({ ok: true, request: { level: 'region', regionCode: 'E12000002' } });
    expect(ask(facilitator, 'quarter=2026-27-Q3&level=la&region=E12000002')).toMatchObject({ ok: true, request: { level: 'la', regionCode: 'E12000002' } });
    expect(ask(facilitator, 'quarter=2026-27-Q3&level=region&region=E12000007')).toMatchObject({ ok: false, forbidden: true });
    expect(ask(facilitator, 'quarter=2026-27-Q3&level=england')).toMatchObject({ ok: false, forbidden: true });
  });

  it('holds an LA officer to their own authority whatever the address says', () => {
    const officer = staff('la_officer', { laCode: 'E08000003' });
    expect(ask(officer, 'quarter=2026-27-Q3&level=region&region=E12000007&programme=family-hubs')).toMatchObject({ ok: true, request: { level: 'la', laCode: 'E08000003', programme: 'all' } });
  });

  it('holds a programme lead to their programmes', () => {
    const lead = staff('programme_lead', { programmeCodes: ['family-nurse-partnership'] });
    expect(ask(lead, 'quarter=2026-27-Q3&programme=family-nurse-partnership')).toMatchObject({ ok: true });
    expect(ask(lead, 'quarter=2026-27-Q3&programme=all')).toMatchObject({ ok: false, forbidden: true });
  });

  it('refuses an unknown programme, source or region, and a quarter that has not started, with a message each', () => {
    const analyst = staff('analyst');
    expect(ask(analyst, 'quarter=2026-27-Q3&programme=astrology')).toMatchObject({ ok: false, errors: [{ field: 'programme', message: 'Choose a programme from the list' }] });
    expect(ask(analyst, 'quarter=2026-27-Q3&source=everyone')).toMatchObject({ ok: false, errors: [{ field: 'source' }] });
    expect(ask(analyst, 'quarter=2026-27-Q3&level=region&region=W99')).toMatchObject({ ok: false, errors: [{ field: 'region' }] });
    expect(ask(analyst, 'quarter=2026-27-Q3&level=region&region=E12000010')).toMatchObject({ ok: false, errors: [{ field: 'region', message: 'Choose a region from the list' }] });
    expect(ask(analyst, 'quarter=2027-28-Q1')).toMatchObject({ ok: false, errors: [{ field: 'quarter', message: expect.stringMatching(/has not started/) }] });
    // A period is a quarter: ten years is not one.
    expect(ask(analyst, 'quarter=2016-2026')).toMatchObject({ ok: false, errors: [{ field: 'quarter' }] });
  });
});
