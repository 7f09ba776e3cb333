/**
 * The one shape every KPI returns (docs/marts.md, "KPI results"): the CLI, the API and the web
 * app print it, and tests compare it across engines.
 */
export const KPI_IDS = ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8'] as const;
export type KpiId = (typeof KPI_IDS)[number];

export type KpiUnit = 'percent' | 'per100k' | 'score';

export interface KpiCell {
  key: string;
  label: string;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  masked: boolean;
}

export interface KpiResult {
  kpi: KpiId;
  /** French title shown to users. */
  title: string;
  /** The parameters actually used, after defaults and normalisation (e.g. `J45.0` → `J450`). */
  params: Record<string, string | number | null>;
  /** null when masked. */
  numerator: number | null;
  denominator: number | null;
  /** % with one decimal; per 100,000 for K7; respondent-weighted mean score for K8. */
  rate: number | null;
  unit: KpiUnit;
  /** True when any figure of the result, its breakdown or its notes is masked. */
  masked: boolean;
  breakdown: KpiCell[];
  /** e.g. K1 consultations under several / no establishment, K8 establishments excluded. */
  notes: Record<string, number | null>;
}

export function isKpiId(value: string): value is KpiId {
  return (KPI_IDS as readonly string[]).includes(value);
}
