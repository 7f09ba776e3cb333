import { ApiError } from '../api.ts';
import { FILTER_LABELS } from '../kpi-meta.ts';

export function Loading({ what = 'les données' }: { what?: string }) {
  return <p className="loading" role="status">Chargement de {what}…</p>;
}

export function EmptyState() {
  return (
    <div className="empty" role="status" data-testid="empty-state">
      <p><strong>Aucune donnée pour ces filtres</strong></p>
      <p>Élargissez la période ou retirez un filtre.</p>
    </div>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  let message = 'Une erreur inattendue est survenue.';
  if (error instanceof ApiError) {
    if (error.code === 'invalid-parameter') {
      message = `Filtre invalide${error.param ? ` « ${FILTER_LABELS[error.param] ?? error.param} »` : ''} : ${error.reason}`;
    } else if (error.code === 'no-build') {
      message = "L'entrepôt n'a pas encore été construit : lancez `entrepot build`.";
    } else if (error.code === 'network') {
      message = 'Le serveur ne répond pas.';
    } else if (error.code === 'unknown-kpi' || error.status === 404) {
      message = "Cet indicateur n'existe pas.";
    } else {
      message = `Le serveur n'a pas pu répondre (${error.code}).`;
    }
  }
  return <div className="error" role="alert" data-testid="error">{message}</div>;
}
