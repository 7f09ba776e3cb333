import { age, dayOf, daysInMonth, pad, weekday, ymd, type Day } from './calendar.ts';
import {
  BLOOD_GROUPS,
  CONSULTATION_REASONS,
  COUNTRIES,
  FINESS_CATEGORIES,
  LABORATORIES,
  MEDICAMENTS,
  MUTUELLES,
  PLACE_NAMES,
  PROFESSIONS,
  SPECIALTIES,
  type FinessCategory,
  type Specialty,
} from './catalogues.ts';
import { COVID_FROM, DIAGNOSES, type Diagnosis } from './cim10.ts';
import { geography, type Commune } from './geography.ts';
import { adeliNumber, luhnDigit, nirNumber, phoneNumber, rppsNumber, siretNumber } from './identifiers.ts';
import { EMAIL_DOMAINS, FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, STREET_NAMES, STREET_TYPES, SURNAMES } from './names.ts';
import { project, projectionOf, type Projected } from './projection.ts';
import { Rng, WeightedPicker } from './random.ts';

export interface SynthOptions {
  seed: number;
  patients: number;
  fromYear: number;
  toYear: number;
  /** Probability scale of every kind of dirt (docs/synth.md gives each kind's share). */
  dirt: number;
}

export interface Establishment {
  index: number;
  finessEt: string;
  finessEj: string;
  name: string;
  longName: string;
  ejName: string;
  category: FinessCategory;
  commune: Commune;
  street: { number: string; typeCode: string; name: string };
  phone: string;
  fax: string;
  siret: string;
  openedOn: Day;
  authorisedOn: Day;
  updatedOn: Day;
  coordinates: Projected;
  /** One of the hospital group's sites: where stays and the group's consultations happen. */
  site: boolean;
  /** Relative activity of a site (patients and professionals are drawn in proportion). */
  size: number;
}

/** A period a professional works at one of the group's sites. */
export interface Stint {
  site: Establishment;
  start: Day;
  end: Day | null;
}

/** A line of the RPPS directory: `S` salaried at a FINESS site, `L` liberal practice (no FINESS). */
export interface Activity {
  mode: 'S' | 'L';
  site: Establishment | null;
  commune: Commune;
  start: Day;
  end: Day | null;
}

export interface Professional {
  index: number;
  id: string;
  idType: 'RPPS' | 'ADELI';
  civility: string;
  category: string;
  surname: string;
  firstName: string;
  specialty: Specialty;
  stints: Stint[];
  activities: Activity[];
}

export interface BirthPlace {
  /** COG commune code, or `99` + country code. */
  code: string;
  /** Commune (or foreign city) name, upper case, as INSEE writes it. */
  name: string;
  /** Empty when born in France. */
  country: string;
}

export interface Patient {
  id: number;
  sex: 'M' | 'F';
  surname: string;
  firstNames: string[];
  birth: Day;
  birthPlace: BirthPlace;
  street: string;
  /** Null when the patient lives abroad. */
  commune: Commune | null;
  city: string;
  postalCode: string;
  country: string;
  email: string | null;
  phone: string | null;
  nir: string;
  bloodGroup: string;
  weightKg: number;
  heightCm: number;
  /** Age as the hospital recorded it when the file was opened: stale by design. */
  recordedAge: number;
  homeSite: Establishment;
  mutuelles: number[];
  death: Death | null;
}

export interface Death {
  day: Day;
  placeCode: string;
  recordNumber: string;
}

export interface Consultation {
  day: Day;
  /** Minutes since midnight. */
  start: number;
  end: number;
  professional: Professional;
  diagnosis: Diagnosis;
  reason: string;
  mutuelle: number | null;
  prescriptions: string[];
  room: { bloc: string; floor: number; number: number } | null;
}

export interface Stay {
  day: Day;
  lengthOfStay: number;
  site: Establishment;
  diagnosis: Diagnosis;
}

export interface Care {
  consultations: Consultation[];
  stays: Stay[];
}

/** A death registered in the INSEE file of a year, national or one of the group's patients. */
export interface DeathRecord {
  surname: string;
  givenNames: string[];
  sex: 'M' | 'F';
  birth: Day;
  birthPlace: BirthPlace;
  death: Day;
  deathPlace: string;
  recordNumber: string;
  /** The group's patient this death belongs to, if any. */
  patientId: number | null;
}

