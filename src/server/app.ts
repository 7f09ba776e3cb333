import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { WarehouseLayout } from '../warehouse/layout.ts';
import type { WarehouseBackend } from './backend.ts';
import { apiErrorSchema, installErrorHandling } from './errors.ts';
import { MartsAccess } from './marts-access.ts';
import { ResultCache } from './result-cache.ts';
import { sharedSchemas } from './schemas.ts';
import { dimensionRoutes } from './routes/dimensions.ts';
import { healthRoutes } from './routes/health.ts';
import { kpiRoutes } from './routes/kpis.ts';
import { loadRoutes } from './routes/loads.ts';
import { qualityRoutes } from './routes/quality.ts';
import { serveWebApp, webBuilt, WEB_DIST } from './web-assets.ts';
import { warehouseBackend } from './warehouse-backend.ts';

export interface AppOptions {
  layout: WarehouseLayout;
  /** Defaults to the real warehouse and KPI catalogue. */
  backend?: WarehouseBackend;
  /** Directory of the built web app; false serves the API alone. Default: web/dist when built. */
  webDist?: string | false;
  logger?: FastifyServerOptions['logger'];
  /** KPI answers kept per build (least recently used dropped first). */
  cacheEntries?: number;
}

const VERSION = '0.1.0';

/**
 * The Entrepot HTTP API (and the web app when built): one Fastify plugin per route family under
 * /api, OpenAPI at /api/openapi.json and /api/docs. Read-only: it opens the marts of the current
 * build and sends aggregates only, small cells masked.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const backend = options.backend ?? warehouseBackend(options.layout);
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
    // A long query string is refused by the schema (maxLength), not by a parser limit with an HTML page.
    routerOptions: { maxParamLength: 200 },
  });
  const marts = new MartsAccess(backend);
  const cache = new ResultCache<string>(options.cacheEntries ?? 1000);
  app.addHook('onClose', async () => marts.close());

  installErrorHandling(app);
  app.addSchema(apiErrorSchema);
  for (const schema of sharedSchemas) app.addSchema(schema);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Entrepot API',
        version: VERSION,
        description: 'KPIs and look-ups of the Entrepot clinical data warehouse. Aggregates only; counts of 1–9 are masked (null, shown `<10`).',
      },
      tags: [
        { name: 'kpis', description: 'The eight activity KPIs (KPIS.md)' },
        { name: 'dimensions', description: 'Look-ups behind the filters' },
        { name: 'quality', description: 'Data quality of the current build' },
        { name: 'loads', description: 'Load reports' },
        { name: 'health', description: 'Liveness' },
      ],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(kpiRoutes, { prefix: '/api/kpis', backend, marts, cache });
  await app.register(dimensionRoutes, { prefix: '/api/dimensions', marts });
  await app.register(qualityRoutes, { prefix: '/api/quality', backend });
  await app.register(loadRoutes, { prefix: '/api/loads', layout: options.layout });
  await app.register(healthRoutes, { prefix: '/api/health', marts, version: VERSION });

  const dist = options.webDist ?? (webBuilt() ? WEB_DIST : false);
  if (dist) await serveWebApp(app, dist);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (dist && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).type('application/json').send({ error: 'not-found', reason: `no route ${request.method} ${path.slice(0, 200)}` });
  });
  return app;
}
