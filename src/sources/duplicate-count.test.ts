import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byteSize, countDuplicates } from './duplicate-count.ts';
import { readerFor } from './registry.ts';
import { generateHospital } from '../synth/generate.ts';
import { Engine } from '../warehouse/engine.ts';
import { rawTableFiles } from '../warehouse/catalogue.ts';
import { TestWarehouse } from '../../test/support/workspace.ts';

describe('duplicate count', () => {
  const wh = new TestWarehouse();
  const out = join(wh.dir, 'generated');
  const key = readerFor('care-db').tables.find((t) => t.name === 'consultation')!.key!;
  let engine: Engine;
  let batchFile: string;
  let rows: number;
  let truth: number;

  before(async () => {
    const url = (await generateHospital({ out, seed: 3, patients: 300, fromYear: 2015, toYear: 2021, dirt: 0.05 })).manifest.sources['care-db'].url!;
    const report = await wh.ingestor.ingest('care-db', { kind: 'postgres', url });
    [batchFile] = rawTableFiles(wh.layout, 'care-db', 'consultation');
    rows = report.tables.consultation.loaded;
    truth = readFileSync(join(out, 'ground-truth', 'care-db.jsonl'), 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l) as { table: string; outcome: string })
      .filter((t) => t.table === 'consultation' && t.outcome === 'duplicate').length;
    engine = await Engine.open(':memory:', { memory_limit: '256MB' });
  });

  after(() => {
    engine.close();
    wh.remove();
  });

  it('counts the generated duplicates the same in one grouping and in buckets of a few keys', async () => {
    assert.ok(truth > 0, 'the generated consultations hold duplicates');
    const scratchDir = join(wh.dir, 'buckets');
    const whole = await countDuplicates(engine, { batchFile, key, earlier: [], scratchDir });
    const bucketed = await countDuplicates(engine, { batchFile, key, earlier: [], scratchDir, keysPerBucket: 97 });
    assert.deepEqual([whole, bucketed], [truth, truth]);
    assert.equal(existsSync(scratchDir), false, 'the buckets are removed');
  });

  it('counts every row as a duplicate of an earlier batch that holds the same rows, in buckets too', async () => {
    const scratchDir = join(wh.dir, 'buckets-across');
    const job = { batchFile, key, earlier: [batchFile], scratchDir };
    assert.equal(await countDuplicates(engine, job), rows);
    assert.equal(await countDuplicates(engine, { ...job, keysPerBucket: 97 }), rows);
  });

  it('reads sizes as DuckDB spells them', () => {
    assert.equal(byteSize('953.6 MiB'), 953.6 * 2 ** 20);
    assert.equal(byteSize('1GB'), 1e9);
    assert.equal(byteSize('512 bytes'), 512);
    assert.throws(() => byteSize('lots'), /not a size: lots/);
  });
});
