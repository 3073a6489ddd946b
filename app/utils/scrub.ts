/**
 * Removes the personal identifiers people most often type into free text or that leak into error
 * reports. Used before anything is written to the research store, logged, or sent to Sentry.
 *
 * The text is normalised first, so look-alike characters (full-width digits, zero-width spaces,
 * en dashes, non-breaking spaces) cannot hide an identifier from the patterns; the text returned is
 * the normalised text with the identifiers replaced by markers. Order matters: more specific
 * patterns run first so, for example, an email's digits are not mistaken for a phone number.
 */

export interface ScrubOptions {
  /** Names the form already knows (the child's, the parent's); each is removed wherever it appears. */
  names?: readonly string[];
}

const MARKERS = {
  email: '[email removed]',
  link: '[link removed]',
  phone: '[phone number removed]',
  nhs: '[NHS number removed]',
  ni: '[National Insurance number removed]',
  postcode: '[postcode removed]',
  name: '[name removed]',
} as const;

// --- Normalisation --------------------------------------------------------------------------------

// Characters that render as nothing (zero-width spaces and joiners, direction marks, soft hyphens,
// byte-order marks, invisible operators, tag characters: all \p{Cf}), plus fillers, variation
// selectors and the keycap mark, which would otherwise let "0️⃣7️⃣…" or "077\uFE0F00" slip past.
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]|\u034F|\u20E3|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
const FOLDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Zs}/gu, ' '], // non-breaking, thin, ideographic and other spaces
  [/[\u2028\u2029]/g, '\n'],
  [/[\p{Pd}\u2212\u2043]/gu, '-'], // en and em dashes, minus sign, hyphen bullet
  [/[\u00B7\u2022\u2027\u2219\u22C5\u2E31\u30FB\u3002]/g, '.'], // middle dots, bullets, ideographic full stop
  [/[\u2044\u2215]/g, '/'], // fraction and division slashes
  [/[\u2018\u2019\u02BC]/g, "'"], // curly apostrophes, so "O’Brien" matches a name given as "O'Brien"
];

/** NFKC also turns full-width and mathematical letters and digits, circled digits and "＠" into ASCII. */
function normalise(text: string): string {
  const visible = text.replace(INVISIBLE, '').normalize('NFKC');
  return FOLDS.reduce((result, [pattern, ascii]) => result.replace(pattern, ascii), visible);
}

// --- Emails ---------------------------------------------------------------------------------------

const SPACE = '[ \\t]';
// "@", "(at)", "[at]" are unmistakable; a bare " at " is ordinary English, so it is only trusted
// when followed by something ending in a common email domain (see WORD_AT_EMAIL).
const STRONG_AT = `(?:${SPACE}*@${SPACE}*|${SPACE}*[([{<]${SPACE}*at${SPACE}*[)\\]}>]${SPACE}*)`;
const WORD_AT = `${SPACE}+at${SPACE}+`;
// A literal dot may have spaces around it ("example . com") but never only after it: "school. Dot"
// is the end of a sentence.
const DOT = `(?:\\.|${SPACE}+\\.${SPACE}*|${SPACE}*[([{<]${SPACE}*dot${SPACE}*[)\\]}>]${SPACE}*|${SPACE}+dot${SPACE}+)`;
// Chunks never contain a dot, so there is only one way to split an address, and an address never
// starts straight after a dot, so "a dot a dot a dot …" is scanned once rather than from every word.
const LOCAL = `(?<![\\w%+'.-])(?<!${DOT})[\\w%+'-]+(?:${DOT}[\\w%+'-]+)*`;
const LABEL = '[a-z0-9-]+';
const DOMAIN_END = '(?![\\w-])';
const COMMON_TLDS = 'com|org|net|uk|ie|eu|info|biz|io|scot|wales|cymru|london|email|gov|nhs|ac|edu';
const EMAIL = new RegExp(`${LOCAL}${STRONG_AT}${LABEL}(?:${DOT}${LABEL})*${DOT}[a-z]{2,}${DOMAIN_END}`, 'gi');
const WORD_AT_EMAIL = new RegExp(`${LOCAL}${WORD_AT}${LABEL}(?:${DOT}${LABEL})*${DOT}(?:${COMMON_TLDS})${DOMAIN_END}`, 'gi');

// --- Numbers --------------------------------------------------------------------------------------

// Up to three spaces, dots, dashes, slashes or brackets between any two digits.
const GAP = '[ \\t.\\-/()]{0,3}';
// A number does not start or end inside a longer one, so dates ("12/03/2024 - 14/03/2024") and
// times ("10.00 12.00") never yield ten digits in a row. A space is allowed on either side so a
// number typed right after a date or before "6 times" is still found.
const NOT_AFTER_DIGITS = '(?<!\\d[.\\-/]?)';
const NOT_BEFORE_DIGITS = '(?![.\\-/]?\\d)';
// UK numbers: 0 then 9 or 10 digits, or +44 / 0044 (with an optional "(0)" or stray 0) then 9 or 10.
const PHONE = new RegExp(
  `${NOT_AFTER_DIGITS}(?:(?:\\+|00)${SPACE}*44[ \\t.\\-/]*(?:\\(?0\\)?[ \\t.\\-/]*)?|\\(?0)(?:${GAP}\\d){9,10}${NOT_BEFORE_DIGITS}`,
  'g',
);
// NHS numbers: any 10 digits, usually written 3-3-4. Runs after PHONE, so a leading 0 reads as a phone.
const NHS_NUMBER = new RegExp(`${NOT_AFTER_DIGITS}\\d(?:${GAP}\\d){9}${NOT_BEFORE_DIGITS}`, 'g');

