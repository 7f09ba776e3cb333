import type { KpiResult, KpiUnit } from '../analytics/kpi-result.ts';
import type { QualityReport } from '../warehouse/quality/run.ts';
import type { Engine } from '../warehouse/engine.ts';

/**
 * What the server needs from the warehouse and the KPI catalogue. The real implementation
 * (`warehouseBackend`) is built on `src/warehouse` and `src/analytics`; tests of the HTTP layer alone
 * may pass another.
 */
export interface WarehouseBackend {
  /** Id of the published build, or null before the first build. Cheap: called on every request. */
  currentBuildId(): string | null;
  /** A read-only engine whose `marts.<table>` views read the current build. */
  openMarts(): Promise<Engine>;
  listKpis(): KpiDescriptor[];
  /** Always masked: the API has no unmasked mode. */
  runKpi(engine: Engine, id: string, params: Record<string, string | number>): Promise<KpiResult>;
  /** The `{ param, reason }` of a KPI parameter error, or null when `error` is something else. */
  paramError(error: unknown): { param: string; reason: string } | null;
  /** The data-quality report of the current build (unmasked: the server masks it). */
  qualityReport(): Promise<QualityReport | null>;
}

export interface KpiDescriptor {
  id: string;
  title: string;
  description: string;
  unit: KpiUnit;
  numeratorLabel: string;
  denominatorLabel: string;
  breakdownLabel: string;
  /** Query parameters this KPI accepts (names of the API's querystring). */
  params: KpiParamDescriptor[];
}

export interface KpiParamDescriptor {
  name: string;
  required: boolean;
  default: string | number | null;
  description: string;
  example: string | null;
}

export type { KpiCell, KpiResult, KpiUnit } from '../analytics/kpi-result.ts';

export type { CheckResult, QualityReport, QuarantineCount } from '../warehouse/quality/run.ts';
