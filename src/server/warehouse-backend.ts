import { KPI_CATALOGUE, listKpis } from '../analytics/catalogue.ts';
import { KpiParamError } from '../analytics/params.ts';
import { runKpi } from '../analytics/run-kpi.ts';
import { currentBuild, openMarts, type WarehouseLayout } from '../warehouse/index.ts';
import { runQuality } from '../warehouse/quality/run.ts';
import type { KpiDescriptor, WarehouseBackend } from './backend.ts';

/** The server's view of the real warehouse (src/warehouse) and KPI catalogue (src/analytics). */
export function warehouseBackend(layout: WarehouseLayout): WarehouseBackend {
  const catalogue: KpiDescriptor[] = listKpis().map((kpi) => {
    const definition = KPI_CATALOGUE[kpi.id];
    return {
      id: kpi.id,
      title: kpi.title,
      description: kpi.description,
      unit: kpi.unit,
      numeratorLabel: definition.numeratorLabel,
      denominatorLabel: definition.denominatorLabel,
      breakdownLabel: definition.breakdownLabel,
      params: kpi.params.map((p) => ({
        name: p.name,
        required: p.required,
        default: p.default ?? null,
        description: p.description,
        example: p.example ?? null,
      })),
    };
  });
  // The pointer is read again at most every 250 ms: a publish is seen at once by a human, and a
  // load of thousands of requests a second does not re-read build.json for each one.
  let checked = { at: -Infinity, id: null as string | null };
  return {
    currentBuildId() {
      const now = performance.now();
      if (now - checked.at < 250) return checked.id;
      let id: string | null;
      try {
        id = currentBuild(layout)?.id ?? null;
      } catch {
        id = null; // a pointer naming a removed build: as good as no build
      }
      checked = { at: now, id };
      return id;
    },
    openMarts: () => openMarts(layout),
    listKpis: () => catalogue,
    runKpi: (engine, id, params) => runKpi(engine, id, params, { unmasked: false }),
    paramError: (error) => (error instanceof KpiParamError ? { param: error.param, reason: error.reason } : null),
    qualityReport: () => runQuality(layout),
  };
}
