import { Worker } from 'node:worker_threads';
import type { CareDbTarget } from './care-db-target.ts';

export type WorkerRequest =
  | { id: number; kind: 'exec'; sql: string }
  | { id: number; kind: 'copy'; table: string; columns: readonly string[]; text: string }
  | { id: number; kind: 'close' };

export type WorkerReply = { id: number; ok: true } | { id: number; ok: false; message: string };

type Body<R> = R extends unknown ? Omit<R, 'id'> : never;

/** COPY text accepted but not yet loaded: past this, callers wait, so memory stays bounded. */
const MAX_PENDING_BYTES = 64 << 20;

/**
 * A PGlite database written from a worker thread. `exec` and `copy` return as soon as the
 * request is queued (within the memory budget), so generation goes on while PGlite works;
 * `close` waits for everything and reports the first failure.
 */
export function openPgliteInThread(dataDir: string): CareDbTarget {
  // The worker is TypeScript too: register the same loader in it before importing its module.
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  const worker = new Worker(`import(${JSON.stringify(loader)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, {
    eval: true,
    workerData: { dataDir },
  });
  // Requests in the order sent; the worker answers them in that order.
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void; bytes: number; done: Promise<void> }>();
  let nextId = 0;
  let pendingBytes = 0;
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: WorkerReply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    pendingBytes -= w.bytes;
    if (reply.ok) w.resolve();
    else {
      const error = new Error(`care database (PGlite): ${reply.message}`);
      w.reject(error);
      fail(error);
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the PGlite worker stopped (exit code ${code})`)));

  const send = (request: Body<WorkerRequest>, bytes: number): Promise<void> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    pendingBytes += bytes;
    let settle!: { resolve: () => void; reject: (error: Error) => void };
    const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    // Failures surface at the next call or at close, not as unhandled rejections.
    done.catch(() => {});
    waiting.set(id, { ...settle, bytes, done });
    worker.postMessage({ ...request, id });
    return done;
  };
  const budget = async (): Promise<void> => {
    while (pendingBytes > MAX_PENDING_BYTES && waiting.size > 0 && !failure) {
      await waiting.values().next().value!.done.catch(() => {});
    }
    if (failure) throw failure;
  };
  return {
    schema: 'public',
    async exec(sql) {
      send({ kind: 'exec', sql }, sql.length);
      await budget();
    },
    async copy(table, columns, text) {
      send({ kind: 'copy', table, columns, text }, text.length);
      await budget();
    },
    async close() {
      try {
        await send({ kind: 'close' }, 0);
      } finally {
        worker.removeAllListeners('exit');
        await worker.terminate();
      }
      if (failure) throw failure;
    },
  };
}
