import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (packages/server) listens on port 3000 during development.
const api = 'http://localhost:3000';
const proxy = { '/api': api, '/healthz': api, '/readyz': api };

export default defineConfig({
  plugins: [react()],
  // Absolute asset URLs, so deep links such as /regio/:id load the same bundle.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Never inline assets as data: URLs; the server's Content-Security-Policy may not allow them.
    assetsInlineLimit: 0,
  },
  server: { proxy },
  preview: { proxy },
});
