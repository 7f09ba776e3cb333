import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { segmentFile } from './text/lines.ts';
import { generateHospital } from '../synth/generate.ts';
import { TestWarehouse } from '../../test/support/workspace.ts';

describe('reading a file in segments, in worker threads', () => {
  const wh = new TestWarehouse();
  let files: { source: 'deces' | 'sejours' | 'rpps'; path: string }[] = [];
  after(() => wh.remove());

  before(async () => {
    const out = join(wh.dir, 'hospital');
    const generated = await generateHospital({ patients: 400, seed: 3, out, dirt: 0.05, fromYear: 2018, toYear: 2021 });
    const { deces, sejours, rpps } = generated.manifest.sources;
    files = [
      ...(deces.files ?? []).filter((f) => f.endsWith('.txt')).map((f) => ({ source: 'deces' as const, path: resolve(out, f) })),
      ...(sejours.files ?? []).map((f) => ({ source: 'sejours' as const, path: resolve(out, f) })),
      ...(rpps.files ?? []).map((f) => ({ source: 'rpps' as const, path: resolve(out, f) })),
    ];
    assert.deepEqual(new Set(files.map((f) => f.source)), new Set(['deces', 'sejours', 'rpps']));
  });

  it('cuts a file at line starts into ranges that cover it', async () => {
    for (const { path } of files) {
      const ranges = await segmentFile(path, 1000);
      assert.ok(ranges.length > 5);
      assert.equal(ranges[0].start, 0);
      for (const [i, range] of ranges.entries()) {
        if (i > 0) assert.equal(range.start, ranges[i - 1].end);
        assert.ok(range.end > range.start);
      }
    }
  });

  it('loads the same rows, issues and line numbers as one pass, whatever the segments and threads', async () => {
    const progress: number[] = [];
    const segmented = new TestWarehouse({ key: wh.pseudonymiser, segments: { segmentBytes: 2048, workers: 2 }, onProgress: (done) => progress.push(done) });
    after(() => segmented.remove());
    for (const { source, path } of files) {
      const whole = await wh.ingestor.ingest(source, { kind: 'file', path });
      const parts = await segmented.ingestor.ingest(source, { kind: 'file', path });
      assert.equal(parts.status, 'loaded');
      assert.deepEqual(parts.tables, whole.tables, path);
    }
    // The batch ids differ: a batch read in parts hashes its parts' hashes.
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ _batch: _b, batch: _p, ...rest }) => rest);
    for (const [source, table] of [['deces', 'deces'], ['sejours', 'sejour'], ['rpps', 'activite']] as const) {
      const rows = await wh.rows(source, table, '_file, _line');
      assert.ok(rows.length > 50, `${rows.length} rows of ${source}`);
      assert.deepEqual(strip(await segmented.rows(source, table, '_file, _line')), strip(rows), source);
      const issues = await wh.issues(source);
      assert.ok(issues.length > 0, `the ${source} files carry dirt`);
      assert.deepEqual(strip(await segmented.issues(source)), strip(issues), source);
    }
    assert.ok(progress.length > 1, 'the threads report their progress');
  });
});
