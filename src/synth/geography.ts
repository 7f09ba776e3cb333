import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hashString, Rng, WeightedPicker } from './random.ts';

/** A commune of the official geographic code (COG), as the generator places people and buildings in it. */
export interface Commune {
  code: string;
  name: string;
  departement: string;
  region: string;
  postalCodes: string[];
  population: number;
  lat: number;
  lon: number;
}

interface CogCommune {
  code: string;
  nom: string;
  type: string;
  zone: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}

/**
 * Chef-lieu of each département (latitude, longitude, spread in degrees). The COG package has no
 * coordinates, so a commune is placed near its département's chef-lieu at a fixed offset derived
 * from its code: good enough for maps and projections, not for distances.
 */
const CENTRES: Record<string, [number, number, number]> = {
  '01': [46.205, 5.226, 0.3], '02': [49.564, 3.62, 0.35], '03': [46.566, 3.333, 0.35], '04': [44.092, 6.236, 0.35],
  '05': [44.559, 6.079, 0.3], '06': [43.71, 7.262, 0.2], '07': [44.735, 4.599, 0.3], '08': [49.773, 4.721, 0.3],
  '09': [42.965, 1.607, 0.25], '10': [48.297, 4.074, 0.3], '11': [43.213, 2.351, 0.3], '12': [44.35, 2.575, 0.4],
  '13': [43.296, 5.37, 0.2], '14': [49.183, -0.371, 0.3], '15': [44.926, 2.44, 0.3], '16': [45.649, 0.156, 0.3],
  '17': [46.16, -1.151, 0.3], '18': [47.081, 2.399, 0.35], '19': [45.267, 1.771, 0.3], '21': [47.322, 5.041, 0.4],
  '22': [48.514, -2.765, 0.3], '23': [46.171, 1.872, 0.3], '24': [45.184, 0.722, 0.4], '25': [47.238, 6.024, 0.3],
  '26': [44.933, 4.892, 0.35], '27': [49.027, 1.151, 0.3], '28': [48.447, 1.489, 0.3], '29': [47.996, -4.102, 0.3],
  '2A': [41.919, 8.739, 0.2], '2B': [42.697, 9.451, 0.25], '30': [43.837, 4.36, 0.3], '31': [43.605, 1.444, 0.4],
  '32': [43.646, 0.586, 0.3], '33': [44.838, -0.579, 0.45], '34': [43.611, 3.877, 0.3], '35': [48.117, -1.678, 0.3],
  '36': [46.811, 1.686, 0.35], '37': [47.394, 0.685, 0.3], '38': [45.188, 5.725, 0.35], '39': [46.675, 5.555, 0.3],
  '40': [43.89, -0.5, 0.4], '41': [47.586, 1.336, 0.35], '42': [45.44, 4.387, 0.3], '43': [45.043, 3.885, 0.3],
  '44': [47.218, -1.554, 0.3], '45': [47.903, 1.909, 0.35], '46': [44.448, 1.441, 0.3], '47': [44.203, 0.616, 0.3],
  '48': [44.518, 3.501, 0.25], '49': [47.478, -0.563, 0.35], '50': [49.116, -1.091, 0.35], '51': [48.957, 4.363, 0.4],
  '52': [48.111, 5.139, 0.35], '53': [48.073, -0.77, 0.3], '54': [48.692, 6.184, 0.35], '55': [48.773, 5.16, 0.35],
  '56': [47.658, -2.76, 0.3], '57': [49.119, 6.176, 0.35], '58': [46.99, 3.159, 0.35], '59': [50.629, 3.057, 0.3],
  '60': [49.43, 2.081, 0.3], '61': [48.432, 0.091, 0.35], '62': [50.291, 2.778, 0.3], '63': [45.778, 3.087, 0.35],
  '64': [43.295, -0.37, 0.4], '65': [43.233, 0.078, 0.25], '66': [42.699, 2.895, 0.25], '67': [48.573, 7.752, 0.3],
  '68': [48.079, 7.358, 0.25], '69': [45.764, 4.836, 0.2], '70': [47.62, 6.155, 0.3], '71': [46.307, 4.828, 0.4],
  '72': [48.006, 0.199, 0.3], '73': [45.564, 5.918, 0.3], '74': [45.899, 6.129, 0.25], '75': [48.857, 2.352, 0.03],
  '76': [49.443, 1.099, 0.3], '77': [48.54, 2.66, 0.3], '78': [48.801, 2.13, 0.15], '79': [46.323, -0.459, 0.3],
  '80': [49.894, 2.296, 0.35], '81': [43.929, 2.148, 0.3], '82': [44.018, 1.355, 0.25], '83': [43.124, 5.928, 0.3],
  '84': [43.949, 4.806, 0.2], '85': [46.67, -1.426, 0.3], '86': [46.58, 0.34, 0.35], '87': [45.834, 1.261, 0.3],
  '88': [48.172, 6.449, 0.3], '89': [47.798, 3.567, 0.35], '90': [47.638, 6.863, 0.08], '91': [48.629, 2.441, 0.12],
  '92': [48.892, 2.207, 0.04], '93': [48.908, 2.44, 0.04], '94': [48.79, 2.455, 0.04], '95': [49.036, 2.076, 0.12],
  '971': [16.2, -61.55, 0.1], '972': [14.64, -61.02, 0.06], '973': [4.922, -52.313, 0.15], '974': [-21.115, 55.536, 0.12],
  '976': [-12.781, 45.15, 0.04],
};

