// The test command: runs every *.test.ts with node's test runner (through tsx), on PGlite always and
// on PostgreSQL when LICENTIA_TEST_DATABASE_URL (or the default local server) answers. Each run
// gets a fresh PostgreSQL database, dropped afterwards, so runs never see each other's rows.
// Ends with one line CI can read: "N passed, N failed, N skipped".
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const explicit = process.env.LICENTIA_TEST_DATABASE_URL;
const candidate = explicit || 'postgres://postgres@127.0.0.1:5432/test';
const only = process.argv.slice(2);

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let runDatabase = null;
if (await reachable(candidate)) {
  const name = `licentia_test_${Date.now().toString(36)}_${process.pid}`;
  await admin(candidate, `CREATE DATABASE ${name}`);
  const url = new URL(candidate);
  url.pathname = `/${name}`;
  runDatabase = { name, url: url.toString() };
  process.env.LICENTIA_TEST_PG_URL = runDatabase.url;
  console.log(`PostgreSQL: testing on ${url.host}, fresh database ${name}`);
} else if (explicit) {
  console.error(`LICENTIA_TEST_DATABASE_URL is set but PostgreSQL does not answer at ${explicit}`);
  process.exit(1);
} else {
  console.log(
    'PostgreSQL skipped: no server answers at 127.0.0.1:5432 (set LICENTIA_TEST_DATABASE_URL); running the PGlite half only.',
  );
}

// One migrated PGlite data folder for the whole run: each test file loads it (~0.9 s) instead of
// running initdb and the migrations itself (~3.8 s).
{
  const { createDatabase, migrate } = await import('../packages/db/src/index.ts');
  const database = await createDatabase({});
  await migrate(database);
  const dumpPath = join(root, '.tmp', `pglite-migrated-${process.pid}.tar`);
  mkdirSync(dirname(dumpPath), { recursive: true });
  writeFileSync(dumpPath, Buffer.from(await (await database.dump()).arrayBuffer()));
  await database.close();
  process.env.LICENTIA_TEST_PGLITE_DUMP = dumpPath;
  process.on('exit', () => rmSync(dumpPath, { force: true }));
}

const files = (
  only.length
    ? only.map((f) => join(process.cwd(), f))
    : findTests(join(root, 'packages')).concat(findTests(join(root, 'test')))
)
  .filter((f) => !f.includes('/packages/web/e2e/') || process.env.LICENTIA_TEST_BROWSER !== '0')
  .sort();
console.log(`Running ${files.length} test files`);

const counts = { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0, cancelled: 0 };
const stream = run({ files, concurrency: 2, timeout: 300_000 });
stream.on('test:diagnostic', (event) => {
  const m = /^(tests|pass|fail|skipped|todo|cancelled) (\d+)$/.exec(event.message);
  if (m && event.nesting === 0) counts[m[1]] = Number(m[2]);
});
stream.compose(spec).pipe(process.stdout);
await new Promise((resolve) => stream.once('end', resolve));

if (runDatabase) {
  // The run's database and any isolated one a test file made from it (and could not drop itself).
  const client = new pg.Client({ connectionString: candidate });
  await client.connect();
  const { rows } = await client.query(
    'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
    [runDatabase.name, `${runDatabase.name}\\_%`],
  );
  await client.end();
  for (const { datname } of rows) {
    await admin(candidate, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch((e) =>
      console.error(`could not drop ${datname}: ${e.message}`),
    );
  }
}
const failed = counts.fail + counts.cancelled;
console.log(`\n${counts.pass} passed, ${failed} failed, ${counts.skipped + counts.todo} skipped`);
process.exitCode = failed > 0 || counts.tests === 0 ? 1 : 0;
