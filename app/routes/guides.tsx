import type { MetaFunction } from '@remix-run/node';
import { ComingSoon } from '~/components/coming-soon';

export const meta: MetaFunction = () => [{ title: 'Good-practice guides – Family Voice' }];

export default function Guides() {
  return (
    <ComingSoon
      title="Good-practice guides"
      description="Guides and toolkits for local authorities and services, drawn from what families told us, will be available to download here."
    />
  );
}
