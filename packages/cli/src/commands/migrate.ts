// `licentia migrate`: bring the database schema up to date without starting the server, e.g. as a
// deployment step before rolling out new server processes.
import type { Command } from 'commander';
import { outputOf, UsageError } from '../command-context.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (DATABASE_URL, or PGlite in LICENTIA_DATA_DIR)')
    .action(async (_options: unknown, command: Command) => {
      const output = outputOf(command);
      // Lazy: the database drivers are heavy and only this command and `serve` need them.
      const { ConfigError, loadConfig } = await import('@licentia/server');
      const { createDatabase, migrate } = await import('@licentia/db');
      let config: ReturnType<typeof loadConfig>;
      try {
        config = loadConfig(process.env, process.cwd());
      } catch (error) {
        if (error instanceof ConfigError) throw new UsageError(error.message);
        throw error;
      }
      // Same location as the server's startServer: the PGlite files live in <data dir>/db.
      const storage = config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/db` };
      const database = await createDatabase(storage);
      let applied: string[];
      try {
        applied = await migrate(database);
      } finally {
        await database.close();
      }
      const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
      output.message(
        applied.length
          ? `Applied ${applied.length} migration(s) to ${where}:\n${applied.map((m) => `  ${m}`).join('\n')}`
          : `${where} is up to date: no migrations to apply`,
        { applied },
      );
    });
}
