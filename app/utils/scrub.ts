/**
 * Removes the personal identifiers people most often type into free text or that leak into error
 * reports. Used before anything is written to the research store, logged, or sent to Sentry.
 * Order matters: longer, more specific patterns run first so, for example, an email's digits are
 * not mistaken for a phone number.
 */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi, '[email removed]'],
  [/\b(?:https?:\/\/|www\.)[^\s<>"']+/gi, '[link removed]'],
  // NHS numbers: 10 digits, usually written 3-3-4.
  [/\b\d{3}[\s-]?\d{3}[\s-]?\d{4}\b/g, '[NHS number removed]'],
  // UK phone numbers: +44 or 0, then 9–10 more digits with optional spaces, dashes or brackets.
  [/(?:\+44\s?\(?0?\)?|\(?\b0)(?:[\s\-()]*\d){9,10}\b/g, '[phone number removed]'],
  // National Insurance numbers.
  [/\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi, '[National Insurance number removed]'],
  // UK postcodes, full (SW1A 1AA) and without the space.
  [/\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi, '[postcode removed]'],
];

export function scrubPersonalData(text: string): string {
  return RULES.reduce((result, [pattern, marker]) => result.replace(pattern, marker), text);
}
