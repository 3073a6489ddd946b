import { checkHealth } from '~/health.server';

/** For load balancers and people: the state of each store; 503 when either is down. */
export async function loader() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
