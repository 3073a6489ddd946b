import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { z } from 'zod';
import { requireCsrf } from '~/auth/csrf.server';
import { requireRole } from '~/auth/guards.server';
import { ChoiceFields } from '~/components/choice-fields';
import { CsrfInput } from '~/components/csrf-input';
import { ErrorSummary } from '~/components/error-summary';
import { SuccessBanner } from '~/components/success-banner';
import { TextArea } from '~/components/text-area';
import { TextInput } from '~/components/text-input';
import { listExports, requestExport } from '~/governance/export-jobs.server';
import { disposalFormSchema, disposeFromPage } from '~/governance/web-disposal.server';
import { formatLondon } from '~/scheduling/notice';
import { parseForm } from '~/utils/form';
import { formState } from '~/utils/form-state';
import { WarningText } from '~/components/warning-text';

export const meta: MetaFunction = () => [{ title: 'Data export and disposal – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'administrator');
  return {
    exports: listExports().map((listing) => ({ id: listing.id, when: formatLondon(listing.createdAt), state: listing.state, message: listing.message ?? null, size: `${(listing.bytes / 1_048_576).toFixed(1)} MB` })),
  };
}

const exportSchema = z
  .object({
    passphrase: z.string().min(1, 'Enter a passphrase to encrypt the identity archive').min(12, 'The passphrase must be at least 12 characters').max(1000, 'The passphrase must be 1,000 characters or fewer'),
    passphraseAgain: z.string(),
  })
  .refine((form) => form.passphrase === form.passphraseAgain, { path: ['passphraseAgain'], message: 'The passphrases do not match' });

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'administrator');
  const form = await request.formData();
  await requireCsrf(request, form);
  if (form.get('intent') === 'dispose') {
    const parsed = parseForm(disposalFormSchema, form);
    if (!parsed.ok) return data({ done: null, certificate: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
    const result = await disposeFromPage({ form: parsed.data, by: admin });
    if (!result.ok) return data({ done: null, certificate: null, errors: [{ field: result.field, message: result.message }], values: parsed.data }, { status: 400 });
    return { done: null, certificate: { json: JSON.stringify(result.certificate, null, 2), file: result.file, verifiedEmpty: result.certificate.verifiedEmpty }, errors: [], values: undefined };
  }
  // Passphrases are never sent back to the page, even when something else is wrong.
  const parsed = parseForm(exportSchema, form);
  if (!parsed.ok) return data({ done: null, certificate: null, errors: parsed.errors, values: undefined }, { status: 400 });
  const result = await requestExport({ by: admin.id, passphrase: parsed.data.passphrase });
  if (!result.ok) return data({ done: null, certificate: null, errors: [{ field: 'passphrase', message: result.message }], values: undefined }, { status: 400 });
  return { done: 'The export has been queued. Refresh this page in a minute to download it.', certificate: null, errors: [], values: undefined };
}

export default function DataExportAndDisposal() {
  const { exports } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, errorFor, text } = formState(result ?? undefined);
  if (result?.certificate) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{result.certificate.verifiedEmpty ? 'The data have been disposed of' : 'Disposal did not empty everything'}</h1>
          <p className="govuk-body">The disposal certificate is below and was saved on the server as {result.certificate.file}. Your account went with the identity store: you are signed out.</p>
          <a className="govuk-button" download="disposal-certificate.json" href={`data:application/json;charset=utf-8,${encodeURIComponent(result.certificate.json)}`}>
            Download the disposal certificate
          </a>
          <pre className="app-certificate" tabIndex={0} aria-label="Disposal certificate">
            {result.certificate.json}
          </pre>
        </div>
      </div>
    );
  }
  const ready = exports.filter((listing) => listing.state === 'ready');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {result?.done ? <SuccessBanner message={result.done} /> : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Data export and disposal</h1>
        <p className="govuk-body">At the end of the contract (specification 15.3), everything goes to the Authority and is then destroyed.</p>

        <h2 className="govuk-heading-m">Export to the Authority</h2>
        <p className="govuk-body">
          Every research table as CSV and JSON Lines with a data dictionary, the identity store encrypted with your passphrase (AES-256-GCM), and a manifest of checksums. Give the Authority the
          passphrase separately, not with the file.
        </p>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="export" />
          <TextInput name="passphrase" label="Passphrase for the identity archive" hint="At least 12 characters. It is not kept anywhere: if it is lost, the identity archive cannot be opened." type="password" autoComplete="new-password" error={errorFor('passphrase')} />
          <TextInput name="passphraseAgain" label="Type the passphrase again" type="password" autoComplete="new-password" error={errorFor('passphraseAgain')} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Start the export
          </button>
        </Form>

        <h3 className="govuk-heading-s">Exports</h3>
        {exports.length === 0 ? (
          <p className="govuk-body">None yet.</p>
        ) : (
          <ul className="govuk-list">
            {exports.map((listing) => (
              <li key={listing.id}>
                {listing.state === 'ready' ? (
                  <a className="govuk-link" href={`/staff/data/exports/${listing.id}.zip`} download>
                    Download the export of {listing.when} ({listing.size}, zip)
                  </a>
                ) : listing.state === 'writing' ? (
                  `The export of ${listing.when} is being written.`
                ) : (
                  `The export of ${listing.when} did not finish: ${listing.message}`
                )}
              </li>
            ))}
          </ul>
        )}

        <h2 className="govuk-heading-m">Secure disposal</h2>
        <WarningText>
          This deletes every name, contact detail, account and the audit trail, and cannot be undone. Everyone is signed out, you included, and no one can sign in afterwards.
        </WarningText>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="dispose" />
          {ready.length > 0 ? (
            <ChoiceFields
              name="exportId"
              legend="The export made for the Authority"
              hint="It is checked against the stores first: if anything has changed since, nothing is deleted."
              options={ready.map((listing) => ({ value: listing.id, label: `The export of ${listing.when}` }))}
              selected={[text('exportId')]}
              error={errorFor('exportId')}
            />
          ) : (
            <p className="govuk-body" id="exportId">
              There is no finished export. Make one first, or give the reason for disposing without one.
            </p>
          )}
          <TextArea name="forceReason" label="Or, the reason for disposing without a verified export" hint="It is written on the disposal certificate." defaultValue={text('forceReason')} error={errorFor('forceReason')} />
          <ChoiceFields name="research" legend="The research store" multiple options={[{ value: 'yes', label: 'Dispose of the research data too (public reference data stay)' }]} selected={[text('research')]} />
          <TextInput name="confirm" label="Type DISPOSE to confirm" autoComplete="off" spellCheck={false} className="govuk-input--width-10" error={errorFor('confirm')} />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Dispose of the data
          </button>
        </Form>
      </div>
    </div>
  );
}
