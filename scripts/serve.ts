/** npm run serve — serves the built static site (build/) at http://localhost:4173 (PORT to change). */
import { existsSync } from 'node:fs';
import { startStaticServer } from './lib/static-server.ts';

const port = Number(process.env.PORT ?? 4173);
if (!existsSync('build/index.html')) {
  console.error('build/index.html is missing: run `npm run data && npm run build` first (or `npm start`).');
  process.exit(1);
}
await startStaticServer('build', port, process.env.HOST ?? '127.0.0.1');
console.log(`法治指标看板 serving build/ at http://localhost:${port}  (Ctrl+C to stop)`);
