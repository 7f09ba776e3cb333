import { useEffect, useId, useState } from 'react';
import { getJson, type Diagnosis, type Establishment, type Periods, type Region, type Specialty, type Survey } from '../api.ts';
import { useApi } from '../hooks.ts';
import { AGE_BANDS, FILTER_LABELS, SURVEY_LABELS } from '../kpi-meta.ts';
import { navigate } from '../router.ts';

interface FiltersProps {
  /** Parameters the KPI accepts (from the catalogue). */
  accepted: string[];
  values: URLSearchParams;
  /** Year shown when the URL names none (the KPI's default). */
  defaultYear?: number | null;
}

const ORDER = ['year', 'from', 'to', 'establishment', 'diagnosis', 'sex', 'ageBand', 'specialty', 'professional', 'region', 'survey'];

/**
 * The filters of a KPI page. Each one lives in the URL's query string: changing it changes the
 * URL (a new history entry), and the page re-reads the URL, so a copied link shows the same view.
 */
export function Filters({ accepted, values, defaultYear }: FiltersProps) {
  const set = (changes: Record<string, string | null>) => {
    const url = new URL(window.location.href);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === '') url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    url.searchParams.sort();
    navigate(url.pathname + url.search);
  };
  const names = ORDER.filter((name) => accepted.includes(name));
  const active = names.filter((name) => values.get(name));
  return (
    <form className="filters" aria-label="Filtres" onSubmit={(e) => e.preventDefault()} data-testid="filters">
      {names.map((name) => (
        <FilterControl key={name} name={name} value={values.get(name) ?? ''} set={set} defaultYear={defaultYear} />
      ))}
      {active.length > 0 && (
        <button type="button" className="button button-secondary" onClick={() => set(Object.fromEntries(active.map((n) => [n, null])))}>
          Réinitialiser les filtres
        </button>
      )}
    </form>
  );
}

interface ControlProps {
  name: string;
  value: string;
  set: (changes: Record<string, string | null>) => void;
  defaultYear?: number | null;
}

function FilterControl({ name, value, set, defaultYear }: ControlProps) {
  const id = useId();
  const label = FILTER_LABELS[name] ?? name;
  const field = (control: React.ReactNode) => (
    <div className="field" data-filter={name}>
      <label htmlFor={id}>{label}</label>
      {control}
    </div>
  );
  switch (name) {
    case 'year':
      return field(<YearSelect id={id} value={value} set={set} defaultYear={defaultYear} />);
    case 'from':
    case 'to':
      return field(
        <input id={id} name={name} type="date" value={value} min="1900-01-01" max="2100-12-31"
          onChange={(e) => set({ [name]: e.target.value || null, year: null })} />,
      );
    case 'sex':
      return field(
        <select id={id} name={name} value={value} onChange={(e) => set({ sex: e.target.value })}>
          <option value="">Tous</option>
          <option value="F">Femmes</option>
          <option value="M">Hommes</option>
        </select>,
      );
    case 'ageBand':
      return field(
        <select id={id} name={name} value={value} onChange={(e) => set({ ageBand: e.target.value })}>
          <option value="">Toutes</option>
          {AGE_BANDS.map((band) => <option key={band} value={band}>{band.replace('-', '–')} ans</option>)}
        </select>,
      );
    case 'region':
      return field(<RegionSelect id={id} value={value} set={set} />);
    case 'specialty':
      return field(<SpecialtySelect id={id} value={value} set={set} />);
    case 'survey':
      return field(<SurveySelect id={id} value={value} set={set} />);
    case 'establishment':
      return field(<SearchInput id={id} name={name} value={value} set={set} search={searchEstablishments} placeholder="ex. Lyon ou 690000000" />);
    case 'diagnosis':
      return field(<SearchInput id={id} name={name} value={value} set={set} search={searchDiagnoses} placeholder="ex. J45 ou asthme" />);
    default:
      return field(<TextInput id={id} name={name} value={value} set={set} />);
  }
}


function YearSelect({ id, value, set, defaultYear }: { id: string; value: string; set: ControlProps['set']; defaultYear?: number | null }) {
  const periods = useApi<Periods>('/api/dimensions/periods');
  const years = new Set(periods.data?.years ?? []);
  if (defaultYear) years.add(defaultYear);
  if (value) years.add(Number(value));
  return (
    <select id={id} name="year" value={value} onChange={(e) => set({ year: e.target.value, from: null, to: null })}>
      <option value="">{defaultYear ? `Par défaut (${defaultYear})` : 'Par défaut'}</option>
      {[...years].sort((a, b) => b - a).map((y) => <option key={y} value={y}>{y}</option>)}
    </select>
  );
}

