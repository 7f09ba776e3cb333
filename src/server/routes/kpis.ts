import type { FastifyInstance } from 'fastify';
import type { KpiResult, WarehouseBackend } from '../backend.ts';
import { badParameter, HttpError } from '../errors.ts';
import type { MartsAccess } from '../marts-access.ts';
import { KPI_PARAMS, querystringSchema } from '../query-params.ts';
import { paramsKey, ResultCache } from '../result-cache.ts';

export interface KpiRoutesOptions {
  backend: WarehouseBackend;
  marts: MartsAccess;
  /** Serialised KPI answers (JSON text), per build. */
  cache: ResultCache<string>;
}

type KpiQuery = Record<string, string | number>;

/** `GET /api/kpis` (the catalogue) and `GET /api/kpis/:id` (one KPI, masked, cached until the next build). */
export async function kpiRoutes(app: FastifyInstance, options: KpiRoutesOptions): Promise<void> {
  const { backend, marts, cache } = options;
  const catalogue = new Map(backend.listKpis().map((kpi) => [kpi.id, kpi]));

  app.get('/', {
    schema: {
      summary: 'The KPI catalogue',
      tags: ['kpis'],
      response: { 200: { type: 'array', items: { $ref: 'KpiDescriptor#' } } },
    },
  }, async () => [...catalogue.values()]);

  app.get<{ Params: { id: string }; Querystring: KpiQuery }>('/:id', {
    schema: {
      summary: 'One KPI, small cells masked',
      description: 'Parameters a KPI does not accept are refused (400). Answers are cached until the next build (header x-cache).',
      tags: ['kpis'],
      params: { type: 'object', properties: { id: { type: 'string', maxLength: 64, description: 'K1 … K8' } }, required: ['id'] },
      querystring: querystringSchema(KPI_PARAMS),
      response: { 200: { $ref: 'KpiResult#' }, 400: { $ref: 'ApiError#' }, 404: { $ref: 'ApiError#' }, 503: { $ref: 'ApiError#' } },
    },
  }, async (request, reply) => {
    const id = request.params.id.toUpperCase();
    const kpi = catalogue.get(id);
    if (!kpi) {
      throw new HttpError(404, { error: 'unknown-kpi', param: 'id', reason: `no KPI "${request.params.id.slice(0, 8)}" (known: ${[...catalogue.keys()].join(', ')})` });
    }
    const params: KpiQuery = {};
    for (const [name, value] of Object.entries(request.query)) {
      if (!kpi.params.some((p) => p.name === name)) {
        throw badParameter(name, `${id} does not take "${name}" (it takes: ${kpi.params.map((p) => p.name).join(', ')})`);
      }
      params[name] = value;
    }
    const { buildId, value } = await marts.with((engine, build) =>
      cache.get(build, `${id} ${paramsKey(params)}`, async () => {
        let result: KpiResult;
        try {
          result = await backend.runKpi(engine, id, params);
        } catch (error) {
          const param = backend.paramError(error);
          if (param) throw badParameter(param.param, param.reason);
          throw error;
        }
        // Kept serialised, by this route's response schema: a hit costs no query and no serialisation.
        return reply.serialize(result) as string;
      }),
    );
    return reply
      .header('x-cache', value.hit ? 'hit' : 'miss')
      .header('x-entrepot-build', buildId)
      .type('application/json; charset=utf-8')
      .send(value.value);
  });
}
