import { parentPort, workerData } from 'node:worker_threads';
import { readerFor } from './registry.ts';
import { readSegment, type SegmentJob, type WorkerReply, type WorkerRequest } from './segments.ts';
import { UserError } from '../cli/command.ts';
import { Pseudonymiser } from '../identity/pseudonymiser.ts';

const { job, key } = workerData as { job: SegmentJob; key: Uint8Array };
const ctx = { pseudonymiser: new Pseudonymiser(Buffer.from(key)), fileLabel: job.fileLabel };
const reader = readerFor(job.source);
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  if ('stop' in request) {
    port.close();
    return;
  }
  const { index, range } = request;
  readSegment(job, index, range, ctx, reader, (bytes) => port.postMessage({ index, progress: bytes } satisfies WorkerReply))
    .then((result) => port.postMessage({ index, result } satisfies WorkerReply))
    .catch((error: unknown) =>
      port.postMessage({
        index,
        error: error instanceof Error ? error.message : String(error),
        userError: error instanceof UserError,
      } satisfies WorkerReply),
    );
});
