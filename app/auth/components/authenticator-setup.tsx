import { Form, Link } from '@remix-run/react';
import { CsrfInput } from '~/components/csrf-input';
import { TextInput } from '~/components/text-input';
import { WarningText } from '~/components/warning-text';

/**
 * Setting up an authenticator app: the QR code to scan, the key to type instead, and the first
 * code to prove the app has it. Used at sign-in, by staff for themselves and by an administrator.
 */
export function AuthenticatorSetup({
  details,
  error,
  forWhom,
  children,
}: {
  details: { key: string; qrCode: string };
  error?: string;
  /** "your" or the person's name, for the instructions. */
  forWhom?: string;
  children?: React.ReactNode;
}) {
  const whose = forWhom ? `${forWhom}’s` : 'your';
  return (
    <>
      <ol className="govuk-list govuk-list--number">
        <li>Open an authenticator app on {whose} phone, for example Microsoft Authenticator or Google Authenticator.</li>
        <li>Add an account in the app and scan this QR code.</li>
        <li>Enter the 6-digit code the app shows.</li>
      </ol>
      <img src={details.qrCode} alt="QR code to add Family Voice to an authenticator app" width={200} height={200} className="app-qr-code" />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Cannot scan the QR code?</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Choose to enter a key in the app, and type this key (time-based):</p>
          <p className="govuk-body govuk-!-font-weight-bold app-authenticator-key" data-testid="authenticator-key">
            {details.key}
          </p>
        </div>
      </details>
      <Form method="post" noValidate>
        <CsrfInput />
        {children}
        <TextInput
          name="code"
          label="Code from the app"
          hint="The 6 digits the app shows now"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          className="govuk-input--width-10"
          error={error}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" name="intent" value="confirm">
          Confirm
        </button>
      </Form>
    </>
  );
}

/** Recovery codes, shown once: each works once, in place of a code from the app. */
export function RecoveryCodes({ codes, forWhom }: { codes: string[]; forWhom?: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">{forWhom ? `${forWhom}’s recovery codes` : 'Your recovery codes'}</h2>
      <WarningText>
        These codes are shown only once. Keep them somewhere safe, away from the phone. Each one signs in once if the phone is lost.
      </WarningText>
      <ul className="govuk-list app-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The page after a set-up: what happens now, the recovery codes (shown once), and where to go next. */
export function SetUpDone({ title, message, codes, forWhom, next }: { title: string; message: string; codes: string[]; forWhom?: string; next: { to: string; label: string } }) {
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <p className="govuk-body">{message}</p>
      <RecoveryCodes codes={codes} forWhom={forWhom} />
      <Link className="govuk-button" to={next.to}>
        {next.label}
      </Link>
    </>
  );
}
