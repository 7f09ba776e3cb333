/**
 * The projections FINESS writes coordinates in: Lambert 93 for metropolitan France (Corsica
 * included), UTM for the overseas départements. GRS80 / WGS84 ellipsoid (identical to the
 * metre at this precision).
 */
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

export type Projection = 'LAMBERT_93' | 'UTM_N20' | 'UTM_N22' | 'UTM_S40' | 'UTM_S38';

export interface Projected {
  x: number;
  y: number;
  projection: Projection;
}

/** The FINESS projection of a département (COG code). */
export function projectionOf(departement: string): Projection {
  switch (departement) {
    case '971':
    case '972':
      return 'UTM_N20';
    case '973':
      return 'UTM_N22';
    case '974':
      return 'UTM_S40';
    case '976':
      return 'UTM_S38';
    default:
      return 'LAMBERT_93';
  }
}

export function project(lat: number, lon: number, projection: Projection): Projected {
  if (projection === 'LAMBERT_93') return { ...lambert93(lat, lon), projection };
  const zone = Number(projection.slice(5));
  return { ...utm(lat, lon, zone, projection[4] === 'S'), projection };
}

function lambert93(lat: number, lon: number): { x: number; y: number } {
  const m = (phi: number): number => Math.cos(phi) / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
  const t = (phi: number): number =>
    Math.tan(Math.PI / 4 - phi / 2) / ((1 - E * Math.sin(phi)) / (1 + E * Math.sin(phi))) ** (E / 2);
  const phi1 = 44 * RAD;
  const phi2 = 49 * RAD;
  const phi0 = 46.5 * RAD;
  const n = (Math.log(m(phi1)) - Math.log(m(phi2))) / (Math.log(t(phi1)) - Math.log(t(phi2)));
  const bigF = m(phi1) / (n * t(phi1) ** n);
  const rho0 = A * bigF * t(phi0) ** n;
  const rho = A * bigF * t(lat * RAD) ** n;
  const theta = n * (lon - 3) * RAD;
  return { x: 700000 + rho * Math.sin(theta), y: 6600000 + rho0 - rho * Math.cos(theta) };
}

/** Transverse Mercator series (Snyder, Map Projections, 1987, p. 61), exact to the centimetre near the meridian. */
function utm(lat: number, lon: number, zone: number, south: boolean): { x: number; y: number } {
  const k0 = 0.9996;
  const phi = lat * RAD;
  const lambda0 = (zone * 6 - 183) * RAD;
  const ep2 = E2 / (1 - E2);
  const n = A / Math.sqrt(1 - E2 * Math.sin(phi) ** 2);
  const t = Math.tan(phi) ** 2;
  const c = ep2 * Math.cos(phi) ** 2;
  const a = Math.cos(phi) * (lon * RAD - lambda0);
  const m =
    A *
    ((1 - E2 / 4 - (3 * E2 ** 2) / 64 - (5 * E2 ** 3) / 256) * phi -
      ((3 * E2) / 8 + (3 * E2 ** 2) / 32 + (45 * E2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * E2 ** 2) / 256 + (45 * E2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * E2 ** 3) / 3072) * Math.sin(6 * phi));
  const x = k0 * n * (a + ((1 - t + c) * a ** 3) / 6 + ((5 - 18 * t + t ** 2 + 72 * c - 58 * ep2) * a ** 5) / 120);
  const y =
    k0 *
    (m +
      n *
        Math.tan(phi) *
        (a ** 2 / 2 + ((5 - t + 9 * c + 4 * c ** 2) * a ** 4) / 24 + ((61 - 58 * t + t ** 2 + 600 * c - 330 * ep2) * a ** 6) / 720));
  return { x: 500000 + x, y: south ? 10000000 + y : y };
}
