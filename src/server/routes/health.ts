import type { FastifyInstance } from 'fastify';
import type { MartsAccess } from '../marts-access.ts';

export interface HealthRoutesOptions {
  marts: MartsAccess;
  version: string;
}

const healthSchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'no-build', 'unavailable'] },
    build: { type: ['string', 'null'], description: 'id of the published build the API answers from' },
    version: { type: 'string' },
    uptimeSeconds: { type: 'integer' },
  },
  required: ['status', 'build', 'version', 'uptimeSeconds'],
  additionalProperties: false,
};

/** `GET /api/health`: 200 when the marts of the current build answer a query, 503 otherwise. */
export async function healthRoutes(app: FastifyInstance, { marts, version }: HealthRoutesOptions): Promise<void> {
  const started = Date.now();
  app.get('/', {
    schema: { summary: 'Liveness and the build being served', tags: ['health'], response: { 200: healthSchema, 503: healthSchema } },
  }, async (request, reply) => {
    const uptimeSeconds = Math.floor((Date.now() - started) / 1000);
    const build = marts.currentBuildId();
    if (!build) return reply.code(503).send({ status: 'no-build', build: null, version, uptimeSeconds });
    try {
      await marts.with((engine) => engine.all('SELECT 1 FROM marts.dim_region LIMIT 1'));
      return { status: 'ok', build, version, uptimeSeconds };
    } catch (error) {
      request.log.error({ err: error }, 'health check failed');
      return reply.code(503).send({ status: 'unavailable', build, version, uptimeSeconds });
    }
  });
}
