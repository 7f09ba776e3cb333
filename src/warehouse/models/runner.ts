import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { quoteIdentifier, quoteLiteral, type Engine } from '../engine.ts';

/** Zones a model may be written to; relations of other schemas (`raw`, `vault`, `ref`) are inputs. */
export type ModelZone = 'core' | 'marts';

/** A SQL model as its header declares it (docs/marts.md, "Models"). */
export interface ModelSpec {
  /** `core.core_sejour`, `marts.fact_hospitalisation`. */
  name: string;
  zone: ModelZone;
  table: string;
  grain: string;
  depends: string[];
  partitionBy: string[];
  orderBy: string[];
  sql: string;
  file: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface ModelRun {
  model: string;
  rows: number;
  seconds: number;
  /** Relative to the output directory: `marts/fact_hospitalisation`. */
  path: string;
  partitionBy: string[];
  columns: ColumnInfo[];
}

export class ModelError extends Error {
  constructor(message: string, readonly model?: string) {
    super(message);
    this.name = 'ModelError';
  }
}

export const MODELS_DIR = import.meta.dirname;

const HEADER = /^--\s*(model|grain|depends|partition_by|order_by):\s*(.*)$/;
/** An indented comment line goes on with the header field above it (a grain over two lines). */
const CONTINUATION = /^--\s{2,}\S/;
const RELATION = /\b(raw|vault|ref|core|marts)\.([a-z_][a-z0-9_]*)\b/gi;

export function parseModel(file: string, text: string): ModelSpec {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split('\n')) {
    if (!line.startsWith('--')) break;
    const match = HEADER.exec(line.trim());
    if (match) {
      last = match[1];
      fields.set(last, match[2].trim());
    } else if (last && CONTINUATION.test(line)) {
      fields.set(last, `${fields.get(last)} ${line.slice(2).trim()}`.trim());
    } else {
      last = null;
    }
  }
  const name = fields.get('model');
  if (!name) throw new ModelError(`${file}: the header has no "-- model:" line`);
  const [zone, table, ...rest] = name.split('.');
  if ((zone !== 'core' && zone !== 'marts') || !table || rest.length > 0) {
    throw new ModelError(`${file}: model "${name}" must be named core.<table> or marts.<table>`, name);
  }
  if (basename(file, '.sql') !== table || basename(dirname(file)) !== zone) {
    throw new ModelError(`${file}: model "${name}" must live in ${zone}/${table}.sql`, name);
  }
  const list = (key: string) => (fields.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const spec: ModelSpec = {
    name,
    zone,
    table,
    grain: fields.get('grain') ?? '',
    depends: list('depends'),
    partitionBy: list('partition_by'),
    orderBy: list('order_by'),
    sql: text,
    file,
  };
  if (!spec.grain) throw new ModelError(`${file}: the header has no "-- grain:" line`, name);
  const body = text.split('\n').filter((l) => !l.trim().startsWith('--')).join('\n');
  for (const [, schema, relation] of body.matchAll(RELATION)) {
    const used = `${schema.toLowerCase()}.${relation.toLowerCase()}`;
    if (used !== name && !spec.depends.includes(used)) {
      throw new ModelError(`${file}: reads ${used}, which its "-- depends:" line does not declare`, name);
    }
  }
  return spec;
}

/** Every `<zone>/<table>.sql` under `dir`. */
export function loadModels(dir = MODELS_DIR): ModelSpec[] {
  const specs: ModelSpec[] = [];
  for (const zone of ['core', 'marts']) {
    let names: string[];
    try {
      names = readdirSync(join(dir, zone));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.endsWith('.sql')).sort()) {
      const file = join(dir, zone, name);
      specs.push(parseModel(file, readFileSync(file, 'utf8')));
    }
  }
  return specs;
}

/**
 * Models in an order where each comes after what it depends on (Kahn, ties by name so that two
 * runs log the same order). `inputs` names the relations that exist before any model runs.
 */
export function orderModels(models: ModelSpec[], inputs: Iterable<string>): ModelSpec[] {
  const available = new Set(inputs);
  const byName = new Map<string, ModelSpec>();
  for (const model of models) {
    if (byName.has(model.name)) throw new ModelError(`model ${model.name} is defined twice (${byName.get(model.name)!.file}, ${model.file})`, model.name);
    byName.set(model.name, model);
  }
  for (const model of models) {
    for (const dep of model.depends) {
      if (!byName.has(dep) && !available.has(dep)) {
        throw new ModelError(`model ${model.name} depends on ${dep}, which is neither a model nor an input`, model.name);
      }
    }
  }
  const ordered: ModelSpec[] = [];
  const done = new Set<string>();
  let pending = [...models].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length > 0) {
    const ready = pending.filter((m) => m.depends.every((d) => done.has(d) || !byName.has(d)));
    if (ready.length === 0) {
      throw new ModelError(`dependency cycle between models: ${findCycle(pending).join(' -> ')}`);
    }
    for (const model of ready) {
      ordered.push(model);
      done.add(model.name);
    }
    pending = pending.filter((m) => !done.has(m.name));
  }
  return ordered;
}

function findCycle(pending: ModelSpec[]): string[] {
  const byName = new Map(pending.map((m) => [m.name, m]));
  let current = pending[0];
  const path: string[] = [];
  while (!path.includes(current.name)) {
    path.push(current.name);
    current = byName.get(current.depends.find((d) => byName.has(d))!)!;
  }
  return [...path.slice(path.indexOf(current.name)), current.name];
}

