// Serves the built web console (React + Vite) at `/`. Client-side routes fall back to index.html,
// but only for browser navigations: API clients asking for JSON still get a problem+json 404.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export async function registerWeb(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    schemaHide: true,
  });
}

const API_PREFIXES = ['/v1/', '/.well-known/', '/openapi.json', '/docs', '/metrics', '/healthz', '/readyz'];

export function wantsWebPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (API_PREFIXES.some((p) => request.url.startsWith(p))) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