/** The INSEE death files the generator writes (fixed width for 2019 and 2020, CSV for 2021). */
export const DEATH_FILE_YEARS: readonly number[] = [2019, 2020, 2021];

const FOREIGN_ADDRESSES: readonly [country: string, city: string, postalCode: string][] = [
  ['Belgique', 'Bruxelles', '1000'],
  ['Suisse', 'Genève', '1201'],
  ['Luxembourg', 'Luxembourg', '1009'],
  ['Allemagne', 'Sarrebruck', '66111'],
  ['Espagne', 'Barcelone', '08001'],
  ['Italie', 'Turin', '10121'],
];

/**
 * Consultations and stays per patient living through the whole range; patients born or dead
 * within it bring the means down to the ~8 and ~0.25 the design asks for.
 */
const CONSULTATIONS_PER_PATIENT = 8.8;
const STAYS_PER_PATIENT = 0.27;

/**
 * The synthetic hospital group: the national establishments and professionals, the group's
 * sites, and its patients. Fixed parts are built once; a patient and its care are rebuilt on
 * demand from the seed and the patient's id, so that no writer needs them all in memory.
 */
export class Hospital {
  readonly geography = geography();
  readonly establishments: Establishment[] = [];
  readonly sites: Establishment[];
  readonly professionals: Professional[];
  readonly firstDay: Day;
  readonly lastDay: Day;
  /** Day the snapshot sources (FINESS, RPPS, care database) were extracted. */
  readonly snapshotDay: Day;
  private readonly sitePicker: WeightedPicker<Establishment>;
  private readonly rosters = new Map<Establishment, Map<string, Professional[]>>();
  private readonly professionalIds = new Set<string>();
  private readonly consultationPickers = new Map<string, WeightedPicker<Diagnosis>>();
  private readonly stayPickers = new Map<string, WeightedPicker<Diagnosis>>();
  private readonly chronicCandidates: Diagnosis[];
  private readonly specialtyPicker = new WeightedPicker(SPECIALTIES, (s) => s.weight);
  private readonly countryPicker = new WeightedPicker(COUNTRIES, (c) => c[3]);
  private readonly bloodPicker = new WeightedPicker(BLOOD_GROUPS, (b) => b[1]);
  private readonly covidFrom: Day;
  /** Where pharmacists work (pharmacies, laboratories), and where the other professionals do. */
  private readonly dispensaries: Establishment[];
  private readonly carePlaces: Establishment[];

  constructor(readonly options: SynthOptions) {
    this.firstDay = dayOf(options.fromYear, 1, 1);
    this.lastDay = dayOf(options.toYear, 12, 31);
    this.snapshotDay = this.lastDay;
    const [y, m, d] = COVID_FROM.split('-').map(Number);
    this.covidFrom = dayOf(y, m, d);
    this.buildEstablishments();
    const dispensary = (e: Establishment): boolean => e.category.kind === 'pharmacy' || e.category.kind === 'laboratory';
    this.dispensaries = this.establishments.filter(dispensary);
    this.carePlaces = this.establishments.filter((e) => !dispensary(e));
    this.sites = this.chooseSites();
    this.sitePicker = new WeightedPicker(this.sites, (s) => s.size);
    this.professionals = this.buildProfessionals();
    this.chronicCandidates = DIAGNOSES.filter(
      (d) => 'CEFGHIJKLMN'.includes(d.code[0]) && d.consultationWeight >= 1 && !['pregnant', 'newborn', 'child', 'covid'].includes(d.eligibility ?? ''),
    );
  }

  rng(stream: string, index = 0): Rng {
    return new Rng(this.options.seed, stream, index);
  }

  /** Whether the patient's death is in one of the INSEE files written, so linkage must find it. */
  inDeathFiles(patient: Patient): boolean {
    return patient.death !== null && DEATH_FILE_YEARS.includes(ymd(patient.death.day).year);
  }

