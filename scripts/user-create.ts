// npm run user:create -- --email a@b.gov.uk --name "A Person" --role facilitator --region E12000002
// The password is read from the FV_PASSWORD variable or asked for, never taken as an argument
// (arguments end up in shell history and process lists).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { migrateStores } from '#db/bootstrap';
import { createStaffUser, DuplicateEmailError } from '~/auth/staff-users.server';
import { getEnv } from '~/env.server';
import { closeStores, openConfiguredStores } from '../server/start-up';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    region: { type: 'string', multiple: true },
    programme: { type: 'string', multiple: true },
    la: { type: 'string' },
  },
});

async function readPassword(): Promise<string> {
  if (process.env.FV_PASSWORD) return process.env.FV_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question('Password (12 characters or more): ');
  } finally {
    rl.close();
  }
}

const env = getEnv();
await openConfiguredStores(env);
try {
  await migrateStores();
  const user = await createStaffUser({
    email: values.email ?? '',
    displayName: values.name ?? '',
    password: await readPassword(),
    role: values.role as never,
    regionCodes: values.region ?? [],
    programmeCodes: (values.programme ?? []) as never,
    laCode: values.la ?? null,
  });
  console.log(`Created ${user.role} account ${user.id}.`);
} catch (error) {
  if (error instanceof ZodError) {
    console.error(error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('\n'));
    process.exitCode = 1;
  } else if (error instanceof DuplicateEmailError) {
    console.error(error.message);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await closeStores();
}
