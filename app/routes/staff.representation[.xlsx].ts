import type { LoaderFunctionArgs } from '@remix-run/node';
import { representationDownload } from '~/findings/representation-downloads.server';

export const loader = ({ request }: LoaderFunctionArgs) => representationDownload(request, 'xlsx');
