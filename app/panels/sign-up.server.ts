import { z } from 'zod';
import { pseudonymFor } from '~/identity/pseudonym.server';
import { confirmSignUp, createConfirmation, dropGuardianRequest, expiredConfirmations, findConfirmation, hasActiveMembership } from '~/identity/confirmations.server';
import { queueMessage, queueForMember } from '~/identity/messages.server';
import { createParticipant, findParticipantByEmail, undoSignUp, type ParticipantDetails } from '~/identity/participants.server';
import { recordAudit } from '~/governance/audit.server';
import { publicUrl } from '~/utils/public-url.server';
import { withdrawParticipant } from './withdraw.server';
import { getPanel, recordPanelMember, recordPanelMembership } from '~/research/panels.server';
import { inviteToComingSessions } from '~/scheduling/late-joiners.server';
import { checkAnswers, type AnswerError } from '~/surveys/answers';
import { conditionHolds, getSurvey, type SurveyQuestion } from '~/surveys/definitions.server';
import { answersFromForm, fieldNames } from '~/surveys/form-data';
import { scrubQuestionAnswers } from '~/surveys/scrub-answers';
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
    guardianContact: optional(254, 'Parent or guardian’s email or phone').refine((value) => value === null || z.string().email().safeParse(value).success || UK_PHONE.test(value), {
      message: 'Enter your parent or guardian’s email address or UK phone number',
    }),
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
    }
  });

/**
 * The About-you questions, taken from the common question set so the codes are the same. Follow-up
 * questions (shown by an earlier answer) are left out: the sign-up form is one page.
 */
export function aboutYouQuestions({ youngPeople = false }: { youngPeople?: boolean } = {}): SurveyQuestion[] {
  const common = getSurvey('common-question-set');
  if (!common) throw new Error('The common question set is missing');
  return common.text.en!.pages
    .filter((page) => page.name.startsWith('about-you'))
    .flatMap((page) => page.questions)
    .filter((question) => !question.visibleIf)
    .filter((question) => !youngPeople || !ADULT_ONLY_DIMENSIONS.has(question.dimension ?? ''));
}

/** Census 2021 asked these of people aged 16 and over only; young people's panels take members from 11. */
const ADULT_ONLY_DIMENSIONS = new Set(['sexual_orientation', 'marital_status', 'gender_identity']);

