import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '#db/paths';
import { checkGuideFile } from '~/guides/guide-files.server';
import { publishGuide, type GuideDetails } from '~/research/guides.server';

/** Demonstration guides, published as an administrator would, so the library is not empty. */
const DEMO_GUIDES: (GuideDetails & { file: string })[] = [
  {
    file: 'principles-of-hearing-from-families.md',
    title: 'Principles of hearing from families',
    summary: 'Six principles shared by the local areas furthest ahead in hearing from families and acting on what they say.',
    themes: ['principles', 'collecting-feedback'],
    programmes: ['supporting-families', 'family-hubs', 'start-for-life', 'reducing-parental-conflict', 'family-nurse-partnership'],
    audiences: ['local-authorities', 'delivery-partners'],
    isPublic: true,
  },
  {
    file: 'reaching-families-seldom-heard.md',
    title: 'Reaching families who are seldom heard',
    summary: 'Ways local areas have reached families who do not use services, and how to check who is still missing.',
    themes: ['reaching-families', 'co-production'],
    programmes: ['supporting-families', 'family-hubs'],
    audiences: ['local-authorities', 'practitioners'],
    isPublic: true,
  },
  {
    file: 'using-feedback-in-commissioning.md',
    title: 'Using families’ feedback in commissioning',
    summary: 'For commissioners and partnership boards: bringing what families say into decisions about services.',
    themes: ['using-feedback'],
    programmes: ['supporting-families'],
    audiences: ['commissioners'],
    isPublic: false,
  },
];

export async function seedGuides(): Promise<void> {
  for (const guide of DEMO_GUIDES) {
    const bytes = new Uint8Array(readFileSync(path.join(projectPath('db', 'seed', 'guides'), guide.file)));
    const file = checkGuideFile(guide.file, bytes);
    if (!file.ok) throw new Error(`Demo guide ${guide.file}: ${file.message}`);
    const { file: _name, ...details } = guide;
    const published = await publishGuide({ ...details, version: '1.0', file });
    if (!published.ok) throw new Error(`Demo guide ${guide.file}: ${published.message}`);
  }
}
