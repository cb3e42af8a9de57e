/** drizzle-kit for the central server's PostgreSQL schema: `npm run db:generate:server` writes server/db/migrations. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
