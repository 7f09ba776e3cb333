import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
export const WEB_ROOT = join(REPO_ROOT, 'web');
export const WEB_DIST = join(WEB_ROOT, 'dist');

export function webBuilt(dist = WEB_DIST): boolean {
  return existsSync(join(dist, 'index.html'));
}

/**
 * Builds the web app with Vite (`web/vite.config.ts` → `web/dist`). `npm install` already does it
 * (`prepare`); this is the fallback for a checkout where it did not run.
 */
export async function buildWebApp(log: (line: string) => void = () => {}): Promise<void> {
  const require = createRequire(import.meta.url);
  let viteBin: string;
  try {
    viteBin = join(resolve(require.resolve('vite/package.json'), '..'), 'bin', 'vite.js');
  } catch {
    throw new Error('cannot build the web app: the `vite` package is not installed (run `npm install`)');
  }
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [viteBin, 'build', '--config', join(WEB_ROOT, 'vite.config.ts'), '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('error', (error) => fail(new Error(`cannot build the web app: ${error.message}`)));
    child.on('close', (code) => {
      for (const line of output.split('\n').filter(Boolean)) log(line);
      if (code === 0 && webBuilt()) done();
      else fail(new Error(`building the web app failed (vite exited with ${code}); run \`npm run build:web\` to see why`));
    });
  });
}

/**
 * Serves the built app: files of web/dist, and index.html for any other non-API GET so that a
 * shared link such as /kpi/K3?year=2019 opens the app, whose router reads the URL.
 */
export async function serveWebApp(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(reply, path) {
      // Vite names bundles by content hash: they never change, so browsers may keep them; index.html
      // must be revalidated so that a new build is picked up.
      reply.header('cache-control', path.startsWith(join(dist, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