/** Creates the macros every model may use (`macros.sql`: ages, age bands, label folding). */
export async function createMacros(engine: Engine, file = join(MODELS_DIR, 'macros.sql')): Promise<void> {
  await engine.run(readFileSync(file, 'utf8'));
}

export interface RunOptions {
  /** Directory the tables are written under: `<outDir>/<zone>/<table>/`. */
  outDir: string;
  /**
   * Relations created just before a model that declares them and dropped right after, so that
   * no other model can read them (the identity vault).
   */
  restricted?: Map<string, (engine: Engine) => Promise<void>>;
  onModel?: (event: { model: string; index: number; total: number; run?: ModelRun }) => void;
}

/**
 * Runs the models in dependency order and writes each as Parquet under `<outDir>/<zone>/<table>/`
 * (Hive partitions when the header names `partition_by`), sorted by `order_by`. A model that
 * other models read is first materialised as the table `<zone>.<table>`; one that none reads (the
 * facts) is written straight from its query, which spares a copy of the largest tables, and
 * `<zone>.<table>` becomes a view over the files written.
 */
export async function runModels(engine: Engine, models: ModelSpec[], options: RunOptions): Promise<ModelRun[]> {
  const restricted = options.restricted ?? new Map();
  const read = new Set(models.flatMap((m) => m.depends));
  await engine.run('CREATE SCHEMA IF NOT EXISTS core');
  await engine.run('CREATE SCHEMA IF NOT EXISTS marts');
  const runs: ModelRun[] = [];
  for (const [index, model] of models.entries()) {
    options.onModel?.({ model: model.name, index, total: models.length });
    const started = performance.now();
    const target = `${model.zone}.${quoteIdentifier(model.table)}`;
    const path = join(model.zone, model.table);
    const dir = join(options.outDir, path);
    const opened = model.depends.filter((d) => restricted.has(d));
    let columns: ColumnInfo[];
    try {
      for (const dep of opened) await restricted.get(dep)!(engine);
      columns = await engine.all<ColumnInfo>(`SELECT column_name AS name, column_type AS type FROM (DESCRIBE (${model.sql}\n))`);
      checkLayoutColumns(model, columns);
      if (read.has(model.name)) {
        await engine.run(`CREATE OR REPLACE TABLE ${target} AS\n${model.sql}`);
        await writeParquet(engine, `SELECT * FROM ${target}`, dir, model);
      } else {
        await writeParquet(engine, `SELECT * FROM (${model.sql}\n)`, dir, model);
        await engine.run(`CREATE OR REPLACE VIEW ${target} AS SELECT * FROM ${readWritten(dir, model, columns)}`);
      }
    } catch (error) {
      throw new ModelError(`model ${model.name} (${relative(process.cwd(), model.file)}) failed: ${(error as Error).message}`, model.name);
    } finally {
      for (const dep of opened) await engine.run(`DROP VIEW IF EXISTS ${dep}`);
    }
    const counted = await engine.one<{ n: number }>(`SELECT count(*) AS n FROM ${target}`);
    const run: ModelRun = {
      model: model.name,
      rows: counted?.n ?? 0,
      seconds: (performance.now() - started) / 1000,
      path,
      partitionBy: model.partitionBy,
      columns,
    };
    runs.push(run);
    options.onModel?.({ model: model.name, index, total: models.length, run });
  }
  return runs;
}

function checkLayoutColumns(model: ModelSpec, columns: ColumnInfo[]): void {
  for (const column of [...model.partitionBy, ...model.orderBy]) {
    if (!columns.some((c) => c.name === column)) {
      throw new Error(`partition or order column "${column}" is not in the output`);
    }
  }
}

async function writeParquet(engine: Engine, query: string, dir: string, model: ModelSpec): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const order = model.orderBy.length ? ` ORDER BY ${model.orderBy.map(quoteIdentifier).join(', ')}` : '';
  if (model.partitionBy.length) {
    await engine.run(
      `COPY (${query}${order}) TO ${quoteLiteral(dir)} ` +
        `(FORMAT parquet, PARTITION_BY (${model.partitionBy.map(quoteIdentifier).join(', ')}), COMPRESSION zstd, OVERWRITE_OR_IGNORE)`,
    );
  } else {
    await engine.run(`COPY (${query}${order}) TO ${quoteLiteral(join(dir, 'part-0.parquet'))} (FORMAT parquet, COMPRESSION zstd)`);
  }
}

/**
 * The files a model wrote, as a relation with the model's columns and types: partition columns
 * come back from the Hive paths typed as the model made them (`hive_types`), and an empty
 * partitioned output, which has no file at all, is an empty typed relation.
 */
export function readWritten(dir: string, model: Pick<ModelSpec, 'partitionBy'>, columns: ColumnInfo[]): string {
  const select = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  if (!model.partitionBy.length) return `(SELECT ${select} FROM read_parquet(${quoteLiteral(join(dir, 'part-0.parquet'))}))`;
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    return `(SELECT ${columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`).join(', ')} WHERE false)`;
  }
  const types = model.partitionBy.map((name) => `${quoteLiteral(name)}: ${columns.find((c) => c.name === name)!.type}`).join(', ');
  return `(SELECT ${select} FROM read_parquet(${quoteLiteral(join(dir, '**', '*.parquet'))}, hive_partitioning = true, hive_types = {${types}}))`;
}
