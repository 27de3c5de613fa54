// import-people: a 50,000-person CSV (each with an account in one of two environments) through the
// HTTP import route (apply: parse, validate, plan against the organization, batched writes, one
// transaction, audit) into PostgreSQL, timed end to end from the client. In-run baseline: the same
// 50,000 people and environment accounts as raw multi-row INSERTs (2,000 rows per statement) via pg
// in one transaction, into a second organization. Also shown: the dry run and the re-import.
import { buildApp } from '@licentia/server';
import pg from 'pg';
import { bootstrap } from '../packages/server/src/bootstrap/bootstrap.ts';
import { openBenchDatabase } from './lib/bench-database.ts';
import { round, table } from './lib/load.ts';

const ROWS = Number(process.env.IMPORT_PEOPLE_ROWS ?? 50_000);
const BATCH = 2000;
const ENVIRONMENTS = ['Production', 'Test'];

const row = (i: number) => ({
  username: `user${i}`,
  email: `user${i}@example.com`,
  name: `User ${i}`,
  environment: ENVIRONMENTS[i % 2]!,
});

function peopleCsv(): string {
  const lines = ['username,email,name,status,environments'];
  for (let i = 0; i < ROWS; i++) {
    const r = row(i);
    lines.push(`${r.username},${r.email},"${r.name}",ACTIVE,${r.environment}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The baseline: the same rows as multi-row INSERTs, one transaction, no parsing or checks. */
async function rawInsert(
  url: string,
  scope: { accountId: string; organizationId: string },
  envIds: string[],
) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('BEGIN');
    for (let from = 0; from < ROWS; from += BATCH) {
      const n = Math.min(BATCH, ROWS - from);
      const people: unknown[] = [];
      const accounts: unknown[] = [];
      const pv: string[] = [];
      const av: string[] = [];
      for (let k = 0; k < n; k++) {
        const i = from + k;
        const r = row(i);
        const id = `person_raw${String(i).padStart(22, '0')}`;
        pv.push(
          `($${people.length + 1},$${people.length + 2},$${people.length + 3},$${people.length + 4},$${people.length + 5},$${people.length + 6},'ACTIVE')`,
        );
        people.push(id, scope.accountId, scope.organizationId, r.username, r.email, r.name);
        av.push(
          `($${accounts.length + 1},$${accounts.length + 2},$${accounts.length + 3},$${accounts.length + 4})`,
        );
        accounts.push(scope.accountId, scope.organizationId, envIds[i % 2], id);
      }
      await client.query(
        `INSERT INTO people (id, account_id, organization_id, username, email, name, status) VALUES ${pv.join(',')}`,
        people,
      );
      await client.query(
        `INSERT INTO environment_accounts (account_id, organization_id, environment_id, person_id) VALUES ${av.join(',')}`,
        accounts,
      );
    }
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

export async function run(): Promise<void> {
  const bench = await openBenchDatabase(4);
  if (!bench.url) console.log('(PGlite: the raw pg baseline needs PostgreSQL; only the import is timed)');
  const { app, ctx } = await buildApp({ database: bench.database });
  try {
    const { operatorToken } = await bootstrap(ctx, {
      bootstrapToken: null,
      demo: false,
      issueOperatorToken: true,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const api = async (method: string, path: string, body?: unknown) => {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.json();
    };
    const account = await api('POST', '/v1/accounts', { name: 'bench' });
    const organization = async (name: string) => {
      const org = await api('POST', `/v1/accounts/${account.id}/organizations`, { name });
      const path = `/v1/accounts/${account.id}/organizations/${org.id}`;
      const envIds: string[] = [];
      for (const envName of ENVIRONMENTS) {
        envIds.push((await api('POST', `${path}/environments`, { name: envName, kind: 'PRODUCTION' })).id);
      }
      return { id: org.id as string, path, envIds };
    };
    const target = await organization('import');
    const csv = peopleCsv();
    const upload = async (dryRun: boolean) => {
      const started = performance.now();
      const r = await fetch(`${base}${target.path}/imports/people?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${operatorToken}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const answer = await r.json();
      if (!r.ok || answer.errorCount > 0)
        throw new Error(`import: ${r.status} ${JSON.stringify(answer).slice(0, 500)}`);
      return { answer, seconds: (performance.now() - started) / 1000 };
    };
    const dry = await upload(true);
    const applied = await upload(false);
    const again = await upload(false);
    if (applied.answer.create !== ROWS || again.answer.unchanged !== ROWS) {
      throw new Error(`unexpected counts: ${JSON.stringify([applied.answer, again.answer])}`);
    }
    const ours = ROWS / applied.seconds;
    const rows = [
      {
        run: `dry run (${ROWS} to create)`,
        rows: ROWS,
        seconds: round(dry.seconds),
        rows_per_s: Math.round(ROWS / dry.seconds),
      },
      {
        run: 'import apply (HTTP, one transaction)',
        rows: ROWS,
        seconds: round(applied.seconds),
        rows_per_s: Math.round(ours),
      },
      {
        run: 're-import (all unchanged)',
        rows: ROWS,
        seconds: round(again.seconds),
        rows_per_s: Math.round(ROWS / again.seconds),
      },
    ];
    let baseline: number | null = null;
    if (bench.url) {
      const other = await organization('raw');
      const seconds = await rawInsert(
        bench.url,
        { accountId: account.id, organizationId: other.id },
        other.envIds,
      );
      baseline = ROWS / seconds;
      rows.unshift({
        run: 'raw multi-row INSERT via pg',
        rows: ROWS,
        seconds: round(seconds),
        rows_per_s: Math.round(baseline),
      });
    }
    console.log(
      `CSV ${round(csv.length / 1024 / 1024, 1)} MiB, ${ROWS} people with one environment account each`,
    );
    table(rows);
    console.log(
      JSON.stringify({
        bench: 'import-people',
        rows: ROWS,
        rows_per_s: Math.round(ours),
        baseline_rows_per_s: baseline === null ? null : Math.round(baseline),
        ratio: baseline === null ? null : round(ours / baseline, 4),
        seconds: round(applied.seconds),
        dry_run_rows_per_s: Math.round(ROWS / dry.seconds),
        reimport_rows_per_s: Math.round(ROWS / again.seconds),
      }),
    );
  } finally {
    await app.close();
    await bench.dispose();
  }
}
