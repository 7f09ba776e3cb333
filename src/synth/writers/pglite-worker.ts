import { parentPort, workerData } from 'node:worker_threads';
import { openPglite } from './care-db-target.ts';
import type { WorkerReply, WorkerRequest } from './pglite-thread.ts';

/**
 * Runs PGlite in its own thread: creating a PGlite database (initdb in WebAssembly) takes
 * seconds, which the main thread spends writing the other sources meanwhile.
 */
const port = parentPort!;
const ready = openPglite((workerData as { dataDir: string }).dataDir);
let queue: Promise<unknown> = ready;

port.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    const target = await ready;
    if (request.kind === 'exec') await target.exec(request.sql);
    else if (request.kind === 'copy') await target.copy(request.table, request.columns, request.text);
    else await target.close();
  }).then(
    () => port.postMessage({ id: request.id, ok: true } satisfies WorkerReply),
    (error: Error) => port.postMessage({ id: request.id, ok: false, message: error.message } satisfies WorkerReply),
  );
});