/** The same answer whoever signed up, so the page never tells a stranger whether an email is known. */
export type SignUpResult = { ok: true } | { ok: false; errors: AnswerError[] };

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
  const questions = aboutYouQuestions({ youngPeople: panel.audience === 'young-people' });
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

  const { consentResearch: _r, consentContact: _c, ...rest } = parsed.data;
  const details: ParticipantDetails = {
    ...rest,
    email: rest.email?.toLowerCase() ?? null,
    guardianName: rest.ageGroup === 'under-16' ? rest.guardianName : null,
    guardianContact: rest.ageGroup === 'under-16' ? rest.guardianContact : null,
  };

  const existing = details.email ? await findParticipantByEmail(details.email) : undefined;
  if (existing) {
    // Nothing about them changes here: whoever typed their email may not be them. They are asked,
    // through the contact we already hold, whether they want to join this panel too.
    const token = await createConfirmation({ kind: 'existing-member', participantId: existing.id, panelId: panel.id });
    await recordAudit({ who: 'anonymous', what: 'participants.sign-up-known-email', subjectId: existing.id, subjectType: 'participant', correlationId, details: { panelId: panel.id } });
    await queueForMember(existing, {
      subject: `Do you want to join ${panel.name}?`,
      text: `Hello ${existing.fullName},\n\nSomeone asked to join "${panel.name}" with your email address. If it was you, confirm here:\n${publicUrl(`/panels/confirm/${token}`)}\n\nYour details stay as they are. To change them, use the personal link in any invitation we have sent you.\n\nIf it was not you, you do not need to do anything.\n\nFamily Voice`,
    });
    return { ok: true };
  }

  const participant = await createParticipant({ details, panelId: panel.id, correlationId });
  const la = typeof profile.answers.la === 'string' && /^E\d{8}$/.test(profile.answers.la) ? profile.answers.la : null;
  try {
    const awaitingGuardian = details.ageGroup === 'under-16';
    await recordPanelMember({ pseudonym: pseudonymFor(participant.id), panelId: panel.id, profile: scrubQuestionAnswers(questions, profile.answers, { names: [details.fullName, details.guardianName ?? ''] }),
      laCode: la,
      joinsNow: !awaitingGuardian,
    });
  } catch (error) {
    await undoSignUp({ participantId: participant.id });
    throw error;
  }
  if (details.ageGroup === 'under-16' && details.guardianContact) {
    // The young person's own tick is not a parent's agreement: the guardian says yes through their own contact.
    const token = await createConfirmation({ kind: 'guardian', participantId: participant.id, panelId: panel.id });
    const byEmail = details.guardianContact.includes('@');
    await queueMessage({
      channel: byEmail ? 'email' : 'text',
      to: details.guardianContact,
      participantId: participant.id,
      subject: `Can ${details.fullName} join a Family Voice panel?`,
      text: `Hello ${details.guardianName ?? ''},\n\n${details.fullName} would like to join "${panel.name}", a young people’s panel of the Family Voice project, and gave your details as their parent or guardian. They can only join if you agree. Read about the panel and answer here:\n${publicUrl(`/panels/confirm/${token}`)}\n\nIf we do not hear from you within 7 days, their details will be deleted.\n\nFamily Voice`,
    });
    return { ok: true };
  }
  await inviteToComingSessions({ panel, participantId: participant.id });
  return { ok: true };
}

export type ConfirmationPage = { kind: 'existing-member' | 'guardian'; panelName: string; personName: string } | undefined;

/** What a confirmation link asks, for its page; undefined when it is used, expired or unknown. */
export async function describeConfirmation(token: string): Promise<ConfirmationPage> {
  const found = await findConfirmation(token);
  const panel = found ? await getPanel(found.panelId) : undefined;
  if (!found || !panel) return undefined;
  return { kind: found.kind, panelName: panel.name, personName: found.participant.fullName };
}

/**
 * Answers a confirmation link. Yes: the member joins (and is invited to coming sessions that still
 * give 4 weeks' notice). A guardian's no: the young person's details and answers are deleted.
 */
export async function answerConfirmation({ token, agree, correlationId }: { token: string; agree: boolean; correlationId?: string }): Promise<'joined' | 'declined' | 'not-found'> {
  if (!agree) {
    const found = await findConfirmation(token);
    if (!found) return 'not-found';
    if (found.kind === 'guardian') await withdrawParticipant({ participantId: found.participant.id, deleteAnswers: true });
    return 'declined';
  }
  const confirmed = await confirmSignUp({ token, correlationId });
  const panel = confirmed ? await getPanel(confirmed.panelId) : undefined;
  if (!confirmed || !panel) return 'not-found';
  // Counted on the panel only now: an existing member saying yes, or a guardian agreeing.
  await recordPanelMembership({ pseudonym: pseudonymFor(confirmed.participant.id), panelId: panel.id });
  await inviteToComingSessions({ panel, participantId: confirmed.participant.id });
  return 'joined';
}

/**
 * Seven days on, a guardian who never answered is taken as a no: a young person who joined only that
 * panel is deleted from both stores, as if the guardian had said no; one who belongs to other panels
 * loses only the waiting membership. Returns how many requests were closed.
 */
export async function removeUnansweredGuardianRequests(now = new Date()): Promise<number> {
  const expired = await expiredConfirmations(now);
  for (const request of expired) {
    if (await hasActiveMembership(request.participantId)) await dropGuardianRequest(request);
    // Deleting the person deletes the request with them.
    else await withdrawParticipant({ participantId: request.participantId, deleteAnswers: true });
  }
  return expired.length;
}
