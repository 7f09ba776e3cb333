import type { FastifyInstance } from 'fastify';
import type { QualityReport, WarehouseBackend } from '../backend.ts';
import { HttpError, noBuild } from '../errors.ts';
import { isMaskedCount, maskCount } from '../mask.ts';
import { ResultCache } from '../result-cache.ts';

export interface QualityRoutesOptions {
  backend: WarehouseBackend;
}

const count = (what: string) => ({ type: ['integer', 'null'], description: `${what}; null when 1–9 (masked) or when the check failed` });

const checkSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    table: { type: 'string' },
    kind: { type: 'string', enum: ['completeness', 'validity', 'integrity'] },
    label: { type: 'string', description: 'what is checked, in French' },
    description: { type: 'string' },
    violated: count('rows violating the check'),
    denominator: count('rows checked'),
    percent: { type: ['number', 'null'], description: 'violated / denominator in %, null when masked' },
    masked: { type: 'boolean' },
    failed: { type: 'boolean', description: 'true when the check could not run (the reason is in the server log)' },
  },
  required: ['id', 'table', 'kind', 'label', 'description', 'violated', 'denominator', 'percent', 'masked', 'failed'],
  additionalProperties: false,
};

const COUNTS = ['read', 'loaded', 'quarantined', 'warnings', 'duplicates'] as const;
const quarantineSchema = {
  type: 'object',
  properties: { source: { type: 'string' }, table: { type: 'string' }, ...Object.fromEntries(COUNTS.map((c) => [c, count(`rows ${c}`)])) },
  required: ['source', 'table', ...COUNTS],
  additionalProperties: false,
};

const reportSchema = {
  type: 'object',
  properties: {
    build: { type: 'string' },
    checkedAt: { type: 'string' },
    masked: { type: 'boolean' },
    checks: { type: 'array', items: checkSchema },
    quarantine: { type: 'array', items: quarantineSchema, description: 'what the loads read by this build set aside' },
  },
  required: ['build', 'checkedAt', 'masked', 'checks', 'quarantine'],
  additionalProperties: false,
};

/** `GET /api/quality`: the data-quality checks of the current build, computed once per build, small counts masked. */
export async function qualityRoutes(app: FastifyInstance, { backend }: QualityRoutesOptions): Promise<void> {
  const cache = new ResultCache<QualityReport | null>(1);
  app.get('/', {
    schema: {
      summary: 'Data-quality checks of the current build',
      tags: ['quality'],
      response: { 200: reportSchema, 404: { $ref: 'ApiError#' }, 503: { $ref: 'ApiError#' } },
    },
  }, async (request) => {
    const build = backend.currentBuildId();
    if (!build) throw noBuild();
    const { value: report } = await cache.get(build, 'report', () => backend.qualityReport());
    if (!report) throw new HttpError(404, { error: 'not-found', reason: 'the current build has no quality report' });
    let anyMasked = false;
    const checks = report.checks.map((check) => {
      if (check.error) request.log.warn({ check: check.id, error: check.error }, 'quality check failed');
      const masked = isMaskedCount(check.violated) || isMaskedCount(check.denominator);
      anyMasked ||= masked;
      return {
        id: check.id,
        table: check.table,
        kind: check.kind,
        label: check.label,
        description: check.description,
        violated: maskCount(check.violated),
        denominator: maskCount(check.denominator),
        percent: masked ? null : check.percent,
        masked,
        failed: check.error !== null,
      };
    });
    const quarantine = report.quarantine.map((q) => {
      const out: Record<string, string | number | null> = { source: q.source, table: q.table };
      for (const c of COUNTS) {
        anyMasked ||= isMaskedCount(q[c]);
        out[c] = maskCount(q[c]);
      }
      return out;
    });
    return { build: report.buildId, checkedAt: report.checkedAt, masked: anyMasked, checks, quarantine };
  });
}
