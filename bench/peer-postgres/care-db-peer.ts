import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, drainCopy } from './pg.ts';
import { median } from '../lib/measure.ts';

export const CARE_DB_PEER_QUERIES = join(import.meta.dirname, '../queries/care-db-peer.sql');

export interface CopyPeerMeasure {
  rows: number;
  bytes: number;
  seconds: number;
  runs: number[];
  rowsPerSecond: number;
  /** Per table: rows and seconds of the last run. */
  tables: { query: string; rows: number; seconds: number }[];
}

/** The `COPY (SELECT …) TO STDOUT` statements of bench/queries/care-db-peer.sql, as their SELECTs. */
export function peerQueries(file = CARE_DB_PEER_QUERIES): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('COPY ('))
    .map((line) => /^COPY \((.*)\) TO STDOUT;$/.exec(line)![1]);
}

/**
 * Drains the same tables as the care-db reader with plain COPY … TO STDOUT into node, `runs`
 * times after one warm-up, each on a new connection: the reader's peer (target: reader within 2x).
 */
export async function measureCopyPeer(url: string, runs: number, warmUp: boolean, log: (line: string) => void): Promise<CopyPeerMeasure> {
  const queries = peerQueries();
  const timings: number[] = [];
  let rows = 0;
  let bytes = 0;
  let tables: CopyPeerMeasure['tables'] = [];
  for (let r = warmUp ? -1 : 0; r < runs; r++) {
    const client = await connect(url);
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const started = performance.now();
      rows = 0;
      bytes = 0;
      tables = [];
      for (const query of queries) {
        const t = performance.now();
        const drained = await drainCopy(client, query);
        rows += drained.rows;
        bytes += drained.bytes;
        tables.push({ query: /FROM (\S+)$/.exec(query)?.[1] ?? query, rows: drained.rows, seconds: (performance.now() - t) / 1000 });
      }
      await client.query('COMMIT');
      const seconds = (performance.now() - started) / 1000;
      if (r >= 0) timings.push(seconds);
      log(`care-db peer (COPY TO STDOUT drained by node): ${r < 0 ? 'warm-up' : `run ${r + 1}/${runs}`}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s`);
    } finally {
      await client.end();
    }
  }
  const seconds = median(timings);
  return { rows, bytes, seconds, runs: timings, rowsPerSecond: rows / seconds, tables };
}
