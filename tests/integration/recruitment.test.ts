import { pseudonymFor } from '~/identity/pseudonym.server';
import { describe, expect, it } from 'vitest';
import { createPanel, recordPanelMember } from '~/research/panels.server';
import { panelProfile } from '~/research/recruitment.server';
import { testStoreKind, withTestStores } from '../setup/stores';

withTestStores();

describe(`a panel's recruitment profile (${testStoreKind})`, () => {
  it('counts members by each dimension in SQL and hides cells under 10', async () => {
    const panel = await createPanel(
      { name: 'Profile test', level: 'regional', regionCode: 'E12000001', laCode: null, programmeCodes: ['family-hubs'], audience: 'parents-carers', focus: null, recruitmentTarget: 30, existingGroup: false },
      { regionCodes: 'all' },
    );
    // 12 women, 3 men, 2 who did not say.
    const members = [...Array(12).fill({ sex: 'female' }), ...Array(3).fill({ sex: 'male' }), {}, {}];
    for (const [i, profile] of members.entries()) {
      await recordPanelMember({ pseudonym: pseudonymFor(`p-${i}`), panelId: panel.id, profile, laCode: null });
    }
    const result = await panelProfile(panel.id);
    expect(result.members).toBe(17);
    const sex = result.dimensions.find((dimension) => dimension.dimension === 'sex')!;
    expect(sex.rows).toEqual([
      { answer: 'Female', count: 12 },
      { answer: 'Male', count: null },
      { answer: 'Prefer not to say', count: null },
      { answer: 'Not answered', count: null },
    ]);
    expect(result.dimensions.map((dimension) => dimension.dimension)).toEqual(expect.arrayContaining(['ethnicity', 'disability', 'age_band', 'benefits']));
  });
});
