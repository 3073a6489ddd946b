import type { MetaFunction } from '@remix-run/node';
import { ComingSoon } from '~/components/coming-soon';

export const meta: MetaFunction = () => [{ title: 'What families told us – Family Voice' }];

export default function Reports() {
  return (
    <ComingSoon
      title="What families told us"
      description="Quarterly themed findings for each programme, and who has taken part against who lives in each area, will be published here."
    />
  );
}
