import { Form } from '@remix-run/react';
import { ChoiceFields } from '~/components/choice-fields';
import { describedBy, LabelledField } from '~/components/field-parts';
import { CsrfInput } from '~/components/csrf-input';
import type { FieldError } from '~/components/error-summary';
import { TextInput } from '~/components/text-input';

export interface PanelFormValues {
  name?: string;
  level?: string;
  regionCode?: string | null;
  laCode?: string | null;
  programmeCodes?: string[];
  audience?: string;
  focus?: string | null;
  recruitmentTarget?: number | string;
  existingGroup?: boolean;
  meets?: string | null;
  format?: string | null;
  thanks?: string | null;
}

interface Option {
  code: string;
  name: string;
}

const AUDIENCES = [
  { value: 'parents-carers', label: 'Parents and carers' },
  { value: 'young-people', label: 'Young people (11 to 25)' },
  { value: 'expectant-under-2s', label: 'Expectant parents and parents of children under 2' },
];

function Select({ name, label, options, value, error, hint }: { name: string; label: string; options: Option[]; value?: string | null; error?: string; hint?: string }) {
  return (
    <LabelledField name={name} label={label} hint={hint} error={error}>
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={name} name={name} defaultValue={value ?? ''} aria-describedby={describedBy(name, { hint, error })}>
        <option value="">Choose</option>
        {options.map((option) => (
          <option key={option.code} value={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** Create and edit a panel: the same fields, the same server checks. */
export function PanelForm({
  values = {},
  errors,
  regions,
  localAuthorities,
  programmes,
  canMakeNational,
  submitLabel,
}: {
  values?: PanelFormValues;
  errors: FieldError[];
  regions: Option[];
  localAuthorities: Option[];
  programmes: Option[];
  canMakeNational: boolean;
  submitLabel: string;
}) {
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  return (
    <Form method="post" noValidate>
      <CsrfInput />
      <TextInput name="name" label="Panel name" defaultValue={values.name} error={error('name')} />
      <ChoiceFields
        name="level"
        legend="Level"
        error={error('level')}
        selected={values.level ? [values.level] : []}
        options={[
          { value: 'local', label: 'Local (one local authority)' },
          { value: 'regional', label: 'Regional' },
          ...(canMakeNational ? [{ value: 'national', label: 'National' }] : []),
        ]}
      />
      <Select name="laCode" label="Local authority (for a local panel)" options={localAuthorities} value={values.laCode} error={error('laCode')} />
      <Select name="regionCode" label="Region (for a regional panel)" options={regions} value={values.regionCode} error={error('regionCode')} />
      <ChoiceFields
        name="programmeCodes"
        legend="Programmes"
        hint="Select all that apply."
        multiple
        error={error('programmeCodes')}
        selected={values.programmeCodes ?? []}
        options={programmes.map((programme) => ({ value: programme.code, label: programme.name }))}
      />
      <ChoiceFields name="audience" legend="Who is it for?" error={error('audience')} selected={values.audience ? [values.audience] : []} options={AUDIENCES} />
      <TextInput name="focus" label="Focus (optional)" hint="For a focus group, for example fathers, or parents of disabled children" defaultValue={values.focus ?? ''} error={error('focus')} />
      <TextInput
        name="recruitmentTarget"
        label="Recruitment target"
        hint="How many people you aim to have in the panel"
        inputMode="numeric"
        defaultValue={values.recruitmentTarget === undefined ? '' : String(values.recruitmentTarget)}
        error={error('recruitmentTarget')}
        className="govuk-input--width-4"
      />
      <ChoiceFields
        name="existingGroup"
        legend="Existing group"
        multiple
        selected={values.existingGroup ? ['yes'] : []}
        options={[{ value: 'yes', label: 'This is an existing group the project works with, such as a local Parent and Carer Panel' }]}
      />
      <h2 className="govuk-heading-m">What families see before joining</h2>
      <TextInput name="meets" label="How often it meets (optional)" hint="For example, every 3 months, for 90 minutes" defaultValue={values.meets ?? ''} error={error('meets')} />
      <ChoiceFields
        name="format"
        legend="Where it meets (optional)"
        error={error('format')}
        selected={values.format ? [values.format] : []}
        options={[
          { value: 'in-person', label: 'In person' },
          { value: 'online', label: 'Online' },
          { value: 'mixed', label: 'Some sessions in person, some online' },
        ]}
      />
      <TextInput name="thanks" label="Expenses and thanks (optional)" hint="For example, travel and childcare paid, and a £25 voucher for each session" defaultValue={values.thanks ?? ''} error={error('thanks')} />
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {submitLabel}
      </button>
    </Form>
  );
}
