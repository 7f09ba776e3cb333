import { useEffect } from 'react';
import type { KpiDescriptor } from './api.ts';
import { Link } from './components/Link.tsx';
import { ErrorBox, Loading } from './components/States.tsx';
import { useApi } from './hooks.ts';
import { presentationOf } from './kpi-meta.ts';
import { KpiPage } from './pages/KpiPage.tsx';
import { Overview } from './pages/Overview.tsx';
import { useLocation } from './router.ts';

export function App() {
  const { path, params } = useLocation();
  const catalogue = useApi<KpiDescriptor[]>('/api/kpis');
  const kpiMatch = /^\/kpi\/([^/]+)\/?$/.exec(path);

  const pageTitle = kpiMatch ? `${decodeURIComponent(kpiMatch[1])} — ${catalogue.data?.find((k) => k.id === kpiMatch[1])?.title ?? 'indicateur'}` : "Vue d'ensemble";
  useEffect(() => {
    document.title = `${pageTitle} · Entrepot`;
  }, [pageTitle]);

  let page: React.ReactNode;
  if (path === '/' || path === '') page = <Overview params={params} />;
  else if (kpiMatch && catalogue.data) page = <KpiPage id={decodeURIComponent(kpiMatch[1]).toUpperCase()} params={params} catalogue={catalogue.data} />;
  else if (kpiMatch && catalogue.error !== undefined) page = <ErrorBox error={catalogue.error} />;
  else if (kpiMatch) page = <Loading what="l'indicateur" />;
  else page = (
    <article className="page">
      <h1>Page introuvable</h1>
      <p><Link href="/">Retour à la vue d'ensemble</Link></p>
    </article>
  );

  return (
    <>
      <a className="skip-link" href="#main">Aller au contenu</a>
      <header className="site-header">
        <Link href="/" className="brand" aria-label="Entrepot, vue d'ensemble">
          <span className="brand-mark" aria-hidden="true">E</span> Entrepot
        </Link>
        <nav aria-label="Indicateurs" className="site-nav">
          <ul>
            <li><Link href="/" aria-current={path === '/' ? 'page' : undefined}>Vue d'ensemble</Link></li>
            {(catalogue.data ?? []).map((kpi) => (
              <li key={kpi.id}>
                <Link href={`/kpi/${kpi.id}`} aria-current={kpiMatch?.[1]?.toUpperCase() === kpi.id ? 'page' : undefined} title={kpi.title}>
                  <span className="nav-id">{kpi.id}</span> {presentationOf(kpi.id).short}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>{page}</main>
      <footer className="site-footer">
        <p>Entrepot — entrepôt de données de santé open source. Données agrégées ; effectifs de 1 à 9 masqués. <a href="/api/docs">API (OpenAPI)</a></p>
      </footer>
    </>
  );
}
