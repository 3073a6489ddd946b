import type { MetaFunction } from '@remix-run/node';
import { ComingSoon } from '~/components/coming-soon';

export const meta: MetaFunction = () => [{ title: 'Take part – Family Voice' }];

export default function TakePart() {
  return (
    <ComingSoon
      title="Take part"
      description="Soon you will be able to answer the common question set here, anonymously, on any phone, and join a local, regional or national panel."
    />
  );
}
