import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/guards.server';
import { listSurveys } from '~/surveys/definitions.server';
import { ScrollingTable } from '~/components/table';

export const meta: MetaFunction = () => [{ title: 'Question sets – Family Voice' }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    canMakeLinks: user.role === 'facilitator' || user.role === 'administrator',
    surveys: listSurveys().map((survey) => ({
      id: survey.id,
      version: survey.version,
      title: survey.text[survey.locales[0]!]!.title,
      questions: survey.text[survey.locales[0]!]!.pages.reduce((sum, page) => sum + page.questions.length, 0),
      renderer: survey.renderer === 'govuk' ? 'GOV.UK pages (works without JavaScript)' : 'SurveyJS form (needs JavaScript)',
    })),
  };
}

export default function StaffSurveys() {
  const { surveys, canMakeLinks } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Question sets</h1>
      <ScrollingTable label="Question sets" columns={['Question set', 'Version', 'Questions', 'Shown as', 'Actions']}>
        {surveys.map((survey) => (
          <tr className="govuk-table__row" key={survey.id}>
            <td className="govuk-table__cell">{survey.title}</td>
            <td className="govuk-table__cell">{survey.version}</td>
            <td className="govuk-table__cell">{survey.questions}</td>
            <td className="govuk-table__cell">{survey.renderer}</td>
            <td className="govuk-table__cell">
              <ul className="govuk-list">
                <li>
                  <Link className="govuk-link" to={`/staff/surveys/${survey.id}/preview`}>
                    Preview<span className="govuk-visually-hidden"> {survey.title}</span>
                  </Link>
                </li>
                {canMakeLinks ? (
                  <li>
                    <Link className="govuk-link" to={`/staff/surveys/${survey.id}/link`}>
                      Make a link or QR code<span className="govuk-visually-hidden"> for {survey.title}</span>
                    </Link>
                  </li>
                ) : null}
              </ul>
            </td>
          </tr>
        ))}
      </ScrollingTable>
    </>
  );
}
