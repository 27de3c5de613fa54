// Types of web-build.mjs for the TypeScript callers (the browser test); the script itself stays
// plain JavaScript so `npm start` needs no compiler.

/** Absolute path of the repository root. */
export declare const REPO_ROOT: string;
/** Absolute path of packages/web. */
export declare const WEB_DIR: string;
/** Absolute path of the built console (packages/web/dist); the server's webRoot. */
export declare const WEB_DIST: string;

/** True when dist/index.html is missing or any source of the console is newer than it. */
export declare function webBuildIsStale(): boolean;

/**
 * Run `npx vite build` in packages/web if the build is stale. Resolves to whether it built;
 * rejects with vite's output when the build fails.
 */
export declare function ensureWebBuilt(options?: { quiet?: boolean }): Promise<boolean>;
