import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import type { Pseudonym } from '#db/research/pseudonym';
import { guideDownloads, guideRatings, guides, guideVersions, type Guide } from '#db/research/schema';
import { likePattern } from '~/utils/like-pattern';

/** Who is looking: the public sees public guides only; signed-in staff and officers see all. */
export interface GuideReader {
  signedIn: boolean;
}

export interface GuideFilters {
  q?: string;
  theme?: string;
  programme?: string;
  audience?: string;
}

export interface GuideFile {
  format: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  content: Uint8Array;
}

/** A guide as listed: its details and its newest version's. */
export interface GuideListItem extends GuideDetails {
  slug: string;
  version: string;
  format: string;
  sizeBytes: number;
  publishedAt: Date;
}

function visibleTo(reader: GuideReader): SQL {
  return reader.signedIn ? sql`true` : sql`${guides.isPublic}`;
}

/** Guides a reader may see, matching the filters, newest version's details first; newest published first. */
export async function listGuides(reader: GuideReader, filters: GuideFilters = {}): Promise<GuideListItem[]> {
  const conditions: SQL[] = [visibleTo(reader)];
  const q = filters.q?.trim();
  if (q) conditions.push(sql`(${guides.title} ilike ${likePattern(q)} or ${guides.summary} ilike ${likePattern(q)})`);
  if (filters.theme) conditions.push(sql`${filters.theme} = any(${guides.themes})`);
  if (filters.programme) conditions.push(sql`${filters.programme} = any(${guides.programmes})`);
  if (filters.audience) conditions.push(sql`${filters.audience} = any(${guides.audiences})`);
  // The newest version of each guide, chosen in SQL: one row per guide, the files stay on disk.
  const rows = await researchDb()
    .selectDistinctOn([guides.id], {
      slug: guides.slug,
      title: guides.title,
      summary: guides.summary,
      themes: guides.themes,
      programmes: guides.programmes,
      audiences: guides.audiences,
      isPublic: guides.isPublic,
      version: guideVersions.version,
      format: guideVersions.format,
      sizeBytes: guideVersions.sizeBytes,
      publishedAt: guideVersions.publishedAt,
    })
    .from(guides)
    .innerJoin(guideVersions, eq(guideVersions.guideId, guides.id))
    .where(and(...conditions))
    .orderBy(guides.id, desc(guideVersions.publishedAt));
  return rows.sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.title.localeCompare(b.title));
}

export interface GuideVersionSummary {
  id: string;
  version: string;
  format: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  changes: string;
  publishedAt: Date;
}

export interface GuideDetail extends Guide {
  /** Newest first. */
  versions: GuideVersionSummary[];
}

/** A guide and its versions (without their files), if the reader may see it. */
export async function getGuide(slug: string, reader: GuideReader): Promise<GuideDetail | null> {
  const [guide] = await researchDb()
    .select()
    .from(guides)
    .where(and(eq(guides.slug, slug), visibleTo(reader)));
  if (!guide) return null;
  const versions = await researchDb()
    .select({
      id: guideVersions.id,
      version: guideVersions.version,
      format: guideVersions.format,
      fileName: guideVersions.fileName,
      sizeBytes: guideVersions.sizeBytes,
      sha256: guideVersions.sha256,
      changes: guideVersions.changes,
      publishedAt: guideVersions.publishedAt,
    })
    .from(guideVersions)
    .where(eq(guideVersions.guideId, guide.id))
    .orderBy(desc(guideVersions.publishedAt), desc(guideVersions.version));
  return { ...guide, versions };
}

/** A version's file, if it belongs to that guide and the reader may see the guide. */
export async function guideVersionFile(slug: string, versionId: string, reader: GuideReader): Promise<GuideFile | null> {
  const [row] = await researchDb()
    .select({ format: guideVersions.format, fileName: guideVersions.fileName, sizeBytes: guideVersions.sizeBytes, sha256: guideVersions.sha256, content: guideVersions.content })
    .from(guideVersions)
    .innerJoin(guides, eq(guides.id, guideVersions.guideId))
    .where(and(eq(guides.slug, slug), eq(guideVersions.id, versionId), visibleTo(reader)));
  return row ?? null;
}

export interface GuideDetails {
  title: string;
  summary: string;
  themes: string[];
  programmes: string[];
  audiences: string[];
  isPublic: boolean;
}

export type PublishResult = { ok: true; slug: string; versionId: string } | { ok: false; field: string; message: string };

function slugFrom(title: string): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'guide';
}

class Refused extends Error {
  constructor(readonly result: Extract<PublishResult, { ok: false }>) {
    super(result.message);
  }
}

type Tx = Parameters<Parameters<ReturnType<typeof researchDb>['transaction']>[0]>[0];

async function duplicateOf(tx: Tx, sha256: string) {
  const [existing] = await tx
    .select({ title: guides.title, version: guideVersions.version })
    .from(guideVersions)
    .innerJoin(guides, eq(guides.id, guideVersions.guideId))
    .where(eq(guideVersions.sha256, sha256));
  return existing;
}

