// The Licentia HTTP server: buildApp is the composition root, startServer runs a process.
export { type App, type BuildOptions, buildApp } from './app.ts';
export { type Config, ConfigError, ENVIRONMENT, loadConfig } from './config.ts';
export { hashToken } from './http/authenticate.ts';
export type { AppContext } from './http/context.ts';
export { main } from './main.ts';
export { type RunningServer, startServer } from './start-server.ts';