  /**
   * Surnames that occur in no other text the warehouse may legitimately hold (commune and
   * establishment names, labels, catalogues, hexadecimal pseudonyms): a privacy test can grep
   * the warehouse for them without false alarms.
   */
  distinctiveSurnames(): Set<string> {
    const haystack = [
      ...this.geography.communes.map((c) => c.name),
      ...this.establishments.flatMap((e) => [e.name, e.longName, e.ejName, e.category.label, e.category.groupLabel]),
      ...DIAGNOSES.map((d) => d.label),
      ...SPECIALTIES.flatMap((s) => [s.label, s.function]),
      ...CONSULTATION_REASONS,
      ...MEDICAMENTS.map((m) => m[1]),
      ...MUTUELLES.flat(),
      ...LABORATORIES.flat(),
      ...COUNTRIES.flatMap((c) => [c[1], ...c[2]]),
      ...STREET_NAMES,
      ...PLACE_NAMES,
      ...Object.values(PROFESSIONS),
    ].map(fold).join('|');
    return new Set(SURNAMES.filter((name) => {
      const folded = fold(name);
      return folded.length >= 4 && /[G-Z]/.test(folded) && !haystack.includes(folded);
    }));
  }

  // ---- establishments -------------------------------------------------------------------

  private buildEstablishments(): void {
    const rng = this.rng('establishments');
    const counters = new Map<string, number>();
    const ch = FINESS_CATEGORIES.find((c) => c.code === '355')!;
    const chr = FINESS_CATEGORIES.find((c) => c.code === '101')!;
    // Every département gets its hospital first, so that Corsica and each overseas département are present whatever the draw.
    for (const departement of this.geography.departements()) {
      this.addEstablishment(rng, ch, this.geography.pickInDepartement(rng, departement), counters);
    }
    const largest = [...this.geography.communes].sort((a, b) => b.population - a.population || (a.code < b.code ? -1 : 1));
    for (const commune of largest.slice(0, chr.count)) this.addEstablishment(rng, chr, commune, counters);
    for (const category of FINESS_CATEGORIES) {
      const already = this.establishments.filter((e) => e.category === category).length;
      for (let i = already; i < category.count; i++) this.addEstablishment(rng, category, this.geography.pick(rng), counters);
    }
  }

  private addEstablishment(rng: Rng, category: FinessCategory, commune: Commune, counters: Map<string, number>): void {
    const [shortPattern, longPattern] = rng.pick(category.names);
    const place = rng.pick(PLACE_NAMES);
    const city = commune.name.toUpperCase();
    const longName = latin1Safe(longPattern.replace('{CITY}', city).replace('{NAME}', place));
    const name = fold(shortPattern.replace('{CITY}', city).replace('{NAME}', place));
    const prefix = commune.departement;
    const next = (series: string): string => {
      const width = 8 - prefix.length - series.length;
      const key = prefix + series;
      const value = (counters.get(key) ?? rng.int(1, 40)) + rng.int(1, 9);
      counters.set(key, value);
      const body = prefix + series + pad(value % 10 ** width, width);
      return body + luhnDigit(body.replace(/[AB]/g, '0'));
    };
    const finessEt = next('0');
    const finessEj = next('78');
    const publicBody = category.kind === 'public';
    const opened = dayOf(rng.int(1950, this.options.fromYear - 3), rng.int(1, 12), rng.int(1, 28));
    const jitter = (): number => (rng.next() - 0.5) * 0.02;
    this.establishments.push({
      index: this.establishments.length,
      finessEt,
      finessEj,
      name,
      longName,
      ejName: publicBody || category.kind === 'espic' ? name : `${rng.pick(['SAS', 'SA', 'SELARL', 'SARL'])} ${name}`,
      category,
      commune,
      street: { number: String(rng.int(1, 250)), typeCode: rng.pick(STREET_TYPES)[0], name: rng.pick(STREET_NAMES).toUpperCase() },
      phone: phoneNumber(rng, commune.departement, false),
      fax: rng.chance(0.7) ? phoneNumber(rng, commune.departement, false) : '',
      siret: siretNumber(rng, publicBody),
      openedOn: opened,
      authorisedOn: rng.chance(0.6) ? opened : opened + rng.int(30, 3000),
      updatedOn: this.snapshotDay - rng.int(10, 1100),
      coordinates: project(commune.lat + jitter(), commune.lon + jitter(), projectionOf(commune.departement)),
      site: false,
      size: category.size,
    });
  }

