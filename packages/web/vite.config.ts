// Build and dev-server settings of the web console: the API runs on :8080 in development, so the
// dev server proxies its paths there and the console can use same-origin relative URLs everywhere.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/v1': API,
      '/healthz': API,
      '/openapi.json': API,
    },
  },
});