// Numbers read out in words, as people do on the phone: "oh seven seven double oh nine …".
const DIGIT_WORDS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(['zero', 'oh', 'o', 'nought', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((word) => [word, 1])),
  double: 1, // "double seven" is two digits: one for "double", one for "seven"
  triple: 2,
  treble: 2,
};
const DIGIT_TOKEN = `(?:${Object.keys(DIGIT_WORDS).join('|')}|\\d+)(?![\\p{L}\\p{N}])`;
const SPOKEN_NUMBER = new RegExp(`(?<![\\p{L}\\p{N}])${DIGIT_TOKEN}(?:[ \\t,.\\-]+${DIGIT_TOKEN})+`, 'giu');

function scrubSpokenNumber(run: string): string {
  const tokens = run.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  // Runs of plain digits were already judged by PHONE and NHS_NUMBER; "1, 2, 3" lists are not ours.
  if (!tokens.some((token) => /[a-z]/.test(token))) return run;
  const digits = tokens.reduce((count, token) => count + (DIGIT_WORDS[token] ?? token.length), 0);
  if (digits < 10) return run;
  const startsWithZero = /^(?:0|zero|oh|o|nought)$/.test(tokens[0] ?? '');
  return digits === 10 && !startsWithZero ? MARKERS.nhs : MARKERS.phone;
}

// --- Rules ----------------------------------------------------------------------------------------

const RULES: ReadonlyArray<readonly [RegExp, string | ((match: string) => string)]> = [
  // Links first, so an address inside a URL takes the whole URL with it; "jo@www.…" is an email.
  [/(?<!@)\b(?:https?:\/\/|www\.)[^\s<>"']+/gi, MARKERS.link],
  [EMAIL, MARKERS.email],
  [WORD_AT_EMAIL, MARKERS.email],
  [PHONE, MARKERS.phone],
  [NHS_NUMBER, MARKERS.nhs],
  [SPOKEN_NUMBER, scrubSpokenNumber],
  [/\b[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/gi, MARKERS.ni],
  // UK postcodes, full (SW1A 1AA) and without the space.
  [/\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi, MARKERS.postcode],
];

// --- Names ----------------------------------------------------------------------------------------

// "my name is Jane Smith": the phrase is matched in any case, but only Capitalised words after it
// are taken as a name, so "call me back" and "my name is on the list" survive. "speaking" must
// follow "this is", or "this is Tuesday" would go.
const WORD = "\\p{L}[\\p{L}'-]*";
const INTRODUCED_NAME = new RegExp(
  `(?<![\\p{L}])((?:my name is|i'm called|i am called|call me|this is)${SPACE}+)(${WORD})(?:(${SPACE}+)(?!speaking(?![\\p{L}]))(${WORD}))?(${SPACE}+speaking(?![\\p{L}]))?`,
  'giu',
);
const isCapitalised = (word: string | undefined): word is string => word !== undefined && /^\p{Lu}/u.test(word);

function scrubIntroducedName(match: string, phrase: string, first: string, gap?: string, second?: string, speaking?: string): string {
  const isThisIs = /^this is/i.test(phrase);
  if (!isCapitalised(first)) return match;
  // A lone capital ("I") is not a surname: "call me Jane I said".
  const both = isCapitalised(second) && second.length > 1;
  if (isThisIs) {
    // Only "this is Jane speaking" or "this is Jane Smith speaking".
    if (!speaking) return match;
    if (second !== undefined && !both) return match;
  }
  const rest = both ? '' : `${gap ?? ''}${second ?? ''}`;
  return `${phrase}${MARKERS.name}${rest}${speaking ?? ''}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const letterCount = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

/** Each name as given, and each part of at least three letters ("Jane Smith" → also "Jane", "Smith"). */
function namePattern(names: readonly string[]): RegExp | undefined {
  const variants = new Set<string>();
  for (const raw of names) {
    const name = normalise(raw).trim().replace(/\s+/g, ' ');
    if (letterCount(name) === 0) continue;
    variants.add(name);
    for (const part of name.split(/[\s-]+/)) if (letterCount(part) >= 3) variants.add(part);
  }
  if (variants.size === 0) return undefined;
  // Longest first, so "Jane Smith" becomes one marker rather than two.
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map((variant) => escapeRegExp(variant).replace(/ /g, '\\s+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
}

// Markers already in the text are left whole, so a family called "Link" or "Number" cannot turn
// "[link removed]" into "[[name removed] removed]".
const MARKER_SPLIT = new RegExp(`(${Object.values(MARKERS).map(escapeRegExp).join('|')})`);

function scrubKnownNames(text: string, names: readonly string[]): string {
  const pattern = namePattern(names);
  if (!pattern) return text;
  return text
    .split(MARKER_SPLIT)
    .map((piece, index) => (index % 2 === 1 ? piece : piece.replace(pattern, MARKERS.name)))
    .join('');
}

export function scrubPersonalData(text: string, options: ScrubOptions = {}): string {
  let result = RULES.reduce(
    // The overloads of replace do not accept the union, hence the branch.
    (current, [pattern, marker]) => (typeof marker === 'string' ? current.replace(pattern, marker) : current.replace(pattern, marker)),
    normalise(text),
  );
  result = result.replace(INTRODUCED_NAME, scrubIntroducedName);
  return scrubKnownNames(result, options.names ?? []);
}