  private chooseSites(): Establishment[] {
    const rng = this.rng('sites');
    const count = rng.int(30, 60);
    const candidates = this.establishments.filter((e) => e.category.hospital);
    const chosen = new Set<Establishment>();
    // One site per region first: the group's activity then reaches every region, Corsica and overseas included.
    const regions = [...new Set(candidates.map((e) => e.commune.region))].sort();
    for (const region of regions) chosen.add(rng.pick(candidates.filter((e) => e.commune.region === region)));
    const picker = new WeightedPicker(candidates, (e) => e.category.size);
    while (chosen.size < count) chosen.add(picker.pick(rng));
    const sites = [...chosen].sort((a, b) => a.index - b.index);
    for (const site of sites) {
      site.site = true;
      site.size = site.category.size * (0.5 + rng.next());
    }
    return sites;
  }

  // ---- professionals --------------------------------------------------------------------

  private buildProfessionals(): Professional[] {
    const count = Math.max(60, Math.round(this.options.patients / 30));
    const generalist = SPECIALTIES.find((s) => s.code === 'SM54')!;
    const professionals: Professional[] = [];
    for (let index = 0; index < count; index++) {
      const rng = this.rng('professional', index);
      // The first professionals are one permanent generalist per site, so every site can always see a patient.
      const anchor = index < this.sites.length;
      const specialty = anchor ? generalist : this.specialtyPicker.pick(rng);
      const home = anchor ? this.sites[index] : this.sitePicker.pick(rng);
      const sex = rng.chance(0.5) ? 'M' : 'F';
      let id: string;
      const idType = rng.chance(specialty.adeliShare) ? 'ADELI' : 'RPPS';
      do id = idType === 'ADELI' ? adeliNumber(rng, home.commune.departement, specialty.profession) : rppsNumber(rng);
      while (this.professionalIds.has(id));
      this.professionalIds.add(id);
      const doctor = specialty.profession === '10';
      const stints = anchor ? [{ site: home, start: this.firstDay - rng.int(400, 9000), end: null }] : this.stints(rng, home);
      const professional: Professional = {
        index,
        id,
        idType,
        civility: doctor ? (home.category.code === '101' && rng.chance(0.15) ? 'Pr' : 'Dr') : sex === 'M' ? 'M.' : 'Mme',
        category: rng.chance(0.95) ? 'Civil' : rng.pick(['Militaire', 'Etudiant']),
        surname: rng.pick(SURNAMES),
        firstName: rng.pick(sex === 'M' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
        specialty,
        stints,
        activities: anchor ? stints.map((s) => salaried(s)) : this.activities(rng, stints),
      };
      professionals.push(professional);
      for (const stint of stints) {
        let bySpecialty = this.rosters.get(stint.site);
        if (!bySpecialty) this.rosters.set(stint.site, (bySpecialty = new Map()));
        const list = bySpecialty.get(specialty.code) ?? [];
        list.push(professional);
        bySpecialty.set(specialty.code, list);
      }
    }
    return professionals;
  }

  private stints(rng: Rng, home: Establishment): Stint[] {
    const range = this.lastDay - this.firstDay;
    const start = rng.chance(0.75) ? this.firstDay - rng.int(30, 7000) : this.firstDay + rng.int(0, Math.floor(range * 0.8));
    const shape = rng.next();
    if (shape < 0.12) {
      // Works at two sites at once: the consultation cannot be attributed to one establishment.
      return [{ site: home, start, end: null }, { site: this.otherSite(rng, home), start: start + rng.int(0, 200), end: null }];
    }
    if (shape < 0.24) {
      // Leaves during the range; half of the leavers move to another of the group's sites.
      const end = Math.min(this.lastDay - 30, Math.max(start, this.firstDay) + rng.int(200, Math.max(201, range - 200)));
      const first: Stint = { site: home, start, end };
      return rng.chance(0.5) ? [first, { site: this.otherSite(rng, home), start: end + 1, end: null }] : [first];
    }
    return [{ site: home, start, end: null }];
  }

  private activities(rng: Rng, stints: Stint[]): Activity[] {
    const shape = rng.next();
    const liberal = (): Activity => ({ mode: 'L', site: null, commune: stints[0].site.commune, start: stints[0].start - rng.int(0, 2000), end: null });
    if (shape < 0.05) return [];
    if (shape < 0.13) return [liberal()];
    if (shape < 0.2) return [...stints.map((s) => salaried(s)), liberal()];
    return stints.map((s) => salaried(s));
  }

  private otherSite(rng: Rng, not: Establishment): Establishment {
    for (let attempt = 0; attempt < 20; attempt++) {
      const site = this.sitePicker.pick(rng);
      if (site !== not) return site;
    }
    return this.sites[(this.sites.indexOf(not) + 1) % this.sites.length];
  }

  /** A professional working at `site` on `day`, of the specialty if one is there, else a generalist. */
  private professionalAt(rng: Rng, site: Establishment, specialty: Specialty, day: Day): Professional {
    const roster = this.rosters.get(site)!;
    let candidates = activeAt(roster.get(specialty.code), site, day);
    if (candidates.length === 0) candidates = activeAt(roster.get('SM54'), site, day);
    return candidates.length > 0 ? rng.pick(candidates) : this.professionals[this.sites.indexOf(site)];
  }

  /** An identifier that looks like an RPPS number but belongs to no professional: a dangling reference. */
  unknownProfessionalId(rng: Rng): string {
    let id: string;
    do id = rppsNumber(rng);
    while (this.professionalIds.has(id));
    return id;
  }

  // ---- patients -------------------------------------------------------------------------

  patient(id: number): Patient {
    const rng = this.rng('patient', id);
    const sex: 'M' | 'F' = rng.chance(0.515) ? 'F' : 'M';
    const birth = this.birthDay(rng, id);
    const firstNames = givenNames(rng, sex, 0.6);
    const surname = rng.pick(SURNAMES);
    const homeSite = this.sitePicker.pick(rng);
    const where = rng.next();
    const commune = where < 0.95 ? this.geography.pickInDepartement(rng, homeSite.commune.departement) : where < 0.995 ? this.geography.pick(rng) : null;
    const foreign = commune ? null : rng.pick(FOREIGN_ADDRESSES);
    const birthPlace = this.birthPlace(rng);
    const birthDate = ymd(birth);
    const nir = nirNumber(sex, birthDate.year, birthDate.month, birthPlace.code, rng.int(1, 999));
    const ageNow = Math.max(0, age(birth, this.firstDay));
    const child = ageNow < 15;
    const heightCm = child ? Math.round(50 + ageNow * 6.5 + rng.normal(0, 5)) : Math.round(rng.normal(sex === 'M' ? 176 : 163, 7));
    const weightKg = child ? Math.max(2.5, 3.5 + ageNow * 3 + rng.normal(0, 2)) : Math.max(40, rng.normal(sex === 'M' ? 79 : 66, 12));
    const emailName = `${fold(firstNames[0]).toLowerCase().replace(/[^a-z]+/g, '')}.${fold(surname).toLowerCase().replace(/[^a-z]+/g, '')}`;
    const mutuelleCount = rng.chance(0.15) ? 0 : rng.chance(0.88) ? 1 : 2;
    const mutuelles = [...new Set(Array.from({ length: mutuelleCount }, () => rng.int(1, MUTUELLES.length)))].sort((a, b) => a - b);
    return {
      id,
      sex,
      surname,
      firstNames,
      birth,
      birthPlace,
      street: `${rng.int(1, 180)}${rng.chance(0.08) ? ' bis' : ''} ${rng.pick(STREET_TYPES)[1]} ${rng.pick(STREET_NAMES)}`,
      commune,
      city: commune ? commune.name : foreign![1],
      postalCode: commune ? rng.pick(commune.postalCodes) : foreign![2],
      country: commune ? 'France' : foreign![0],
      email: rng.chance(0.75) ? `${emailName}${rng.chance(0.5) ? rng.int(1, 99) : ''}@${rng.pick(EMAIL_DOMAINS)}` : null,
      phone: rng.chance(0.9) ? phoneNumber(rng, commune?.departement ?? null, rng.chance(0.6)) : null,
      nir,
      bloodGroup: this.bloodPicker.pick(rng)[0],
      weightKg: Math.round(weightKg * 10) / 10,
      heightCm,
      recordedAge: ageNow,
      homeSite,
      mutuelles,
      death: this.death(rng, id, birth, homeSite, commune),
    };
  }

  private birthDay(rng: Rng, id: number): Day {
    const years = this.options.toYear - this.options.fromYear + 1;
    let year: number;
    // Patient 1 is an adult alive all along: it carries the consultations that every year and the leap day must have.
    if (id === 1) year = this.options.fromYear - rng.int(30, 60);
    else if (rng.chance(0.08)) year = this.options.fromYear + rng.int(0, years - 1);
    else {
      let ageAtStart: number;
      do ageAtStart = rng.int(0, 100);
      while (ageAtStart > 60 && rng.next() > (100 - ageAtStart) / 40);
      year = this.options.fromYear - ageAtStart;
    }
    const month = rng.int(1, 12);
    const birth = dayOf(year, month, rng.int(1, daysInMonth(year, month)));
    return Math.min(birth, this.lastDay - 1);
  }

  private birthPlace(rng: Rng): BirthPlace {
    if (rng.chance(0.1)) {
      const [code, country, cities] = this.countryPicker.pick(rng);
      return { code, name: rng.pick(cities), country };
    }
    const commune = this.geography.pick(rng);
    return { code: commune.code, name: commune.name.toUpperCase(), country: '' };
  }

  private death(rng: Rng, id: number, birth: Day, site: Establishment, home: Commune | null): Death | null {
    if (id === 1) return null;
    for (let year = this.options.fromYear; year <= this.options.toYear; year++) {
      const start = Math.max(dayOf(year, 1, 1), birth + 1);
      const end = dayOf(year, 12, 31);
      if (start > end) continue;
      const years = Math.max(0, age(birth, start));
      const q = Math.min(0.4, 0.00005 * Math.exp(0.09 * years) + (years === 0 ? 0.003 : 0));
      if (rng.chance(q)) {
        const inHospital = rng.chance(0.6) || !home;
        return { day: rng.int(start, end), placeCode: inHospital ? site.commune.code : home!.code, recordNumber: String(rng.int(1, 2500)) };
      }
    }
    return null;
  }

  /** Consultations (by date) and stays of a patient over the part of the range the patient was alive. */
  care(patient: Patient): Care {
    const rng = this.rng('care', patient.id);
    const start = Math.max(this.firstDay, patient.birth);
    const end = Math.min(this.lastDay, patient.death ? patient.death.day : this.lastDay);
    const years = this.options.toYear - this.options.fromYear + 1;
    const windowYears = (end - start + 1) / 365.25;
    const ageMid = age(patient.birth, Math.floor((start + end) / 2));
    const consultationFactor = ageMid < 2 ? 2 : ageMid < 15 ? 0.9 : ageMid < 50 ? 0.8 : ageMid < 75 ? 1.2 : 1.6;
    const stayFactor = ageMid < 1 ? 3 : ageMid < 15 ? 0.4 : ageMid < 50 ? 0.8 : ageMid < 75 ? 1.3 : 2.2;
    const chronic = this.chronicOf(rng, patient, ageMid);
    const days: Day[] = [];
    const count = Math.min(80, rng.poisson((CONSULTATIONS_PER_PATIENT / years) * consultationFactor * windowYears));
    for (let i = 0; i < count; i++) days.push(this.workingDay(rng, start, end));
    if (patient.id === 1) {
      for (let year = this.options.fromYear; year <= this.options.toYear; year++) days.push(this.workingDay(rng, dayOf(year, 1, 1), dayOf(year, 12, 31)));
      if (this.options.fromYear <= 2020 && this.options.toYear >= 2020) days.push(dayOf(2020, 2, 29));
    }
    days.sort((a, b) => a - b);
    const consultations = days.map((day) => this.consultation(rng, patient, day, chronic));
    const stays: Stay[] = [];
    const stayCount = Math.min(6, rng.poisson((STAYS_PER_PATIENT / years) * stayFactor * windowYears));
    for (let i = 0; i < stayCount; i++) {
      const day = rng.int(start, end);
      stays.push({
        day,
        lengthOfStay: Math.min(30, 1 + Math.floor(-Math.log(1 - rng.next()) * 5)),
        site: rng.chance(0.85) ? patient.homeSite : this.sitePicker.pick(rng),
        diagnosis: this.diagnosis(rng, patient, day, 'stay'),
      });
    }
    stays.sort((a, b) => a.day - b.day);
    return { consultations, stays };
  }

  private workingDay(rng: Rng, start: Day, end: Day): Day {
    const day = rng.int(start, end);
    const dow = weekday(day);
    if (dow === 0 && day + 1 <= end && rng.chance(0.8)) return day + 1;
    if (dow === 6 && day - 1 >= start && rng.chance(0.5)) return day - 1;
    return day;
  }

  private chronicOf(rng: Rng, patient: Patient, ageMid: number): Diagnosis[] {
    const count = Math.min(3, rng.poisson(ageMid < 15 ? 0.2 : ageMid < 50 ? 0.6 : 1.3));
    const picker = new WeightedPicker(
      this.chronicCandidates.filter((d) => eligible(d, patient.sex, ageMid, true)),
      (d) => d.consultationWeight,
    );
    return Array.from({ length: count }, () => picker.pick(rng));
  }

  private consultation(rng: Rng, patient: Patient, day: Day, chronic: Diagnosis[]): Consultation {
    const years = age(patient.birth, day);
    const usual = chronic.filter((d) => eligible(d, patient.sex, years, day >= this.covidFrom));
    const diagnosis = usual.length > 0 && rng.chance(0.45) ? rng.pick(usual) : this.diagnosis(rng, patient, day, 'consultation');
    const site = rng.chance(0.85) ? patient.homeSite : this.sitePicker.pick(rng);
    const start = 8 * 60 + 15 * rng.int(0, 42);
    const prescriptions = [...new Set(Array.from({ length: Math.min(4, rng.poisson(1.1)) }, () => rng.pick(MEDICAMENTS)[0]))];
    return {
      day,
      start,
      end: start + rng.pick([15, 20, 30, 30, 45]),
      professional: this.professionalAt(rng, site, this.specialtyFor(rng, diagnosis, years), day),
      diagnosis,
      reason: rng.pick(CONSULTATION_REASONS),
      mutuelle: patient.mutuelles.length > 0 && rng.chance(0.8) ? rng.pick(patient.mutuelles) : null,
      prescriptions,
      room: rng.chance(0.07) ? { bloc: rng.pick(['A', 'B', 'C', 'D', 'E']), floor: rng.int(0, 5), number: rng.int(1, 30) } : null,
    };
  }

  private specialtyFor(rng: Rng, diagnosis: Diagnosis, years: number): Specialty {
    if (years < 15 && rng.chance(0.4)) return SPECIALTIES.find((s) => s.code === 'SM42')!;
    if (rng.chance(0.55)) return SPECIALTIES.find((s) => s.code === 'SM54')!;
    const matching = SPECIALTIES.filter((s) => s.letters.includes(diagnosis.code[0]));
    return matching.length > 0 ? rng.pick(matching) : SPECIALTIES.find((s) => s.code === 'SM54')!;
  }

  private diagnosis(rng: Rng, patient: Patient, day: Day, kind: 'consultation' | 'stay'): Diagnosis {
    const years = Math.max(0, age(patient.birth, day));
    const ageClass = years < 1 ? 0 : years < 15 ? 1 : years < 50 ? 2 : 3;
    const covid = day >= this.covidFrom;
    const key = `${kind}|${patient.sex}|${ageClass}|${covid}`;
    const pickers = kind === 'stay' ? this.stayPickers : this.consultationPickers;
    let picker = pickers.get(key);
    if (!picker) {
      const representativeAge = [0, 7, 30, 70][ageClass];
      picker = new WeightedPicker(
        DIAGNOSES.filter((d) => eligible(d, patient.sex, representativeAge, covid)),
        (d) => (kind === 'stay' ? d.stayWeight : d.consultationWeight),
      );
      pickers.set(key, picker);
    }
    return picker.pick(rng);
  }

  // ---- national registries --------------------------------------------------------------

  /** The `index`-th death of the INSEE file of `year` that is not one of the group's patients. */
  nationalDeath(year: number, index: number): DeathRecord {
    const rng = this.rng(`national-death-${year}`, index);
    const sex: 'M' | 'F' = rng.chance(0.5) ? 'M' : 'F';
    const death = rng.chance(0.97) ? rng.int(dayOf(year, 1, 1), dayOf(year, 12, 31)) : rng.int(dayOf(year - 1, 12, 1), dayOf(year - 1, 12, 31));
    const band = rng.next();
    const years = band < 0.01 ? 0 : band < 0.05 ? rng.int(1, 39) : band < 0.2 ? rng.int(40, 64) : Math.min(108, Math.max(65, Math.round(rng.normal(84, 8))));
    const birth = death - years * 365 - Math.floor(years / 4) - rng.int(1, 364);
    const abroad = rng.chance(0.007);
    return {
      surname: rng.pick(SURNAMES),
      givenNames: givenNames(rng, sex, 0.9),
      sex,
      birth,
      birthPlace: this.birthPlace(rng),
      death,
      deathPlace: abroad ? this.countryPicker.pick(rng)[0] : this.geography.pick(rng).code,
      recordNumber: String(rng.int(1, 3000)),
      patientId: null,
    };
  }

  /** The INSEE record of a patient's death: same name, sex and birth date as the care database. */
  patientDeathRecord(patient: Patient): DeathRecord {
    return {
      surname: patient.surname,
      givenNames: patient.firstNames,
      sex: patient.sex,
      birth: patient.birth,
      birthPlace: patient.birthPlace,
      death: patient.death!.day,
      deathPlace: patient.death!.placeCode,
      recordNumber: patient.death!.recordNumber,
      patientId: patient.id,
    };
  }

  /** A professional of the national directory who never works for the group. */
  nationalProfessional(index: number): { id: string; idType: 'RPPS' | 'ADELI'; civility: string; surname: string; firstName: string; profession: string; activities: Activity[] } {
    const rng = this.rng('national-professional', index);
    const specialty = this.specialtyPicker.pick(rng);
    const sex = rng.chance(0.5) ? 'M' : 'F';
    const idType = rng.chance(specialty.adeliShare) ? 'ADELI' : 'RPPS';
    const places = specialty.profession === '21' ? this.dispensaries : this.carePlaces;
    const place = rng.pick(places);
    let id: string;
    do id = idType === 'ADELI' ? adeliNumber(rng, place.commune.departement, specialty.profession) : rppsNumber(rng);
    while (this.professionalIds.has(id));
    const start = this.firstDay - rng.int(-1000, 9000);
    const end = rng.chance(0.15) ? start + rng.int(100, 5000) : null;
    const activities: Activity[] = [];
    const shape = rng.next();
    if (shape < 0.55) activities.push({ mode: 'S', site: place, commune: place.commune, start, end });
    if (shape >= 0.35) activities.push({ mode: 'L', site: null, commune: rng.chance(0.7) ? place.commune : this.geography.pick(rng), start: start - rng.int(0, 1500), end: null });
    if (rng.chance(0.1)) {
      const other = rng.pick(places);
      activities.push({ mode: 'S', site: other, commune: other.commune, start: start + rng.int(0, 800), end: null });
    }
    return {
      id,
      idType,
      civility: specialty.profession === '10' ? 'Dr' : sex === 'M' ? 'M.' : 'Mme',
      surname: rng.pick(SURNAMES),
      firstName: rng.pick(sex === 'M' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
      profession: specialty.profession,
      activities,
    };
  }
}

function activeAt(list: Professional[] | undefined, site: Establishment, day: Day): Professional[] {
  const out: Professional[] = [];
  for (const p of list ?? []) {
    if (p.stints.some((s) => s.site === site && s.start <= day && (s.end === null || day <= s.end))) out.push(p);
  }
  return out;
}

/** One to a few given names, never the same twice. */
function givenNames(rng: Rng, sex: 'M' | 'F', extraMean: number): string[] {
  const names = Array.from({ length: 1 + rng.poisson(extraMean) }, () => rng.pick(sex === 'M' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES));
  return [...new Set(names)];
}

function salaried(stint: Stint): Activity {
  return { mode: 'S', site: stint.site, commune: stint.site.commune, start: stint.start, end: stint.end };
}

function eligible(d: Diagnosis, sex: 'M' | 'F', years: number, covid: boolean): boolean {
  switch (d.eligibility) {
    case null: return true;
    case 'F': return sex === 'F';
    case 'M': return sex === 'M';
    case 'pregnant': return sex === 'F' && years >= 15 && years < 50;
    case 'newborn': return years < 1;
    case 'child': return years < 15;
    case 'adult': return years >= 15;
    case 'elderly': return years >= 50;
    case 'covid': return covid;
  }
}

/** Upper-case ASCII, as FINESS short names and the pre-2020 INSEE files write names. */
export function fold(text: string): string {
  return latin1Safe(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

/** The few French characters ISO-8859-1 lacks, spelled as Latin-1 files spell them (`ŒTING` → `OETING`). */
export function latin1Safe(text: string): string {
  return text.replace(/Œ/g, 'OE').replace(/œ/g, 'oe').replace(/Ÿ/g, 'Y').replace(/’/g, "'");
}
