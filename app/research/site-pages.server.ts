import { eq, sql } from 'drizzle-orm';
import { researchDb } from '#db/research/client';
import { sitePages, type SitePage } from '#db/research/schema';

/** The public site's pages that administrators write; the delivery plan is the first (spec 5.26). */
export const EDITABLE_PAGES = { 'delivery-plan': { title: 'Delivery plan', path: '/plan' } } as const;
export type EditablePage = keyof typeof EDITABLE_PAGES;
export const isEditablePage = (slug: string): slug is EditablePage => Object.hasOwn(EDITABLE_PAGES, slug);

export async function getSitePage(slug: EditablePage): Promise<SitePage | null> {
  const [page] = await researchDb().select().from(sitePages).where(eq(sitePages.slug, slug));
  return page ?? null;
}

export async function saveSitePage({ slug, title, markdown }: { slug: EditablePage; title: string; markdown: string }): Promise<void> {
  await researchDb()
    .insert(sitePages)
    .values({ slug, title, markdown })
    .onConflictDoUpdate({ target: sitePages.slug, set: { title, markdown, updatedAt: sql`now()` } });
}
