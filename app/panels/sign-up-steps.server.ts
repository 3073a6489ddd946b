import { z } from 'zod';
import type { FieldError } from '~/components/error-summary';
import type { ParticipantDetails } from '~/identity/participants.server';
import { checkAnswers, type Answers } from '~/surveys/answers';
import { conditionHolds, getSurvey, type SurveyQuestion } from '~/surveys/definitions.server';
import { answersFromForm, fieldNames } from '~/surveys/form-data';
import { formValues, fieldErrors, type FormValues } from '~/utils/form';
import type { Panel } from '#db/research/schema';
import { AGE_CHOICES, AVAILABILITY, type AgeChoice } from './options';

/**
 * Joining a panel, one short page at a time: who you are and how to reach you; a parent or
 * guardian (under-16s joining a young people's panel only); taking part; the optional About-you
 * questions; the agreement; then check your answers. Each page is checked when it is sent, and
 * everything again before anyone is stored.
 */
export const SIGN_UP_STEPS = ['details', 'guardian', 'taking-part', 'about-you', 'agreement'] as const;
export type SignUpStep = (typeof SIGN_UP_STEPS)[number];
export const isSignUpStep = (value: string | undefined): value is SignUpStep => SIGN_UP_STEPS.includes(value as SignUpStep);

/** What a sign-up draft holds: each page's fields as they were sent (About-you as read answers). */
export type SignUpAnswers = Partial<Record<Exclude<SignUpStep, 'about-you'>, FormValues>> & { 'about-you'?: Answers };

/** A UK phone number as people type it (spaces allowed, +44 or 0). */
export const UK_PHONE = /^(?:\+44\s?|0)(?:\d\s?){9,10}$/;
/** Optional free text up to `max` characters; blank becomes null. */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((value) => (value === '' ? null : value));
const text = z.string().default('');

