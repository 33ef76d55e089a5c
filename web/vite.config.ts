// Builds the web app into web/dist, which the Ordo server serves at /. `npm run dev:web`
// serves it with hot reload and sends API calls to a server on :3000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);
const api = process.env.ORDO_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: { proxy: { '/v1': api, '/docs': api, '/openapi.json': api } },
});
