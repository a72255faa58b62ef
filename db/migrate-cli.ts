// `npm run migrate`: brings DATABASE_URL's schema up to date and seeds the code lists.
import { createDb } from './connection.js';
import { migrateToLatest } from './migrate.js';
import { seedCodeLists } from './seed-code-lists.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(1);
}
const db = createDb(url, 1);
try {
  const applied = await migrateToLatest(db);
  await seedCodeLists(db);
  console.log(applied.length ? `applied ${applied.join(', ')}; code lists seeded` : 'schema up to date; code lists seeded');
} finally {
  await db.destroy();
}