export const detailsSchema = z
  .object({
    fullName: text.pipe(z.string().trim().min(1, 'Enter your name').max(200, 'Name must be 200 characters or fewer')),
    age: z.enum(Object.keys(AGE_CHOICES) as [AgeChoice, ...AgeChoice[]], { errorMap: () => ({ message: 'Select how old you are' }) }),
    email: text.pipe(
      optionalText(254, 'Email address').refine((value) => value === null || z.string().email().safeParse(value).success, {
        message: 'Enter an email address in the correct format, like name@example.com',
      }),
    ),
    phone: text.pipe(
      optionalText(20, 'Phone number').refine((value) => value === null || UK_PHONE.test(value), {
        message: 'Enter a UK phone number, like 07700 900 982 or 01632 960 001',
      }),
    ),
    preferredContact: z.enum(['email', 'phone', 'text'], { errorMap: () => ({ message: 'Select how you would like us to contact you' }) }),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address or a phone number' });
    else if (form.preferredContact === 'email' && !form.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter your email address, or choose another way to contact you' });
    else if (form.preferredContact && form.preferredContact !== 'email' && !form.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter your phone number, or choose another way to contact you' });
  });

const guardianSchema = z.object({
  guardianName: text.pipe(z.string().trim().min(1, 'Enter your parent or guardian’s name').max(200, 'Parent or guardian’s name must be 200 characters or fewer')),
  guardianContact: text.pipe(
    z
      .string()
      .trim()
      .min(1, 'Enter your parent or guardian’s email or phone number')
      .max(254, 'Parent or guardian’s email or phone must be 254 characters or fewer')
      .refine((value) => z.string().email().safeParse(value).success || UK_PHONE.test(value), { message: 'Enter your parent or guardian’s email address or UK phone number' }),
  ),
});

export const takingPartSchema = z.object({
  accessNeeds: text.pipe(optionalText(1000, 'Access needs')),
  caringCommitments: text.pipe(optionalText(1000, 'Childcare and caring')),
  availability: z.array(z.enum(Object.keys(AVAILABILITY) as [keyof typeof AVAILABILITY], { errorMap: () => ({ message: 'Select times from the list' }) })).default([]),
  attendanceMode: z.enum(['in-person', 'online', 'either'], { errorMap: () => ({ message: 'Select how you would like to take part' }) }),
});

const agreementSchema = z.object({
  consentResearch: z.literal('yes', { errorMap: () => ({ message: 'Confirm you agree to take part in the research' }) }),
  consentContact: z.literal('yes', { errorMap: () => ({ message: 'Confirm we can contact you about panel sessions' }) }),
});

const SCHEMAS = { details: detailsSchema, guardian: guardianSchema, 'taking-part': takingPartSchema, agreement: agreementSchema } as const;
const LISTS: Partial<Record<SignUpStep, string[]>> = { 'taking-part': ['availability'] };

/** Census 2021 asked these of people aged 16 and over only; young people's panels take members from 11. */
const ADULT_ONLY_DIMENSIONS = new Set(['sexual_orientation', 'marital_status', 'gender_identity']);

/**
 * The About-you questions, taken from the common question set so the codes are the same. Age is
 * asked once, with the contact details, and follow-up questions (shown by an earlier answer) are
 * left out so the page stays one short page.
 */
export function aboutYouQuestions({ youngPeople = false }: { youngPeople?: boolean } = {}): SurveyQuestion[] {
  const common = getSurvey('common-question-set');
  if (!common) throw new Error('The common question set is missing');
  return common.text.en!.pages
    .filter((page) => page.name.startsWith('about-you'))
    .flatMap((page) => page.questions)
    .filter((question) => !question.visibleIf && question.name !== 'age_band')
    .filter((question) => !youngPeople || !ADULT_ONLY_DIMENSIONS.has(question.dimension ?? ''));
}

const youngPeopleOnly = (panel: Pick<Panel, 'audience'>) => panel.audience === 'young-people';

/** The pages this family goes through, given what they have said so far. */
export function stepsFor(panel: Pick<Panel, 'audience'>, answers: SignUpAnswers): SignUpStep[] {
  const underSixteen = answers.details?.age === 'under-16';
  return SIGN_UP_STEPS.filter((step) => step !== 'guardian' || (youngPeopleOnly(panel) && underSixteen));
}

export type StepResult = { ok: true; values: FormValues | Answers } | { ok: false; errors: FieldError[]; values: FormValues };

/** Reads and checks one page as posted. Fields the page does not have are refused. */
export function readSignUpStep(panel: Pick<Panel, 'audience'>, step: SignUpStep, form: FormData): StepResult {
  if (step === 'about-you') {
    const questions = aboutYouQuestions({ youngPeople: youngPeopleOnly(panel) });
    const { answers, unknownFields } = answersFromForm(questions, form);
    const values = formValues(form, questions.filter((question) => question.type === 'checkbox').map((question) => question.name));
    if (unknownFields.length > 0) return { ok: false, errors: [{ field: questions[0]?.name ?? 'main-content', message: 'The form had fields it should not have. Reload the page and try again.' }], values };
    const checked = checkProfile(panel, answers);
    return checked.ok ? { ok: true, values: checked.answers } : { ok: false, errors: checked.errors, values };
  }
  const schema = SCHEMAS[step];
  const values = formValues(form, LISTS[step]);
  const allowed = new Set([...Object.keys(schema instanceof z.ZodEffects ? schema.innerType().shape : schema.shape), 'csrf']);
  const unknown = Object.keys(values).filter((key) => !allowed.has(key));
  if (unknown.length > 0) return { ok: false, errors: [{ field: Object.keys(values)[0] ?? 'main-content', message: 'The form had fields it should not have. Reload the page and try again.' }], values };
  delete values.csrf;
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values };
  if (step === 'details' && values.age === 'under-16' && !youngPeopleOnly(panel)) {
    // No point asking for a guardian's agreement to a panel they cannot join.
    return { ok: false, errors: [{ field: 'age', message: 'Under-16s can join young people’s panels only. Choose a young people’s panel.' }], values };
  }
  return { ok: true, values };
}

function checkProfile(panel: Pick<Panel, 'audience'>, answers: Answers) {
  const questions = aboutYouQuestions({ youngPeople: youngPeopleOnly(panel) });
  const given = Object.fromEntries(Object.entries(answers).filter(([name, value]) => value !== undefined && questions.some((question) => fieldNames(question).includes(name))));
  return checkAnswers({ title: '', pages: [{ name: 'about-you', title: '', questions }] }, given, { requiredPages: 'all', condition: conditionHolds });
}

export interface SignUpInput {
  details: ParticipantDetails;
  /** The About-you answers, for the research store, with the age band from the details page. */
  profile: Answers;
}

export type CompleteResult = { ok: true; input: SignUpInput } | { ok: false; step: SignUpStep };

/** Every page checked again, in order: the first page that is missing or no longer holds. */
export function completeSignUp(panel: Pick<Panel, 'audience'>, answers: SignUpAnswers): CompleteResult {
  for (const step of stepsFor(panel, answers)) {
    if (answers[step] === undefined) return { ok: false, step };
    if (step === 'about-you') {
      if (!checkProfile(panel, answers[step]!).ok) return { ok: false, step };
      continue;
    }
    const parsed = SCHEMAS[step].safeParse(answers[step]);
    if (!parsed.success) return { ok: false, step };
    if (step === 'details' && answers.details?.age === 'under-16' && !youngPeopleOnly(panel)) return { ok: false, step };
  }
  const details = detailsSchema.parse(answers.details);
  const takingPart = takingPartSchema.parse(answers['taking-part']);
  const guardian = details.age === 'under-16' ? guardianSchema.parse(answers.guardian) : null;
  const age = AGE_CHOICES[details.age];
  const profile = checkProfile(panel, answers['about-you'] ?? {});
  return {
    ok: true,
    input: {
      details: {
        fullName: details.fullName,
        email: details.email?.toLowerCase() ?? null,
        phone: details.phone,
        preferredContact: details.preferredContact,
        ageGroup: age.group,
        accessNeeds: takingPart.accessNeeds,
        caringCommitments: takingPart.caringCommitments,
        availability: takingPart.availability,
        attendanceMode: takingPart.attendanceMode,
        guardianName: guardian?.guardianName ?? null,
        guardianContact: guardian?.guardianContact ?? null,
      },
      profile: { ...(profile.ok ? profile.answers : {}), age_band: age.band },
    },
  };
}
