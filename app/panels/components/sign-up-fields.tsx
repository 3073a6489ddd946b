import { ChoiceFields, TextArea } from '~/components/choice-fields';
import type { FieldError } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';
import type { SurveyQuestion } from '~/surveys/definitions.server';
import { QuestionField } from '~/surveys/components/question-field';
import { AGE_CHOICES, ATTENDANCE_MODES, AVAILABILITY, CONTACT_METHODS } from '../options';

type Values = Record<string, unknown>;

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const one = (values: Values, name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
const many = (values: Values, name: string) => (Array.isArray(values[name]) ? (values[name] as unknown[]).map(String) : typeof values[name] === 'string' ? [values[name] as string] : []);

/** The title of each page of joining a panel, also used on check your answers. */
export const STEP_TITLES = {
  details: 'About you and how to contact you',
  guardian: 'Your parent or guardian',
  'taking-part': 'Taking part',
  'about-you': 'More about you (optional)',
  agreement: 'Your agreement',
} as const;

/** One page's fields for joining a panel; values are what was saved or just typed. */
export function SignUpFields({
  step,
  values,
  errors,
  youngPeople,
  aboutYou,
}: {
  step: keyof typeof STEP_TITLES;
  values: Values;
  errors: FieldError[];
  youngPeople: boolean;
  aboutYou: SurveyQuestion[];
}) {
  const error = (name: string) => errors.find((candidate) => candidate.field === name)?.message;
  switch (step) {
    case 'details':
      return (
        <>
          <TextInput name="fullName" label="Your name" autoComplete="name" defaultValue={one(values, 'fullName')} error={error('fullName')} spellCheck={false} />
          <ChoiceFields
            name="age"
            legend="How old are you?"
            hint={youngPeople ? 'If you are under 16, a parent or guardian needs to agree too.' : 'Under-16s can join young people’s panels.'}
            error={error('age')}
            selected={many(values, 'age')}
            options={Object.entries(AGE_CHOICES).map(([value, choice]) => ({ value, label: choice.label }))}
          />
          <TextInput name="email" label="Email address (optional if you give a phone number)" type="email" autoComplete="email" defaultValue={one(values, 'email')} error={error('email')} spellCheck={false} />
          <TextInput name="phone" label="Phone number (optional if you give an email address)" type="tel" autoComplete="tel" defaultValue={one(values, 'phone')} error={error('phone')} className="govuk-!-width-two-thirds" />
          <ChoiceFields name="preferredContact" legend="How should we contact you?" error={error('preferredContact')} selected={many(values, 'preferredContact')} options={options(CONTACT_METHODS)} />
        </>
      );
    case 'guardian':
      return (
        <>
          <p className="govuk-body">We will send your parent or guardian a message asking them to agree. You join the panel when they do.</p>
          <TextInput name="guardianName" label="Your parent or guardian’s name" defaultValue={one(values, 'guardianName')} error={error('guardianName')} spellCheck={false} />
          <TextInput name="guardianContact" label="Your parent or guardian’s email or phone number" defaultValue={one(values, 'guardianContact')} error={error('guardianContact')} spellCheck={false} />
        </>
      );
    case 'taking-part':
      return (
        <>
          <TextArea name="accessNeeds" label="Do you have any access needs or need any adjustments? (optional)" hint="For example step-free access, a hearing loop, an interpreter, large print, or breaks" defaultValue={one(values, 'accessNeeds')} error={error('accessNeeds')} />
          <TextArea name="caringCommitments" label="Childcare or caring you need to fit around (optional)" hint="For example school pick-up at 3pm, or caring for a parent on Tuesdays" defaultValue={one(values, 'caringCommitments')} error={error('caringCommitments')} />
          <ChoiceFields name="availability" legend="When suits you? (optional)" hint="Select all that apply." multiple error={error('availability')} selected={many(values, 'availability')} options={options(AVAILABILITY)} />
          <ChoiceFields name="attendanceMode" legend="How would you like to take part?" error={error('attendanceMode')} selected={many(values, 'attendanceMode')} options={options(ATTENDANCE_MODES)} />
        </>
      );
    case 'about-you':
      return (
        <>
          <p className="govuk-body">These help us make sure panels include all kinds of families. You can skip any of them, or the whole page.</p>
          {aboutYou.map((question) => (
            <QuestionField key={question.name} question={question} value={values[question.name]} comment={one(values, `${question.name}-Comment`)} errors={errors} />
          ))}
        </>
      );
    case 'agreement':
      return (
        <>
          <p className="govuk-body">
            Your name and contact details are kept separately from your answers, and used only to arrange panel sessions. Read the{' '}
            <a className="govuk-link" href="/privacy">
              privacy notice
            </a>
            .
          </p>
          <ChoiceFields name="consentResearch" legend="Taking part in the research" multiple error={error('consentResearch')} selected={many(values, 'consentResearch')} options={[{ value: 'yes', label: 'I agree that what I say in panel sessions can be used, anonymously, in the research' }]} />
          <ChoiceFields name="consentContact" legend="Being contacted" multiple error={error('consentContact')} selected={many(values, 'consentContact')} options={[{ value: 'yes', label: 'I agree to be contacted about panel sessions. I can stop at any time.' }]} />
        </>
      );
  }
}
