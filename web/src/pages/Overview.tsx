import { useMemo } from 'react';
import { kpiPath, type Establishment, type KpiResult, type Periods, type Region } from '../api.ts';
import { Chart } from '../components/Chart.tsx';
import { DataTable } from '../components/DataTable.tsx';
import { KpiChart } from '../components/KpiChart.tsx';
import { Link } from '../components/Link.tsx';
import { RegionCartogram } from '../components/RegionCartogram.tsx';
import { EmptyState, ErrorBox, Loading } from '../components/States.tsx';
import { isEmpty } from '../components/Summary.tsx';
import { formatCount, formatRate } from '../format.ts';
import { useApi } from '../hooks.ts';
import { CATEGORY } from '../palette.ts';
import { hrefWith, navigate } from '../router.ts';

/**
 * The story of the warehouse, top to bottom: how much activity, how many patients go to
 * hospital, then two regional views the users asked for (deaths 2019, satisfaction 2020).
 */
export function Overview({ params }: { params: URLSearchParams }) {
  const periods = useApi<Periods>('/api/dimensions/periods');
  const years = periods.data?.activityYears ?? [];
  const requested = Number(params.get('year')) || null;
  // The last complete year with data unless the URL names one.
  const year = requested ?? (years.length ? years[years.length - 1] : null);
  const regions = useApi<Region[]>('/api/dimensions/regions');

  return (
    <article className="page overview" aria-labelledby="overview-title">
      <h1 id="overview-title">Vue d'ensemble de l'activité</h1>
      <p className="lead">
        Les chiffres de l'entrepôt, agrégés : aucun patient n'est visible et tout effectif de 1 à 9 est masqué (<strong>&lt;10</strong>).
      </p>
      <form className="filters" aria-label="Filtres de la vue d'ensemble" onSubmit={(e) => e.preventDefault()} data-testid="filters">
        <div className="field" data-filter="year">
          <label htmlFor="overview-year">Année de l'activité</label>
          <select id="overview-year" name="year" value={year ?? ''} onChange={(e) => navigate(hrefWith('/', { year: e.target.value }))}>
            {year !== null && !years.includes(year) && <option value={year}>{year}</option>}
            {[...years].reverse().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </div>
      </form>
      {periods.error !== undefined && <ErrorBox error={periods.error} />}
      {year !== null && (
        <>
          <ActivitySection year={year} />
          <HospitalisationSection year={year} />
        </>
      )}
      <RegionSection
        id="K7" year={2019} regions={regions.data ?? []}
        title="Décès par région en 2019"
        legend="Décès pour 100 000 habitants"
        text="Décès du registre de l'INSEE selon la région de la commune de décès, rapportés à la population de la région."
      />
      <RegionSection
        id="K8" year={2020} regions={regions.data ?? []}
        title="Satisfaction des patients par région en 2020"
        legend="Score de satisfaction moyen (sur 100)"
        text="Score global ajusté e-Satis (hospitalisation +48 h MCO), moyenne des établissements de la région pondérée par leurs répondants."
      />
    </article>
  );
}

function Section({ id, title, children, more }: { id: string; title: string; children: React.ReactNode; more: string }) {
  return (
    <section className="story" aria-labelledby={`${id}-title`} data-section={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
      <p className="more"><Link href={more}>Voir l'indicateur en détail et ses filtres →</Link></p>
    </section>
  );
}

function ActivitySection({ year }: { year: number }) {
  // K1's denominators are all the consultations of each month, whatever the establishment; K1
  // needs one, so the first of the directory is asked for and only the denominators are drawn.
  const establishments = useApi<Establishment[]>('/api/dimensions/establishments?limit=1');
  const finess = establishments.data?.[0]?.finess;
  const result = useApi<KpiResult>(finess ? kpiPath('K1', { year, establishment: finess }) : null);
  const option = useMemo(() => {
    const cells = result.data?.breakdown ?? [];
    return {
      color: CATEGORY,
      grid: { left: 60, right: 24, top: 30, bottom: 40 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: cells.map((c) => c.label), axisLabel: { color: '#333' } },
      yAxis: { type: 'value', name: 'Consultations', nameTextStyle: { color: '#333' }, axisLabel: { color: '#333' } },
      series: [{ type: 'line', name: 'Consultations', data: cells.map((c) => c.denominator), symbolSize: 7, lineStyle: { width: 3 }, areaStyle: { opacity: 0.12 } }],
    };
  }, [result.data]);
  return (
    <Section id="activity" title={`Activité : consultations par mois en ${year}`} more={hrefWith('/kpi/K1', { year, establishment: finess })}>
      {(result.loading || establishments.loading) && <Loading />}
      {establishments.error !== undefined && <ErrorBox error={establishments.error} />}
      {establishments.data?.length === 0 && <EmptyState />}
      {result.error !== undefined && <ErrorBox error={result.error} />}
      {result.data && (isEmpty(result.data) && !result.data.denominator ? <EmptyState /> : (
        <>
          <p className="key-figure"><strong>{formatCount(result.data.denominator, result.data.masked)}</strong> consultations en {year}.</p>
          <Chart option={option} label={`Nombre de consultations par mois en ${year}`} height={300} />
        </>
      ))}
    </Section>
  );
}

function HospitalisationSection({ year }: { year: number }) {
  const result = useApi<KpiResult>(kpiPath('K3', { year }));
  return (
    <Section id="hospitalisation" title={`Taux d'hospitalisation en ${year}`} more={hrefWith('/kpi/K3', { year })}>
      {result.loading && <Loading />}
      {result.error !== undefined && <ErrorBox error={result.error} />}
      {result.data && (isEmpty(result.data) ? <EmptyState /> : (
        <>
          <p className="key-figure">
            {result.data.rate !== null ? (
              <><strong>{formatRate(result.data.rate, 'percent')}</strong> des patients de la file active ont été hospitalisés au moins une fois
                en {year} : {formatCount(result.data.numerator, result.data.masked)} sur {formatCount(result.data.denominator, result.data.masked)} patients.</>
            ) : (
              <>Taux d'hospitalisation <strong>masqué</strong> en {year} : trop peu de patients hospitalisés pour être publiés
                (secret statistique), sur une file active de {formatCount(result.data.denominator, result.data.masked)} patients.</>
            )}
          </p>
          <KpiChart result={result.data} height={280} />
        </>
      ))}
    </Section>
  );
}

function RegionSection({ id, year, regions, title, legend, text }: { id: string; year: number; regions: Region[]; title: string; legend: string; text: string }) {
  const result = useApi<KpiResult>(kpiPath(id, { year }));
  return (
    <Section id={id.toLowerCase()} title={title} more={hrefWith(`/kpi/${id}`, { year })}>
      <p>{text}</p>
      {result.loading && <Loading what="la carte" />}
      {result.error !== undefined && <ErrorBox error={result.error} />}
      {result.data && (isEmpty(result.data) ? <EmptyState /> : (
        <>
          <RegionCartogram cells={result.data.breakdown} regions={regions} unit={result.data.unit} legend={legend}
            onSelect={(code) => navigate(hrefWith(`/kpi/${id}`, { year, region: code }))} />
          <details>
            <summary>Voir le tableau des régions</summary>
            <DataTable result={result.data} fileName={`entrepot-${id}-${year}.csv`} caption={`${title} — tableau`} />
          </details>
        </>
      ))}
    </Section>
  );
}