interface CogDepartement {
  code: string;
  nom: string;
}

interface CogRegion {
  code: string;
  nom: string;
}

let shared: Geography | null = null;

/** The geography, parsed once per process: the COG file is 8 MB of JSON. */
export function geography(): Geography {
  return (shared ??= new Geography());
}

/** The communes of metropolitan France, Corsica and the five overseas départements, with samplers. */
export class Geography {
  readonly communes: Commune[];
  readonly byCode: Map<string, Commune>;
  readonly departementNames: Map<string, string>;
  readonly regionNames: Map<string, string>;
  private readonly byPopulation: WeightedPicker<Commune>;
  private readonly pickersByDepartement = new Map<string, WeightedPicker<Commune>>();

  constructor() {
    const cog = readCog<CogCommune>('communes');
    this.communes = cog
      .filter((c) => c.type === 'commune-actuelle' && CENTRES[c.departement] && (c.population ?? 0) > 0 && c.codesPostaux?.length)
      .map((c) => {
        const [lat, lon, spread] = CENTRES[c.departement];
        const h = hashString(c.code);
        const dx = ((h & 0xffff) / 0xffff - 0.5) * 2 * spread;
        const dy = ((h >>> 16) / 0xffff - 0.5) * 2 * spread;
        return {
          code: c.code,
          name: c.nom,
          departement: c.departement,
          region: c.region,
          postalCodes: c.codesPostaux!,
          population: c.population!,
          lat: lat + dy * 0.75,
          lon: lon + dx,
        };
      });
    this.byCode = new Map(this.communes.map((c) => [c.code, c]));
    const departements = readCog<CogDepartement>('departements');
    this.departementNames = new Map(departements.map((d) => [d.code, d.nom]));
    const regions = readCog<CogRegion>('regions');
    this.regionNames = new Map(regions.map((r) => [r.code, r.nom]));
    this.byPopulation = new WeightedPicker(this.communes, (c) => c.population);
  }

  /** A commune drawn in proportion to its population: where people live, are born and die. */
  pick(rng: Rng): Commune {
    return this.byPopulation.pick(rng);
  }

  pickInDepartement(rng: Rng, departement: string): Commune {
    let picker = this.pickersByDepartement.get(departement);
    if (!picker) {
      picker = new WeightedPicker(this.communes.filter((c) => c.departement === departement), (c) => c.population);
      this.pickersByDepartement.set(departement, picker);
    }
    return picker.pick(rng);
  }

  departements(): string[] {
    return Object.keys(CENTRES);
  }
}

/** Plain JSON.parse: going through `require` would hand the 8 MB file to the TypeScript loader. */
function readCog<T>(name: string): T[] {
  const path = createRequire(import.meta.url).resolve(`@etalab/decoupage-administratif/data/${name}.json`);
  return JSON.parse(readFileSync(path, 'utf8')) as T[];
}