async function insertVersion(tx: Tx, guideId: string, version: string, changes: string, file: GuideFile): Promise<string> {
  const duplicate = await duplicateOf(tx, file.sha256);
  if (duplicate) throw new Refused({ ok: false, field: 'file', message: `This file has already been published, as version ${duplicate.version} of “${duplicate.title}”` });
  const [row] = await tx
    .insert(guideVersions)
    .values({ guideId, version, changes, format: file.format, fileName: file.fileName, sizeBytes: file.sizeBytes, sha256: file.sha256, content: file.content })
    .onConflictDoNothing()
    .returning({ id: guideVersions.id });
  // Someone published the same file or version number at the same moment.
  if (!row) throw new Refused({ ok: false, field: 'file', message: 'This file or version number has just been published by someone else. Check the guide’s versions' });
  return row.id;
}

async function refusing(run: () => Promise<PublishResult>): Promise<PublishResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Refused) return error.result;
    throw error;
  }
}

/** A new guide with its first version, all or nothing; the same file twice is refused. */
export async function publishGuide(details: GuideDetails & { version: string; file: GuideFile }): Promise<PublishResult> {
  return refusing(() =>
    researchDb().transaction(async (tx) => {
      const base = slugFrom(details.title);
      const taken = new Set(
        (await tx.select({ slug: guides.slug }).from(guides).where(sql`${guides.slug} = ${base} or ${guides.slug} like ${`${base}-%`}`)).map((row) => row.slug),
      );
      let slug = base;
      for (let n = 2; taken.has(slug); n += 1) slug = `${base}-${n}`;
      const [guide] = await tx
        .insert(guides)
        .values({ slug, title: details.title, summary: details.summary, themes: details.themes, programmes: details.programmes, audiences: details.audiences, isPublic: details.isPublic })
        .returning({ id: guides.id });
      const versionId = await insertVersion(tx, guide!.id, details.version, '', details.file);
      return { ok: true as const, slug, versionId };
    }),
  );
}

/** A new version of a guide; its number must be new for the guide, and its file new everywhere. */
export async function addGuideVersion({ slug, version, changes, file }: { slug: string; version: string; changes: string; file: GuideFile }): Promise<PublishResult> {
  return refusing(() =>
    researchDb().transaction(async (tx) => {
      const [guide] = await tx.select({ id: guides.id }).from(guides).where(eq(guides.slug, slug));
      if (!guide) throw new Refused({ ok: false, field: 'file', message: 'That guide no longer exists' });
      const [clash] = await tx
        .select({ id: guideVersions.id })
        .from(guideVersions)
        .where(and(eq(guideVersions.guideId, guide.id), eq(guideVersions.version, version)));
      if (clash) throw new Refused({ ok: false, field: 'version', message: `Version ${version} has already been published: give the new version a new number` });
      const versionId = await insertVersion(tx, guide.id, version, changes, file);
      return { ok: true as const, slug, versionId };
    }),
  );
}

/** Counts a download for an authority ('' when not an officer's) in a month (2026-11); nobody is recorded. */
export async function countGuideDownload({ versionId, laCode, month }: { versionId: string; laCode: string; month: string }): Promise<void> {
  await researchDb()
    .insert(guideDownloads)
    .values({ versionId, laCode, month, count: 1 })
    .onConflictDoUpdate({ target: [guideDownloads.versionId, guideDownloads.laCode, guideDownloads.month], set: { count: sql`${guideDownloads.count} + 1` } });
}

export interface DownloadCount {
  laCode: string;
  month: string;
  downloads: number;
}

/** A guide's downloads, all versions together, by authority and month, newest month first. */
export async function guideDownloadCounts(slug: string): Promise<DownloadCount[]> {
  return researchDb()
    .select({ laCode: guideDownloads.laCode, month: guideDownloads.month, downloads: sql<number>`sum(${guideDownloads.count})::int` })
    .from(guideDownloads)
    .innerJoin(guideVersions, eq(guideVersions.id, guideDownloads.versionId))
    .innerJoin(guides, eq(guides.id, guideVersions.guideId))
    .where(eq(guides.slug, slug))
    .groupBy(guideDownloads.laCode, guideDownloads.month)
    .orderBy(desc(guideDownloads.month), asc(guideDownloads.laCode));
}

export interface GuideRatingInput {
  versionId: string;
  rater: Pseudonym;
  laCode: string | null;
  quality: number;
  usefulness: number;
  comment: string;
}

/** An officer's rating of a version: a second rating of the same version replaces the first (and its day). */
export async function rateGuideVersion(input: GuideRatingInput): Promise<void> {
  await researchDb()
    .insert(guideRatings)
    .values(input)
    .onConflictDoUpdate({
      target: [guideRatings.versionId, guideRatings.rater],
      set: { quality: input.quality, usefulness: input.usefulness, comment: input.comment, laCode: input.laCode, ratedOn: sql`date_trunc('day', now(), 'Europe/London')` },
    });
}

/** The rater's own ratings of these versions, so the form shows what they said. */
export async function ratingsBy(rater: Pseudonym, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return researchDb()
    .select({ versionId: guideRatings.versionId, quality: guideRatings.quality, usefulness: guideRatings.usefulness, comment: guideRatings.comment })
    .from(guideRatings)
    .where(and(eq(guideRatings.rater, rater), inArray(guideRatings.versionId, versionIds)));
}

/** Whether a version belongs to a guide the reader may see. */
export async function isGuideVersion(slug: string, versionId: string): Promise<boolean> {
  const [row] = await researchDb()
    .select({ id: guideVersions.id })
    .from(guideVersions)
    .innerJoin(guides, eq(guides.id, guideVersions.guideId))
    .where(and(eq(guides.slug, slug), eq(guideVersions.id, versionId)));
  return Boolean(row);
}
