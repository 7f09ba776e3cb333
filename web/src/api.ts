/** The API's answers, as the server's response schemas describe them (docs/api.md). */
import type { KpiUnit } from '../../src/analytics/kpi-result.ts';

// KPI results keep the KPI layer's own types (type-only: nothing of it enters the bundle).
export type { KpiCell, KpiResult, KpiUnit } from '../../src/analytics/kpi-result.ts';

export interface KpiParam {
  name: string;
  required: boolean;
  default: string | number | null;
  description: string;
  example: string | null;
}

export interface KpiDescriptor {
  id: string;
  title: string;
  description: string;
  unit: KpiUnit;
  numeratorLabel: string;
  denominatorLabel: string;
  breakdownLabel: string;
  params: KpiParam[];
}

export interface Region { code: string; name: string | null; zone: string | null; population: number | null }
export interface Departement { code: string; name: string | null; region: string | null; population: number | null }
export interface Establishment { finess: string; name: string | null; category: string | null; departement: string | null; region: string | null }
export interface Diagnosis { code: string; label: string | null; chapter: string | null; chapterLabel: string | null }
export interface Specialty { code: string; label: string | null }
export interface Survey { survey: string; years: number[] }
export interface Periods { first: string | null; last: string | null; years: number[]; activityYears: number[] }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly param: string | undefined, readonly reason: string) {
    super(reason);
  }
}

const cache = new Map<string, Promise<unknown>>();

/** GET an API path; answers are kept for the page's life (the server caches per build too). */
export function getJson<T>(path: string): Promise<T> {
  let pending = cache.get(path) as Promise<T> | undefined;
  if (!pending) {
    pending = fetchJson<T>(path);
    cache.set(path, pending);
    pending.catch(() => cache.delete(path));
  }
  return pending;
}

async function fetchJson<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', undefined, 'le serveur ne répond pas');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.error ?? 'error', body?.param, body?.reason ?? response.statusText);
  }
  return body as T;
}

export function kpiPath(id: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const query = search.toString();
  return `/api/kpis/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}
