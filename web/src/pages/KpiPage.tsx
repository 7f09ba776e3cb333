import { useMemo } from 'react';
import { kpiPath, type KpiDescriptor, type KpiResult, type Periods, type Region } from '../api.ts';
import { DataTable } from '../components/DataTable.tsx';
import { Filters } from '../components/Filters.tsx';
import { chartCells, KpiChart } from '../components/KpiChart.tsx';
import { RegionCartogram } from '../components/RegionCartogram.tsx';
import { EmptyState, ErrorBox, Loading } from '../components/States.tsx';
import { isEmpty, Summary } from '../components/Summary.tsx';
import { useApi } from '../hooks.ts';
import { FILTER_LABELS, presentationOf } from '../kpi-meta.ts';
import { Link } from '../components/Link.tsx';
import { unitLabel } from '../format.ts';
import { hrefWith, setParam } from '../router.ts';

interface KpiPageProps {
  id: string;
  params: URLSearchParams;
  catalogue: KpiDescriptor[];
}

/** One KPI: its filters (in the URL), its chart, the table behind it and the CSV export. */
export function KpiPage({ id, params, catalogue }: KpiPageProps) {
  const kpi = catalogue.find((k) => k.id === id);
  const presentation = presentationOf(id);
  const periods = useApi<Periods>('/api/dimensions/periods');
  const names = (kpi?.params ?? []).map((p) => p.name);
  const takesPeriod = names.includes('from');
  // K1–K6 need a period: without one in the URL, the last year with data.
  const defaultYear = presentation.defaultYear ?? (takesPeriod ? periods.data?.activityYears.at(-1) ?? null : null);
  const query = useMemo(() => {
    const out: Record<string, string> = {};
    for (const name of names) {
      const value = params.get(name);
      if (value) out[name] = value;
    }
    if (defaultYear && names.includes('year') && !out.year && !out.from && !out.to) out.year = String(defaultYear);
    return out;
  }, [names.join(','), params, defaultYear]);
  const missing = (kpi?.params ?? []).filter((p) => p.required && !query[p.name]);
  const waiting = takesPeriod && !query.year && !query.from && periods.loading;

  if (!kpi) {
    return (
      <article className="page">
        <h1>Indicateur inconnu</h1>
        <p>Aucun indicateur « {id} ». <Link href="/">Retour à la vue d'ensemble</Link></p>
      </article>
    );
  }
  const fileBase = `entrepot-${id}${Object.entries(query).map(([k, v]) => `-${k}-${v}`).join('')}`.replace(/[^0-9A-Za-z_.-]/g, '_');
  return (
    <article className="page" aria-labelledby="kpi-title">
      <nav className="breadcrumb" aria-label="Fil d'Ariane">
        <Link href="/">Vue d'ensemble</Link> <span aria-hidden="true">›</span> <span>{id}</span>
      </nav>
      <h1 id="kpi-title"><span className="kpi-id">{id}</span> {kpi.title}</h1>
      <p className="lead">{kpi.description}</p>
      <Filters accepted={names} values={params} defaultYear={defaultYear} />
      {missing.length > 0 ? (
        <div className="empty" role="status" data-testid="missing-filter">
          <p><strong>Choisissez {missing.map((p) => `« ${FILTER_LABELS[p.name] ?? p.name} »`).join(' et ')} pour afficher cet indicateur.</strong></p>
        </div>
      ) : waiting ? <Loading what="les périodes" /> : presentation.chart === 'map'
        ? <MapKpi id={id} query={query} fileBase={fileBase} />
        : <ChartKpi id={id} query={query} fileBase={fileBase} />}
    </article>
  );
}

function ChartKpi({ id, query, fileBase }: { id: string; query: Record<string, string>; fileBase: string }) {
  const result = useApi<KpiResult>(kpiPath(id, query));
  return (
    <section aria-live="polite" aria-busy={result.loading}>
      {result.loading && <Loading what="l'indicateur" />}
      {result.error !== undefined && <ErrorBox error={result.error} />}
      {result.data && <KpiBody result={result.data} fileName={`${fileBase}.csv`} />}
    </section>
  );
}

function KpiBody({ result, fileName }: { result: KpiResult; fileName: string }) {
  if (isEmpty(result)) return <EmptyState />;
  return (
    <>
      <Summary result={result} />
      {chartCells(result).length > 0 && <KpiChart result={result} />}
      <DataTable result={result} fileName={fileName} />
    </>
  );
}

/** K7 and K8: the regions on a cartogram; a click (or the region filter) drills down. */
function MapKpi({ id, query, fileBase }: { id: string; query: Record<string, string>; fileBase: string }) {
  const presentation = presentationOf(id);
  const { region, ...national } = query;
  const nationalResult = useApi<KpiResult>(kpiPath(id, national));
  const regionalResult = useApi<KpiResult>(region ? kpiPath(id, query) : null);
  const regions = useApi<Region[]>('/api/dimensions/regions');
  const regionName = regions.data?.find((r) => r.code === region)?.name ?? region;
  const legend = id === 'K7' ? 'Décès pour 100 000 habitants' : 'Score de satisfaction moyen (sur 100)';
  return (
    <>
      <section aria-live="polite" aria-busy={nationalResult.loading}>
        {nationalResult.loading && <Loading what="la carte" />}
        {nationalResult.error !== undefined && <ErrorBox error={nationalResult.error} />}
        {nationalResult.data && (isEmpty(nationalResult.data) ? <EmptyState /> : (
          <>
            <Summary result={nationalResult.data} />
            <h2>{legend} par région</h2>
            <p className="hint">Choisissez une région (clic, ou Tab puis Entrée) pour voir le détail par {presentation.drillDown?.toLowerCase()}.</p>
            <RegionCartogram
              cells={nationalResult.data.breakdown}
              regions={regions.data ?? []}
              unit={nationalResult.data.unit}
              legend={legend}
              selected={region ?? null}
              onSelect={(code) => setParam('region', code === region ? null : code)}
            />
            <DataTable result={nationalResult.data} fileName={`${fileBase}.csv`} caption={`${nationalResult.data.title} — par région`} />
          </>
        ))}
      </section>
      {region && (
        <section className="drilldown" aria-live="polite" aria-busy={regionalResult.loading} aria-labelledby="drilldown-title">
          <h2 id="drilldown-title">Détail : {regionName}</h2>
          <p><a href={hrefWith(window.location.pathname, { ...Object.fromEntries(new URLSearchParams(window.location.search)), region: null })}
            onClick={(e) => { e.preventDefault(); setParam('region', null); }}>Revenir à la France entière</a></p>
          {regionalResult.loading && <Loading what="le détail" />}
          {regionalResult.error !== undefined && <ErrorBox error={regionalResult.error} />}
          {regionalResult.data && (isEmpty(regionalResult.data) ? <EmptyState /> : (
            <>
              <KpiChart result={regionalResult.data} />
              <DataTable result={regionalResult.data} fileName={`${fileBase}-detail.csv`} breakdownLabel={presentation.drillDown}
                caption={`${regionalResult.data.title} — ${regionName}, ${unitLabel(regionalResult.data.unit).toLowerCase()} par ${presentation.drillDown?.toLowerCase()}`} />
            </>
          ))}
        </section>
      )}
    </>
  );
}
