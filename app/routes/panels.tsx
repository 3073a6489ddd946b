import type { MetaFunction } from '@remix-run/node';
import { ComingSoon } from '~/components/coming-soon';

export const meta: MetaFunction = () => [{ title: 'Family panels – Family Voice' }];

export default function Panels() {
  return (
    <ComingSoon
      title="Family panels"
      description="Soon you will be able to join a local, regional or national panel of families who talk with us a few times a year, at times and in places that suit you."
      backTo="/take-part"
    />
  );
}
