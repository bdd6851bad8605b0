import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { buildIfStale } from './build_if_stale';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

let server: PreviewServer | undefined;

/** Builds (if stale) and serves the production build with `vite preview` for the e2e tests. */
export default async function setup(project: TestProject) {
  buildIfStale();
  const port = await freePort();
  server = await preview({ root, logLevel: 'warn', preview: { port, strictPort: true, host: '127.0.0.1' } });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server?.close();
  };
}
