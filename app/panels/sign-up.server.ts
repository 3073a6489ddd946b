import { z } from 'zod';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { undoSignUp, upsertParticipant, type ParticipantDetails } from '~/identity/participants.server';
import { recordPanelMember } from '~/research/panels.server';
import { inviteToComingSessions } from '~/scheduling/late-joiners.server';
import { checkAnswers, type AnswerError } from '~/surveys/answers';
import { conditionHolds, getSurvey, type SurveyQuestion } from '~/surveys/definitions.server';
import { answersFromForm, fieldNames } from '~/surveys/form-data';
import type { Panel } from '#db/research/schema';
import { AVAILABILITY } from './options';


const UK_PHONE = /^(?:\+44\s?|0)(?:\d\s?){9,10}$/;
const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((value) => (value === '' ? null : value));

const signUpSchema = z
  .object({
    fullName: z.string().trim().min(1, 'Enter your name').max(200, 'Name must be 200 characters or fewer'),
    email: optional(254, 'Email address').refine((value) => value === null || z.string().email().safeParse(value).success, {
      message: 'Enter an email address in the correct format, like name@example.com',
    }),
    phone: optional(20, 'Phone number').refine((value) => value === null || UK_PHONE.test(value), {
      message: 'Enter a UK phone number, like 07700 900 982 or 01632 960 001',
    }),
    preferredContact: z.enum(['email', 'phone', 'text'], { errorMap: () => ({ message: 'Select how you would like us to contact you' }) }),
    ageGroup: z.enum(['under-16', '16-17', '18-plus'], { errorMap: () => ({ message: 'Select your age' }) }),
    guardianName: optional(200, 'Parent or guardian’s name'),
    guardianContact: optional(254, 'Parent or guardian’s email or phone'),
    guardianConsent: z.literal('yes').optional(),
    accessNeeds: optional(1000, 'Access needs'),
    caringCommitments: optional(1000, 'Childcare and caring'),
    availability: z.array(z.enum(Object.keys(AVAILABILITY) as [keyof typeof AVAILABILITY])).default([]),
    attendanceMode: z.enum(['in-person', 'online', 'either'], { errorMap: () => ({ message: 'Select how you would like to take part' }) }),
    consentResearch: z.literal('yes', { errorMap: () => ({ message: 'Confirm you agree to take part in the research' }) }),
    consentContact: z.literal('yes', { errorMap: () => ({ message: 'Confirm we can contact you about panel sessions' }) }),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter an email address or a phone number' });
    if (form.preferredContact === 'email' && !form.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter your email address, or choose another way to contact you' });
    if (form.preferredContact !== 'email' && !form.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter your phone number, or choose another way to contact you' });
    if (form.ageGroup === 'under-16') {
      if (!form.guardianName) ctx.addIssue({ code: 'custom', path: ['guardianName'], message: 'Enter your parent or guardian’s name' });
      if (!form.guardianContact) ctx.addIssue({ code: 'custom', path: ['guardianContact'], message: 'Enter your parent or guardian’s email or phone number' });
      if (!form.guardianConsent) ctx.addIssue({ code: 'custom', path: ['guardianConsent'], message: 'Your parent or guardian needs to agree before you can join' });
    }
  });

/**
 * The About-you questions, taken from the common question set so the codes are the same. Follow-up
 * questions (shown by an earlier answer) are left out: the sign-up form is one page.
 */
export function aboutYouQuestions(): SurveyQuestion[] {
  const common = getSurvey('common-question-set');
  if (!common) throw new Error('The common question set is missing');
  return common.text.en!.pages
    .filter((page) => page.name.startsWith('about-you'))
    .flatMap((page) => page.questions)
    .filter((question) => !question.visibleIf);
}

export type SignUpResult = { ok: true; existing: boolean; invitedTo: number } | { ok: false; errors: AnswerError[] };

/**
 * Signs someone up to a panel: contact details and consent to the identity store, the About-you
 * profile to the research store under their pseudonym. If the second write fails the first is undone.
 * Then they are invited to the panel's sessions that still give 4 weeks' notice.
 */
export async function signUpToPanel({
  panel,
  form,
  correlationId,
}: {
  panel: Panel;
  form: FormData;
  correlationId?: string;
}): Promise<SignUpResult> {
  const questions = aboutYouQuestions();
  const PROFILE_FIELDS = new Set(questions.flatMap(fieldNames));
  const unknown = [...new Set(form.keys())].filter((key) => !PROFILE_FIELDS.has(key) && key !== 'csrf' && !(key in signUpSchema.innerType().shape));
  if (unknown.length > 0) return { ok: false, errors: [{ field: 'fullName', message: 'The form had fields it should not have. Reload the page and try again.' }] };
  // Absent text fields read as empty (optional ones then become null); choices stay absent.
  const text = (key: string) => (typeof form.get(key) === 'string' ? String(form.get(key)) : '');
  const choice = (key: string) => (typeof form.get(key) === 'string' ? String(form.get(key)) : undefined);
  const parsed = signUpSchema.safeParse({
    fullName: text('fullName'),
    email: text('email'),
    phone: text('phone'),
    preferredContact: choice('preferredContact'),
    ageGroup: choice('ageGroup'),
    guardianName: text('guardianName'),
    guardianContact: text('guardianContact'),
    guardianConsent: choice('guardianConsent'),
    accessNeeds: text('accessNeeds'),
    caringCommitments: text('caringCommitments'),
    availability: form.getAll('availability'),
    attendanceMode: choice('attendanceMode'),
    consentResearch: choice('consentResearch'),
    consentContact: choice('consentContact'),
  });
  let errors: AnswerError[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'fullName'), message: issue.message }));
  if (choice('ageGroup') === 'under-16' && panel.audience !== 'young-people') {
    // No point asking for a guardian's agreement to a panel they cannot join.
    errors = [
      { field: 'ageGroup', message: 'Under-16s can join young people’s panels only. Choose a young people’s panel.' },
      ...errors.filter((error) => !error.field.startsWith('guardian')),
    ];
  }

  const profileForm = new FormData();
  for (const [key, value] of form.entries()) if (PROFILE_FIELDS.has(key)) profileForm.append(key, value);
  const { answers } = answersFromForm(questions, profileForm);
  const profile = checkAnswers({ title: '', pages: [{ name: 'about-you', title: '', questions }] }, Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)), {
    requiredPages: 'all',
    condition: conditionHolds,
  });
  if (!profile.ok) errors.push(...profile.errors);
  if (!parsed.success || !profile.ok || errors.length > 0) return { ok: false, errors };

  const { consentResearch: _r, consentContact: _c, guardianConsent, ...rest } = parsed.data;
  const details: ParticipantDetails = {
    ...rest,
    email: rest.email?.toLowerCase() ?? null,
    guardianName: rest.ageGroup === 'under-16' ? rest.guardianName : null,
    guardianContact: rest.ageGroup === 'under-16' ? rest.guardianContact : null,
  };
  const signed = await upsertParticipant({ details, panelId: panel.id, guardianConsent: guardianConsent === 'yes', correlationId });
  const la = typeof profile.answers.la === 'string' && /^E\d{8}$/.test(profile.answers.la) ? profile.answers.la : null;
  try {
    await recordPanelMember({ pseudonym: pseudonymFor(signed.participant.id), panelId: panel.id, profile: profile.answers, laCode: la });
  } catch (error) {
    if (signed.newMembership || !signed.existing) await undoSignUp({ participantId: signed.participant.id, panelId: panel.id, existing: signed.existing });
    throw error;
  }
  const invitedTo = await inviteToComingSessions({ panel, participantId: signed.participant.id });
  return { ok: true, existing: signed.existing, invitedTo };
}
