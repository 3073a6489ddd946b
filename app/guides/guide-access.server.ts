import { DateTime } from 'luxon';
import type { StaffUser } from '#db/identity/schema';
import type { Pseudonym } from '#db/research/pseudonym';
import { getCurrentUser } from '~/auth/guards.server';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { readUpperTierLocalAuthorities } from '#db/reference/files';
import { guideDownloadCounts, type GuideReader } from '~/research/guides.server';

/** Who is reading the guides: any signed-in staff member sees every guide; others the public ones. */
export async function guideReader(request: Request): Promise<{ reader: GuideReader; user: StaffUser | null }> {
  const current = await getCurrentUser(request);
  const user = current.state === 'signed-in' ? current.user : null;
  return { reader: { signedIn: user !== null }, user };
}

/** Who may publish guides and their versions. */
export const GUIDE_PUBLISHERS = ['administrator', 'analyst'] as const;
export const canPublishGuides = (user: StaffUser | null) => user !== null && (GUIDE_PUBLISHERS as readonly string[]).includes(user.role);

/** Officers rate guides; each is a pseudonym in the research store, like a panel member. */
export const canRateGuides = (user: StaffUser | null): user is StaffUser => user?.role === 'la_officer';
export const raterFor = (user: StaffUser): Pseudonym => pseudonymFor(`staff:${user.id}`);

/** A download counts for the officer's authority, or for no authority; the month is UK time. */
export function downloadCount(user: StaffUser | null, now = new Date()) {
  return {
    laCode: user?.role === 'la_officer' && user.laCode ? user.laCode : '',
    month: DateTime.fromJSDate(now, { zone: 'Europe/London' }).toFormat('yyyy-MM'),
  };
}

/** The uploaded file from a form, or null when none was chosen. */
export async function uploadedFile(form: FormData, field = 'file'): Promise<{ name: string; bytes: Uint8Array } | null> {
  const file = form.get(field);
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A guide's downloads by month and authority, with the authorities' names. */
export async function namedDownloadCounts(slug: string) {
  const names = new Map(readUpperTierLocalAuthorities().map((la) => [la.la_code, la.la_name]));
  return (await guideDownloadCounts(slug)).map((row) => ({ ...row, la: row.laCode ? (names.get(row.laCode) ?? row.laCode) : 'Public and staff' }));
}
