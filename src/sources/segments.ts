import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BatchWriter, type StagedPart } from './batch-writer.ts';
import { readerFor } from './registry.ts';
import { segmentFile, type ByteRange } from './text/lines.ts';
import type { ReaderContext, SegmentPlan, SourceReader, SourceName } from './types.ts';
import { UserError } from '../cli/command.ts';
import { Pseudonymiser } from '../identity/pseudonymiser.ts';

export interface SegmentOptions {
  /** Most bytes a segment: small enough to share the work evenly between threads, large enough that starting one is noise. */
  segmentBytes: number;
  /** Worker threads; 1 reads every segment in this thread. */
  workers: number;
}

/** `ENTREPOT_INGEST_THREADS` caps the threads, for a load that must leave cores to other work. */
export const DEFAULT_SEGMENTS: SegmentOptions = {
  segmentBytes: 16 * 1024 * 1024,
  workers: Math.max(1, Number(process.env.ENTREPOT_INGEST_THREADS) || availableParallelism()),
};

export interface SegmentJob {
  source: SourceName;
  path: string;
  plan: SegmentPlan;
  /** Each segment stages its part in `<stagingDir>/part-<n>`. */
  stagingDir: string;
  fileLabel: string;
}

/**
 * Reads a file segment by segment, in worker threads when there is more than one segment, and
 * returns the staged parts in file order with their line offsets: the batch is the same whatever
 * the number of threads, since the segments are cut at the same places.
 */
export async function readInSegments(
  job: SegmentJob,
  pseudonymiser: Pseudonymiser,
  options: SegmentOptions,
  onProgress: (done: number, total: number) => void,
): Promise<StagedPart[]> {
  const ranges = await segmentFile(job.path, options.segmentBytes);
  const total = ranges[ranges.length - 1].end;
  const done = new Array<number>(ranges.length).fill(0);
  const progress = (index: number, bytes: number) => {
    done[index] = bytes;
    onProgress(done.reduce((a, b) => a + b, 0), total);
  };
  // A thread costs about a second to start (tsx compiles the reader again in it): worth it only
  // when each has several segments to read.
  const results =
    options.workers > 1 && ranges.length >= 4 * options.workers
      ? await inWorkers(job, ranges, pseudonymiser, options.workers, progress)
      : await inThisThread(job, ranges, pseudonymiser, progress);
  let offset = 0;
  return results.map(({ part, lines }) => {
    const placed = { ...part, lineOffset: offset };
    offset += lines;
    return placed;
  });
}

export interface SegmentResult {
  part: StagedPart;
  lines: number;
}

/** One segment into its own staged part; what a worker thread runs for each segment it is given. */
export async function readSegment(
  job: SegmentJob,
  index: number,
  range: ByteRange,
  ctx: ReaderContext,
  reader: SourceReader,
  onProgress: (bytes: number) => void,
): Promise<SegmentResult> {
  const writer = new BatchWriter(join(job.stagingDir, `part-${String(index).padStart(5, '0')}`), reader, onProgress);
  const lines = await reader.segments!.readSegment(job.path, range, job.plan, writer, ctx);
  return { part: writer.close(), lines };
}

async function inThisThread(
  job: SegmentJob,
  ranges: ByteRange[],
  pseudonymiser: Pseudonymiser,
  progress: (index: number, bytes: number) => void,
): Promise<SegmentResult[]> {
  const reader = readerFor(job.source);
  const results: SegmentResult[] = [];
  for (const [index, range] of ranges.entries()) {
    results.push(await readSegment(job, index, range, { pseudonymiser, fileLabel: job.fileLabel }, reader, (b) => progress(index, b)));
  }
  return results;
}

export type WorkerRequest = { index: number; range: ByteRange } | { stop: true };
export type WorkerReply =
  | { index: number; result: SegmentResult }
  | { index: number; progress: number }
  | { index: number; error: string; userError: boolean };

/** Each worker asks for the next segment when done with one, so a slow segment does not hold the others back. */
async function inWorkers(
  job: SegmentJob,
  ranges: ByteRange[],
  pseudonymiser: Pseudonymiser,
  count: number,
  progress: (index: number, bytes: number) => void,
): Promise<SegmentResult[]> {
  const results = new Array<SegmentResult>(ranges.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: count }, () =>
        new Promise<void>((resolve, reject) => {
          // The bootstrap registers tsx in the worker: a clone runs from its TypeScript sources.
          const worker = new Worker(new URL('./segment-worker.mjs', import.meta.url), {
            workerData: { job, key: pseudonymiser.keyForWorkers() },
            execArgv: [],
          });
          workers.push(worker);
          const give = () => {
            if (next < ranges.length) {
              const index = next++;
              worker.postMessage({ index, range: ranges[index] } satisfies WorkerRequest);
            } else {
              worker.postMessage({ stop: true } satisfies WorkerRequest);
              resolve();
            }
          };
          worker.on('message', (reply: WorkerReply) => {
            if ('progress' in reply) progress(reply.index, reply.progress);
            else if ('error' in reply) reject(reply.userError ? new UserError(reply.error) : new Error(reply.error));
            else {
              results[reply.index] = reply.result;
              give();
            }
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`a reader thread of ${job.source} stopped with code ${code}`));
          });
          give();
        }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
