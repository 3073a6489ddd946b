import type { SurveyPage, SurveyQuestion } from './definitions.server';

/** `{question} = 'value'` (or a number): a follow-up that belongs to one answer of one question. */
const ONE_ANSWER = /^\s*\{([A-Za-z0-9_-]+)\}\s*=\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false))\s*$/;
/** Follow-ups simple enough to sit inside a radio's reveal. */
const REVEALABLE = new Set(['radiogroup', 'checkbox', 'dropdown', 'text', 'comment', 'rating', 'boolean']);

export interface Reveal {
  parent: string;
  value: string;
}

/**
 * Follow-up questions drawn inside the answer they belong to, as GOV.UK conditional reveals: a
 * question shown only when one earlier radio (or yes/no) question on the same page has one answer. Without
 * scripts the reveal stays open, and what is stored is decided by the branching as always.
 * Anything more involved (several conditions, a follow-up of a follow-up) is shown on the next
 * load of the page instead.
 */
export function revealsOn(page: SurveyPage): Map<string, Reveal> {
  const reveals = new Map<string, Reveal>();
  const seen = new Map<string, SurveyQuestion>();
  for (const question of page.questions) {
    const match = question.visibleIf ? ONE_ANSWER.exec(question.visibleIf) : null;
    const parent = match ? seen.get(match[1]!) : undefined;
    const value = match ? (match[2] ?? match[3] ?? match[4])! : '';
    if (
      parent &&
      !parent.visibleIf &&
      REVEALABLE.has(question.type) &&
      ((parent.type === 'radiogroup' && parent.choices.some((choice) => String(choice.value) === value)) || (parent.type === 'boolean' && (value === 'true' || value === 'false')))
    ) {
      reveals.set(question.name, { parent: parent.name, value });
    }
    seen.set(question.name, question);
  }
  // One level only: a follow-up that reveals more is not itself drawn inside a reveal.
  for (const [name] of reveals) if ([...reveals.values()].some((reveal) => reveal.parent === name)) reveals.delete(name);
  return reveals;
}
