import { AUDIENCE_LABELS, getPanel } from '~/research/panels.server';
import { describeAnswer } from '~/surveys/components/question-field';
import type { Panel } from '#db/research/schema';
import { AGE_CHOICES, ATTENDANCE_MODES, AVAILABILITY, CONTACT_METHODS } from './options';
import { aboutYouQuestions, stepsFor, type SignUpAnswers, type SignUpStep } from './sign-up-steps.server';

/** The panel a join page is for, or the GOV.UK 404. */
export async function requireJoinablePanel(panelId: string | undefined): Promise<Panel> {
  const panel = panelId ? await getPanel(panelId) : undefined;
  if (!panel) throw new Response('Not found', { status: 404 });
  return panel;
}

/** What every join page shows of its panel. */
export function panelHeading(panel: Panel) {
  return {
    id: panel.id,
    name: panel.name,
    audience: AUDIENCE_LABELS[panel.audience as keyof typeof AUDIENCE_LABELS] ?? panel.audience,
    youngPeople: panel.audience === 'young-people',
  };
}

/** The first page still to answer, or null when every page has been answered. */
export function firstUnanswered(panel: Panel, answers: SignUpAnswers): SignUpStep | null {
  return stepsFor(panel, answers).find((step) => answers[step] === undefined) ?? null;
}

/** Where a page leads: the next page in order, or, when changing an answer, back to check your answers unless a new page opened. */
export function afterStep(panel: Panel, answers: SignUpAnswers, step: SignUpStep, changing: boolean): string {
  const base = `/panels/${panel.id}/join`;
  if (changing) {
    const missing = firstUnanswered(panel, answers);
    return missing ? `${base}/${missing}?change=1` : `${base}/check`;
  }
  const steps = stepsFor(panel, answers);
  const next = steps[steps.indexOf(step) + 1];
  return next ? `${base}/${next}` : `${base}/check`;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

export interface CheckRow {
  key: string;
  value: string;
}

/** Check your answers, page by page, in plain words. */
export function checkSections(panel: Panel, answers: SignUpAnswers): { step: SignUpStep; rows: CheckRow[] }[] {
  const details = answers.details ?? {};
  const guardian = answers.guardian ?? {};
  const takingPart = answers['taking-part'] ?? {};
  const aboutYou = answers['about-you'] ?? {};
  const rowsFor: Record<SignUpStep, () => CheckRow[]> = {
    details: () => [
      { key: 'Name', value: text(details.fullName) ?? '' },
      { key: 'Age', value: AGE_CHOICES[details.age as keyof typeof AGE_CHOICES]?.label ?? '' },
      { key: 'Email address', value: text(details.email) ?? 'Not given' },
      { key: 'Phone number', value: text(details.phone) ?? 'Not given' },
      { key: 'How we contact you', value: CONTACT_METHODS[details.preferredContact as keyof typeof CONTACT_METHODS] ?? '' },
    ],
    guardian: () => [
      { key: 'Parent or guardian', value: text(guardian.guardianName) ?? '' },
      { key: 'Their email or phone', value: text(guardian.guardianContact) ?? '' },
    ],
    'taking-part': () => [
      { key: 'Access needs', value: text(takingPart.accessNeeds) ?? 'None given' },
      { key: 'Childcare or caring', value: text(takingPart.caringCommitments) ?? 'None given' },
      { key: 'When suits you', value: list(takingPart.availability).map((key) => AVAILABILITY[key as keyof typeof AVAILABILITY] ?? key).join(', ') || 'Not given' },
      { key: 'How you would like to take part', value: ATTENDANCE_MODES[takingPart.attendanceMode as keyof typeof ATTENDANCE_MODES] ?? '' },
    ],
    'about-you': () =>
      aboutYouQuestions({ youngPeople: panel.audience === 'young-people' }).map((question) => ({
        key: question.title,
        value: aboutYou[question.name] === undefined ? 'Not answered' : describeAnswer(question, aboutYou[question.name], aboutYou[`${question.name}-Comment`]),
      })),
    agreement: () => [
      { key: 'Taking part in the research', value: 'You agree that what you say can be used, anonymously' },
      { key: 'Being contacted', value: 'You agree to be contacted about panel sessions' },
    ],
  };
  return stepsFor(panel, answers).map((step) => ({ step, rows: rowsFor[step]() }));
}
