import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { expectationOf } from './query-params.ts';

/**
 * Every error the API sends has this shape and nothing else: the serialiser drops a stack trace
 * or any other field an exception might carry.
 */
export interface ApiError {
  error: ApiErrorCode;
  param?: string;
  reason: string;
}

export type ApiErrorCode =
  | 'invalid-parameter'
  | 'unknown-kpi'
  | 'not-found'
  | 'no-build'
  | 'internal-error';

export const apiErrorSchema = {
  $id: 'ApiError',
  type: 'object',
  description: 'An error: a code, the parameter at fault when there is one, and why.',
  properties: {
    error: { type: 'string', enum: ['invalid-parameter', 'unknown-kpi', 'not-found', 'no-build', 'internal-error'] },
    param: { type: 'string' },
    reason: { type: 'string' },
  },
  required: ['error', 'reason'],
  additionalProperties: false,
} as const;

/** An error a route throws on purpose; the handler turns it into its status and JSON body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ApiError,
  ) {
    super(body.reason);
    this.name = 'HttpError';
  }
}

export function badParameter(param: string, reason: string): HttpError {
  return new HttpError(400, { error: 'invalid-parameter', param, reason });
}

export function noBuild(): HttpError {
  return new HttpError(503, {
    error: 'no-build',
    reason: 'the warehouse has no published build yet: run `entrepot build`',
  });
}

interface ValidationItem {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Names the parameter an Ajv validation error is about (`/year` → `year`, unknown → its name). */
function validationParam(item: ValidationItem): string {
  if (item.keyword === 'additionalProperties' && typeof item.params?.additionalProperty === 'string') {
    return item.params.additionalProperty;
  }
  if (item.keyword === 'required' && typeof item.params?.missingProperty === 'string') {
    return item.params.missingProperty;
  }
  return (item.instancePath ?? '').replace(/^\//, '').split('/')[0] || 'query';
}

function validationReason(param: string, item: ValidationItem): string {
  if (item.keyword === 'additionalProperties') return `"${param}" is not a parameter of this endpoint`;
  if (item.keyword === 'required') return `"${param}" is required`;
  const expected = expectationOf(param);
  return expected ? `expected ${expected}` : (item.message ?? 'invalid value');
}

/**
 * Registers the one error handler and the JSON 404 for `/api`. Unexpected errors are logged with
 * their stack on the server and answered with a bare code: a stack trace never reaches a client.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).type('application/json').send(error.body);
    }
    const validation = (error as FastifyError).validation as ValidationItem[] | undefined;
    if (validation && validation.length > 0) {
      const param = validationParam(validation[0]);
      return reply.code(400).type('application/json').send({ error: 'invalid-parameter', param, reason: validationReason(param, validation[0]) });
    }
    const status = (error as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) {
      // Fastify's own client errors (malformed URL, bad content type, …): say what, without internals.
      const code: ApiErrorCode = status === 404 ? 'not-found' : 'invalid-parameter';
      return reply.code(status).type('application/json').send({ error: code, reason: clientReason(error as FastifyError) });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).type('application/json').send({ error: 'internal-error', reason: 'the server could not answer this request; the cause is in its log' });
  });
}

function clientReason(error: FastifyError): string {
  // Fastify codes (FST_ERR_…) carry messages meant for clients; anything else is summarised.
  return error.code?.startsWith('FST_') ? error.message : 'invalid request';
}
