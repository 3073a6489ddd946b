/** What guides are about and whom they are for (spec 4.1.2): the filters on the guides page. */
export const GUIDE_THEMES = [
  { value: 'principles', label: 'Principles of engaging families' },
  { value: 'reaching-families', label: 'Reaching families of different make-ups and backgrounds' },
  { value: 'co-production', label: 'Co-production and lived experience' },
  { value: 'collecting-feedback', label: 'Collecting feedback from families' },
  { value: 'using-feedback', label: 'Using feedback in decisions' },
  { value: 'workforce', label: 'Training and workforce development' },
  { value: 'pitfalls', label: 'Pitfalls to avoid' },
] as const;

export const GUIDE_AUDIENCES = [
  { value: 'local-authorities', label: 'Local authorities' },
  { value: 'delivery-partners', label: 'Delivery partners and services' },
  { value: 'practitioners', label: 'Practitioners working with families' },
  { value: 'commissioners', label: 'Commissioners and leaders' },
] as const;

export const GUIDE_FORMATS = { docx: 'Word document', pdf: 'PDF', markdown: 'Web page (Markdown)' } as const;
export type GuideFormat = keyof typeof GUIDE_FORMATS;

export const GUIDE_THEME_VALUES = GUIDE_THEMES.map((theme) => theme.value) as [string, ...string[]];
export const GUIDE_AUDIENCE_VALUES = GUIDE_AUDIENCES.map((audience) => audience.value) as [string, ...string[]];

export const themeLabel = (value: string) => GUIDE_THEMES.find((theme) => theme.value === value)?.label ?? value;
export const audienceLabel = (value: string) => GUIDE_AUDIENCES.find((audience) => audience.value === value)?.label ?? value;

/** A rating's scale (KPI 7.1.1.b): 4 and 5 count as satisfied. */
export const RATING_LABELS: Record<number, string> = { 1: 'Very poor', 2: 'Poor', 3: 'Neither good nor poor', 4: 'Good', 5: 'Very good' };
