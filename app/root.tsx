import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { AuthenticityTokenProvider } from 'remix-utils/csrf/react';
import { Layout as PageLayout } from '~/components/layout';
import { ROLE_LABELS } from '~/auth/roles';
import stylesUrl from '~/styles/generated/main.css';
import { useNonce } from '~/utils/nonce';
import { getCurrentUser } from '~/auth/guards.server';
import { commitCsrfToken } from '~/auth/csrf.server';
import { getEnv } from '~/env.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export const meta: MetaFunction = ({ error }) => {
  if (!error) return [{ title: 'Family Voice' }];
  return [{ title: `${errorPageFor(error).title} – Family Voice` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [current, [csrfToken, csrfCookie]] = await Promise.all([getCurrentUser(request), commitCsrfToken(request)]);
  const user =
    current.state === 'signed-in'
      ? { displayName: current.user.displayName, roleLabel: ROLE_LABELS[current.user.role] }
      : null;
  return data(
    { user, csrfToken, isProduction: process.env.NODE_ENV === 'production', contact: { email: getEnv().CONTACT_EMAIL, phone: getEnv().CONTACT_PHONE ?? null } },
    { headers: csrfCookie ? { 'Set-Cookie': csrfCookie } : undefined },
  );
}

/**
 * Pages whose route says `handle = { hydrate: false }` (the family survey) are sent as plain HTML
 * with no React on the client: light on a cheap phone, and the forms work the same either way.
 */
function useHydrate(): boolean {
  return !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const hydrate = useHydrate();
  return (
    <html lang="en" className="govuk-template govuk-template--rebranded">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d70b8" />
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body" suppressHydrationWarning>
        <script
          nonce={nonce}
          dangerouslySetInnerHTML={{
            __html:
              "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');",
          }}
        />
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
        <script type="module" src="/js/govuk-init.js" nonce={nonce} />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return <Document>{children}</Document>;
}

export default function App() {
  const loaderData = useRouteLoaderData<typeof loader>('root');
  return (
    <AuthenticityTokenProvider token={loaderData?.csrfToken ?? ''}>
      <PageLayout user={loaderData?.user ?? null}>
        <Outlet />
      </PageLayout>
    </AuthenticityTokenProvider>
  );
}

const STATUS_PAGES: Record<number, { title: string; body: string[] }> = {
  403: {
    title: 'You do not have permission to see this page',
    body: ['Your account does not give you access to this page.', 'If you think it should, contact your administrator.'],
  },
  404: {
    title: 'Page not found',
    body: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
  },
  503: {
    title: 'Sorry, the service is unavailable',
    body: [
      'You will be able to use the service later. Try again in a few minutes.',
      'If you were answering questions, the answers you saved before this page are kept.',
    ],
  },
};
const PROBLEM_PAGE = {
  title: 'Sorry, there is a problem with the service',
  body: ['Try again later.', 'If you entered any information, it has not been saved.'],
};

function errorPageFor(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return STATUS_PAGES[status] ?? PROBLEM_PAGE;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const loaderData = useRouteLoaderData<typeof loader>('root');
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const page = errorPageFor(error);
  // A route's own explanation (e.g. the CSRF message) is shown for 4xx answers; detail of a 5xx is
  // only for developers.
  // Remix's own messages ("No route matches URL…") are for developers, in every mode.
  const internal = isRouteErrorResponse(error) && (error as { internal?: boolean }).internal === true;
  const explanation = isRouteErrorResponse(error) && status < 500 && !internal && typeof error.data === 'string' ? error.data : null;
  const detail = !loaderData?.isProduction && error instanceof Error ? error.stack : null;
  return (
    <AuthenticityTokenProvider token={loaderData?.csrfToken ?? ''}>
      <PageLayout user={loaderData?.user ?? null}>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">{page.title}</h1>
            {explanation && explanation !== page.title ? <p className="govuk-body">{explanation}</p> : null}
            {page.body.map((line) => (
              <p className="govuk-body" key={line}>
                {line}
              </p>
            ))}
            {detail ? <pre className="govuk-body-s">{detail}</pre> : null}
          </div>
        </div>
      </PageLayout>
    </AuthenticityTokenProvider>
  );
}
