import type { LoaderFunctionArgs } from '@remix-run/node';
import { findingsDownload } from '~/findings/downloads.server';

export const loader = ({ request }: LoaderFunctionArgs) => findingsDownload(request, 'docx');
