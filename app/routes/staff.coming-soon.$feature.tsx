import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { requireUser } from '~/auth/guards.server';
import { ROLE_TASKS } from '~/auth/roles';
import { ComingSoon } from '~/components/coming-soon';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Coming soon'} – Family Voice` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const task = ROLE_TASKS[user.role].find((candidate) => candidate.href === `/staff/coming-soon/${params.feature}`);
  if (!task) throw new Response('Not found', { status: 404 });
  return { title: task.title, description: task.description };
}

export default function StaffComingSoon() {
  const { title, description } = useLoaderData<typeof loader>();
  return <ComingSoon title={title} description={description} backTo="/staff" />;
}
