import type { KpiCell, KpiUnit, Region } from '../api.ts';
import { formatRate, unitLabel } from '../format.ts';
import { NO_VALUE, SEQUENTIAL_STOPS, sequential, textOn } from '../palette.ts';

/**
 * A tile-grid cartogram of the 18 regions: one square per region placed roughly where it lies,
 * the five overseas regions in a row below. There is no openly licensed region geometry to ship
 * offline, and equal squares also keep small regions (Corse, Île-de-France) as visible as big ones.
 */
const TILES: Record<string, { col: number; row: number; abbr: string }> = {
  '32': { col: 3, row: 1, abbr: 'HDF' },
  '53': { col: 1, row: 2, abbr: 'BRE' },
  '28': { col: 2, row: 2, abbr: 'NOR' },
  '11': { col: 3, row: 2, abbr: 'IDF' },
  '44': { col: 4, row: 2, abbr: 'GES' },
  '52': { col: 2, row: 3, abbr: 'PDL' },
  '24': { col: 3, row: 3, abbr: 'CVL' },
  '27': { col: 4, row: 3, abbr: 'BFC' },
  '75': { col: 2, row: 4, abbr: 'NAQ' },
  '84': { col: 3, row: 4, abbr: 'ARA' },
  '76': { col: 2, row: 5, abbr: 'OCC' },
  '93': { col: 3, row: 5, abbr: 'PAC' },
  '94': { col: 4, row: 5, abbr: 'COR' },
  '01': { col: 1, row: 7, abbr: 'GUA' },
  '02': { col: 2, row: 7, abbr: 'MTQ' },
  '03': { col: 3, row: 7, abbr: 'GUY' },
  '04': { col: 4, row: 7, abbr: 'LRE' },
  '06': { col: 5, row: 7, abbr: 'MAY' },
};

export const CARTOGRAM_REGIONS = Object.keys(TILES);

interface CartogramProps {
  cells: KpiCell[];
  regions: Region[];
  unit: KpiUnit;
  /** Legend title, e.g. "Décès pour 100 000 habitants". */
  legend: string;
  selected?: string | null;
  onSelect?: (code: string) => void;
}

export function RegionCartogram({ cells, regions, unit, legend, selected, onSelect }: CartogramProps) {
  const byCode = new Map(cells.map((c) => [c.key, c]));
  const names = new Map(regions.map((r) => [r.code, r.name ?? r.code]));
  const values = CARTOGRAM_REGIONS.map((code) => byCode.get(code)?.rate).filter((v): v is number => typeof v === 'number');
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  const scale = (v: number) => (max === min ? 0.5 : (v - min) / (max - min));

  return (
    <div className="cartogram-block">
      <div className="cartogram" role="group" aria-label={`Carte des régions : ${legend}`} data-testid="cartogram">
        {CARTOGRAM_REGIONS.map((code) => {
          const tile = TILES[code];
          const cell = byCode.get(code);
          const value = cell?.rate ?? null;
          const background = value === null ? NO_VALUE : sequential(scale(value));
          const name = names.get(code) ?? cell?.label ?? code;
          const text = value === null ? (cell?.masked ? 'masqué' : 'pas de donnée') : formatRate(value, unit);
          return (
            <button
              key={code}
              type="button"
              className={`tile${value === null ? ' tile-empty' : ''}${selected === code ? ' tile-selected' : ''}`}
              style={{ gridColumn: tile.col, gridRow: tile.row, background, color: textOn(background) }}
              onClick={() => onSelect?.(code)}
              aria-pressed={selected === code}
              aria-label={`${name} : ${text}${onSelect ? ', afficher le détail' : ''}`}
              title={`${name} : ${text}`}
              data-region={code}
            >
              <span className="tile-abbr">{tile.abbr}</span>
              <span className="tile-value">{value === null ? '–' : formatRate(value, unit)}</span>
            </button>
          );
        })}
        <span className="cartogram-overseas-label" style={{ gridColumn: '1 / span 5', gridRow: 6 }}>Outre-mer</span>
      </div>
      <div className="legend" aria-hidden="true">
        <span className="legend-title">{legend || unitLabel(unit)}</span>
        <span className="legend-scale">
          <span>{formatRate(min, unit)}</span>
          <span className="legend-bar" style={{ background: `linear-gradient(to right, ${SEQUENTIAL_STOPS.join(', ')})` }} />
          <span>{formatRate(max, unit)}</span>
        </span>
        <span className="legend-none"><span className="swatch tile-empty" style={{ background: NO_VALUE }} /> masqué ou sans donnée</span>
      </div>
    </div>
  );
}
