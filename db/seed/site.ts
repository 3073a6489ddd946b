import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '#db/paths';
import { getSitePage, saveSitePage } from '~/research/site-pages.server';

/** A first delivery plan, so the public site's plan page says something until an administrator edits it. */
export async function seedSitePages(): Promise<boolean> {
  if (await getSitePage('delivery-plan')) return false;
  const markdown = readFileSync(path.join(projectPath('db', 'seed', 'site'), 'delivery-plan.md'), 'utf8');
  await saveSitePage({ slug: 'delivery-plan', title: 'Delivery plan', markdown });
  return true;
}
