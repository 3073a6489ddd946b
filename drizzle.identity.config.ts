import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/identity/schema.ts',
  out: './migrations/identity',
});
