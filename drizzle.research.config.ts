import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/research/schema.ts',
  out: './migrations/research',
});
