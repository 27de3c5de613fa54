// Reads the environment once at start-up. Every bad key is named in one error, so a deployment
// with three mistakes learns about all three at once.
import { isAbsolute, resolve } from 'node:path';
import { parseTokenKind } from '@licentia/core';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  bootstrapToken: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  demo: boolean;
  masterKey: string | null;
  /** Floating lease sweeper period in ms (0 disables it); default 5000. */
  floatingSweepMs?: number;
  /** Realtime usage feed period in ms (0 disables it); default 5000. */
  usageFeedMs?: number;
}

/** Every environment variable Licentia reads, with its default; README's table mirrors this. */
export const ENVIRONMENT = {
  PORT: { default: '8080', about: 'HTTP port' },
  HOST: { default: '127.0.0.1', about: 'Interface to listen on (0.0.0.0 for all)' },
  DATABASE_URL: { default: '', about: 'postgres://… ; empty means embedded PGlite in LICENTIA_DATA_DIR' },
  LICENTIA_DATA_DIR: { default: './.licentia', about: 'Folder of the embedded database and generated keys' },
  LICENTIA_BOOTSTRAP_TOKEN: {
    default: '',
    about: 'An operator token (lt_op_…) to accept from the first start',
  },
  LICENTIA_MASTER_KEY: {
    default: '',
    about: 'Key encrypting signing keys at rest (generated into the data folder when empty)',
  },
  LICENTIA_DEMO: { default: 'true', about: 'Create demo data on the first start of an empty database' },
  LOG_LEVEL: { default: 'info', about: 'fatal, error, warn, info, debug, trace or silent' },
  LICENTIA_FLOATING_SWEEP_MS: {
    default: '5000',
    about: 'How often expired floating leases are reclaimed, in ms (0: only at the next check-out)',
  },
  LICENTIA_USAGE_FEED_MS: {
    default: '5000',
    about: 'How often floating check-outs and check-ins are fed into the usage store, in ms (0: never)',
  },
} as const;

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const get = (key: keyof typeof ENVIRONMENT) => env[key]?.trim() || ENVIRONMENT[key].default;
  const problems: string[] = [];

  const port = Number(get('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be an integer 0–65535, got "${get('PORT')}"`);
  const databaseUrl = get('DATABASE_URL') || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  const bootstrapToken = get('LICENTIA_BOOTSTRAP_TOKEN') || null;
  if (bootstrapToken && parseTokenKind(bootstrapToken) !== 'operator') {
    problems.push(
      'LICENTIA_BOOTSTRAP_TOKEN must be an operator token: lt_op_ followed by 43 base64url characters',
    );
  }
  const logLevel = get('LOG_LEVEL') as Config['logLevel'];
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  const demo = get('LICENTIA_DEMO');
  if (!['true', 'false', '1', '0'].includes(demo)) problems.push('LICENTIA_DEMO must be true or false');
  const masterKey = get('LICENTIA_MASTER_KEY') || null;
  if (masterKey && !/^[A-Za-z0-9_-]{43}$/.test(masterKey))
    problems.push('LICENTIA_MASTER_KEY must be 32 bytes in base64url (43 characters)');

  const floatingSweepMs = Number(get('LICENTIA_FLOATING_SWEEP_MS'));
  if (!Number.isInteger(floatingSweepMs) || floatingSweepMs < 0 || floatingSweepMs > 3_600_000)
    problems.push('LICENTIA_FLOATING_SWEEP_MS must be an integer 0–3600000 (milliseconds)');
  const usageFeedMs = Number(get('LICENTIA_USAGE_FEED_MS'));
  if (!Number.isInteger(usageFeedMs) || usageFeedMs < 0 || usageFeedMs > 3_600_000)
    problems.push('LICENTIA_USAGE_FEED_MS must be an integer 0–3600000 (milliseconds)');
  if (problems.length) throw new ConfigError(problems);
  const dataDir = get('LICENTIA_DATA_DIR');
  return {
    port,
    host: get('HOST'),
    databaseUrl,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    bootstrapToken,
    logLevel,
    demo: demo === 'true' || demo === '1',
    masterKey,
    floatingSweepMs,
    usageFeedMs,
  };
}
