// The example app's configuration: command-line flags and environment, parsed once, every problem named.
import { readFileSync } from 'node:fs';
import { type KeySource, loadKeys } from '@licentia/sdk';

export interface Config {
  url: string | undefined;
  licenseKey: string | undefined;
  productToken: string | undefined;
  /** A JWKS URL, or a path to a JWKS JSON or PEM file (offline use). */
  jwks: string;
  appId: string;
  version: string;
  features: string[];
  machineId: string | undefined;
  clockFile: string | undefined;
  offlineFile: string | undefined;
  json: boolean;
}

export class ConfigError extends Error {}

const USAGE = `usage: licensed-cli [--offline <license-file>] [--json]

environment:
  LICENTIA_URL           server URL (online mode)
  LICENSE_KEY            the human license key (online mode)
  LICENTIA_JWKS_URL      the vendor account's JWKS URL, or a path to a JWKS/PEM file
  LICENSED_APP_ID        this app's id, e.g. com.acme.cad (default: com.example.licensed-cli)
  APP_VERSION            the version checked against the license (default: 1.0.0)
  APP_FEATURES           comma-separated features to require (default: none)
  LICENTIA_PRODUCT_TOKEN optional product token (lt_prd_…)
  MACHINE_ID             overrides the OS machine id (tests, containers)
  LICENTIA_CLOCK_FILE    overrides ~/.licentia/<app id>.clock`;

/** Parse argv (without node and script) and the environment; throws ConfigError listing every problem. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  let offlineFile: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--offline' && argv[i + 1]) offlineFile = argv[++i];
    else if (arg === '--help' || arg === '-h') throw new ConfigError(USAGE);
    else problems.push(`unexpected argument ${arg}`);
  }
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is not set`);
    return value || undefined;
  };
  const jwks = need('LICENTIA_JWKS_URL') ?? '';
  const url = offlineFile ? env.LICENTIA_URL : need('LICENTIA_URL');
  const licenseKey = offlineFile ? env.LICENSE_KEY : need('LICENSE_KEY');
  if (problems.length > 0) throw new ConfigError(`${problems.join('\n')}\n\n${USAGE}`);
  return {
    url,
    licenseKey,
    productToken: env.LICENTIA_PRODUCT_TOKEN || undefined,
    jwks,
    appId: env.LICENSED_APP_ID || 'com.example.licensed-cli',
    version: env.APP_VERSION || '1.0.0',
    features: (env.APP_FEATURES ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    machineId: env.MACHINE_ID || undefined,
    clockFile: env.LICENTIA_CLOCK_FILE || undefined,
    offlineFile,
    json,
  };
}

/** The vendor's keys: fetched (and cached) from a URL, or read from a JWKS or PEM file. */
export function keysOf(config: Config) {
  if (/^https?:\/\//i.test(config.jwks)) return loadKeys(config.jwks);
  const text = readFileSync(config.jwks, 'utf8');
  const source: KeySource = text.trimStart().startsWith('{') ? JSON.parse(text) : text;
  return loadKeys(source);
}
