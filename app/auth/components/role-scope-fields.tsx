import { ChoiceFields } from '~/components/choice-fields';
import { SelectField } from '~/components/select-field';
import type { FieldError } from '~/components/error-summary';
import type { ScopeOptions } from '../scope-options.server';

type Values = { role?: string; regionCodes?: string[]; programmeCodes?: string[]; laCode?: string | null };

/** Role, then the scope each role needs: regions (facilitators), programmes (leads), an LA (officers). */
export function RoleScopeFields({ options, values, errors }: { options: ScopeOptions; values: Values; errors: FieldError[] }) {
  const error = (field: string) => errors.find((candidate) => candidate.field === field)?.message;
  return (
    <>
      <ChoiceFields name="role" legend="Role" options={options.roles} selected={values.role ? [values.role] : []} error={error('role')} />
      <ChoiceFields
        name="regionCodes"
        legend="Regions (facilitators only)"
        hint="The regions whose panels and sessions they run. Select all that apply."
        options={options.regions}
        multiple
        selected={values.regionCodes ?? []}
        error={error('regionCodes')}
      />
      <ChoiceFields
        name="programmeCodes"
        legend="Programmes (programme leads only)"
        hint="The programmes whose findings they read. Select all that apply."
        options={options.programmes}
        multiple
        selected={values.programmeCodes ?? []}
        error={error('programmeCodes')}
      />
      <SelectField
        name="laCode"
        label="Local authority (local authority officers only)"
        options={[{ value: '', label: 'Not a local authority officer' }, ...options.las]}
        defaultValue={values.laCode ?? ''}
        error={error('laCode')}
      />
    </>
  );
}