function RegionSelect({ id, value, set }: { id: string; value: string; set: ControlProps['set'] }) {
  const regions = useApi<Region[]>('/api/dimensions/regions');
  const list = (regions.data ?? []).filter((r) => r.zone !== 'com');
  return (
    <select id={id} name="region" value={value} onChange={(e) => set({ region: e.target.value })}>
      <option value="">Toutes les régions</option>
      {value && !list.some((r) => r.code === value) && <option value={value}>{value}</option>}
      {list.map((r) => <option key={r.code} value={r.code}>{r.name ?? r.code}</option>)}
    </select>
  );
}

function SpecialtySelect({ id, value, set }: { id: string; value: string; set: ControlProps['set'] }) {
  const specialties = useApi<Specialty[]>('/api/dimensions/specialties');
  return (
    <select id={id} name="specialty" value={value} onChange={(e) => set({ specialty: e.target.value })}>
      <option value="">Toutes</option>
      {value && !specialties.data?.some((s) => s.code === value) && <option value={value}>{value}</option>}
      {(specialties.data ?? []).map((s) => <option key={s.code} value={s.code}>{s.label ?? s.code}</option>)}
    </select>
  );
}

function SurveySelect({ id, value, set }: { id: string; value: string; set: ControlProps['set'] }) {
  const surveys = useApi<Survey[]>('/api/dimensions/surveys');
  return (
    <select id={id} name="survey" value={value} onChange={(e) => set({ survey: e.target.value })}>
      <option value="">Par défaut ({SURVEY_LABELS['48h-mco']})</option>
      {value && !surveys.data?.some((s) => s.survey === value) && <option value={value}>{value}</option>}
      {(surveys.data ?? []).map((s) => <option key={s.survey} value={s.survey}>{SURVEY_LABELS[s.survey] ?? s.survey}</option>)}
    </select>
  );
}

function TextInput({ id, name, value, set }: { id: string; name: string; value: string; set: ControlProps['set'] }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => draft.trim() !== value && set({ [name]: draft.trim() });
  return (
    <input id={id} name={name} type="text" value={draft} maxLength={64} autoComplete="off"
      onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
  );
}

interface Option { value: string; label: string }

const searchEstablishments = async (q: string): Promise<Option[]> =>
  (await getJson<Establishment[]>(`/api/dimensions/establishments?q=${encodeURIComponent(q)}&limit=20`))
    .map((e) => ({ value: e.finess, label: `${e.name ?? ''}${e.departement ? ` (${e.departement})` : ''}` }));

const searchDiagnoses = async (q: string): Promise<Option[]> =>
  (await getJson<Diagnosis[]>(`/api/dimensions/diagnoses?q=${encodeURIComponent(q)}&limit=20`))
    .map((d) => ({ value: d.code, label: d.label ?? '' }));

/**
 * A text field with suggestions (a datalist filled as the user types). The code is what goes in
 * the URL; it is applied on Enter, on leaving the field, or on picking a suggestion.
 */
function SearchInput({ id, name, value, set, search, placeholder }: {
  id: string; name: string; value: string; set: ControlProps['set']; search: (q: string) => Promise<Option[]>; placeholder: string;
}) {
  const [draft, setDraft] = useState(value);
  const [options, setOptions] = useState<Option[]>([]);
  const listId = `${id}-suggestions`;
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    const q = draft.trim();
    if (q.length < 1 || q.length > 100) return;
    let current = true;
    const timer = setTimeout(() => {
      search(q).then((found) => current && setOptions(found), () => current && setOptions([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, search]);
  const commit = (next = draft) => {
    const code = next.trim();
    if (code !== value) set({ [name]: code });
  };
  const chosen = options.find((o) => o.value === value);
  return (
    <>
      <input id={id} name={name} type="search" value={draft} list={listId} placeholder={placeholder} maxLength={100} autoComplete="off"
        aria-describedby={chosen ? `${id}-chosen` : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          // Picking a suggestion fires an input event whose value is exactly an option's.
          if (options.some((o) => o.value === e.target.value)) commit(e.target.value);
        }}
        onBlur={() => commit()}
        onKeyDown={(e) => e.key === 'Enter' && commit()} />
      <datalist id={listId}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </datalist>
      {chosen && <span id={`${id}-chosen`} className="field-hint">{chosen.label}</span>}
    </>
  );
}
