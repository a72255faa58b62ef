// The web app's build and dev server. `npm run web:dev` proxies /graphql, /reports and /demo to the
// API on 127.0.0.1:4000 (PALERMO_API to change it), so the pages talk to the same origin in both modes.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.PALERMO_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // Pages may import pure rules from ../domain (the transition table the workflow uses).
    fs: { allow: ['..'] },
    proxy: { '/graphql': api, '/reports': api, '/demo': api, '/auth/config': api },
  },
});
