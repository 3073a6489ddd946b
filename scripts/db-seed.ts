// npm run db:seed — migrates, then adds demo data to empty stores (local use only).
//   npm run db:seed -- --responses 1000000   also adds that many synthetic responses, whatever is there
import { parseArgs } from 'node:util';
import { seedVolume } from '#db/seed/volume';
import { getEnv } from '~/env.server';
import { closeStores, prepareStores } from '../server/start-up';

const { values } = parseArgs({ options: { responses: { type: 'string' } } });
const extra = values.responses === undefined ? 0 : Number(values.responses);
if (!Number.isInteger(extra) || extra < 0 || extra > 10_000_000) {
  console.error('--responses takes a whole number up to 10,000,000');
  process.exit(1);
}
const env = getEnv();
if (env.isProduction) {
  console.error('Refusing to seed demo data with NODE_ENV=production.');
  process.exit(1);
}
try {
  const { seeded } = await prepareStores({ ...env, demoData: true });
  console.log(seeded ? 'Demo data added.' : 'The stores already have data; nothing added.');
  if (extra > 0) {
    const started = Date.now();
    const stored = await seedVolume(extra, {
      seed: Date.now() % 1_000_000,
      onProgress: (done) => {
        if (done % 100_000 === 0 || done === extra) console.log(`${done.toLocaleString('en-GB')} of ${extra.toLocaleString('en-GB')}`);
      },
    });
    console.log(`${stored.toLocaleString('en-GB')} synthetic responses added in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
} finally {
  await closeStores();
}
