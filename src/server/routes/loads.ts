import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { LoadReport } from '../../sources/load-report.ts';
import type { WarehouseLayout } from '../../warehouse/layout.ts';
import { maskCount, isMaskedCount } from '../mask.ts';

export interface LoadRoutesOptions {
  layout: WarehouseLayout;
}

const COUNTS = ['read', 'loaded', 'quarantined', 'warnings', 'duplicates'] as const;
type Counts = Record<(typeof COUNTS)[number], number | null>;

const countsProperties = Object.fromEntries(COUNTS.map((c) => [c, { type: ['integer', 'null'], description: `rows ${c}; null when 1–9 (masked)` }]));
const countsSchema = { type: 'object', properties: countsProperties, required: [...COUNTS], additionalProperties: false };

const loadSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    startedAt: { type: 'string' },
    finishedAt: { type: 'string' },
    masked: { type: 'boolean' },
    totals: countsSchema,
    batches: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          source: { type: 'string' },
          input: { type: 'string', description: 'file name, or the database URL without credentials' },
          status: { type: 'string' },
          batchId: { type: 'string' },
          durationMs: { type: 'integer' },
          tables: {
            type: 'array',
            items: {
              type: 'object',
              properties: { table: { type: 'string' }, ...countsProperties },
              required: ['table', ...COUNTS],
              additionalProperties: false,
            },
          },
        },
        required: ['source', 'input', 'status', 'batchId', 'durationMs', 'tables'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'startedAt', 'finishedAt', 'masked', 'totals', 'batches'],
  additionalProperties: false,
};

/** `GET /api/loads`: the latest load reports (`_meta/loads/*.json`), raw-zone tables only, small counts masked. */
export async function loadRoutes(app: FastifyInstance, { layout }: LoadRoutesOptions): Promise<void> {
  app.get<{ Querystring: { limit: number } }>('/', {
    schema: {
      summary: 'Latest load reports, newest first',
      tags: ['loads'],
      querystring: {
        type: 'object',
        properties: { limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'at most this many reports (1–50)' } },
        additionalProperties: false,
      },
      response: { 200: { type: 'array', items: loadSchema }, 400: { $ref: 'ApiError#' } },
    },
  }, async (request) => {
    return readLoadReports(layout, request.query.limit).map(({ id, report }) => maskedReport(id, report));
  });
}

function readLoadReports(layout: WarehouseLayout, limit: number): { id: string; report: LoadReport }[] {
  let names: string[];
  try {
    names = readdirSync(layout.loadReports).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  // File names are the start time with `:`/`.` replaced: they sort as time does.
  return names.sort().reverse().slice(0, limit).flatMap((name) => {
    try {
      return [{ id: name.replace(/\.json$/, ''), report: JSON.parse(readFileSync(join(layout.loadReports, name), 'utf8')) as LoadReport }];
    } catch {
      return []; // a report being written is skipped, not an error
    }
  });
}

function maskedReport(id: string, report: LoadReport) {
  let masked = false;
  const maskAll = (counts: Partial<Record<string, number>>): Counts => {
    const out = {} as Counts;
    for (const c of COUNTS) {
      if (isMaskedCount(counts[c])) masked = true;
      out[c] = maskCount(counts[c]);
    }
    return out;
  };
  const batches = (report.batches ?? []).map((batch) => ({
    source: batch.source,
    input: batch.input,
    status: batch.status,
    batchId: batch.batchId,
    durationMs: Math.round(batch.durationMs ?? 0),
    tables: Object.entries(batch.tables ?? {})
      .filter(([, counts]) => counts.zone === 'raw')
      .map(([table, counts]) => ({ table, ...maskAll(counts as unknown as Record<string, number>) })),
  }));
  const totals = maskAll(report.totals ?? {});
  return { id, startedAt: report.startedAt, finishedAt: report.finishedAt, masked, totals, batches };
}
