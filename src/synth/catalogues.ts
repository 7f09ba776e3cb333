/**
 * The small reference tables of the synthetic hospital: specialties, professions, mutual
 * insurers, drugs, FINESS categories and foreign countries. Values are realistic, not official.
 */

export interface Specialty {
  code: string;
  /** `Specialites."Fonction"`. */
  function: string;
  label: string;
  /** RPPS profession code and label of the professionals holding this specialty. */
  profession: ProfessionCode;
  /** CIM-10 chapter letters this specialty sees; empty for generalists, who see everything. */
  letters: string;
  /** Share of the group's professionals. */
  weight: number;
  /** Nurses and physiotherapists mostly still carry an ADELI number. */
  adeliShare: number;
}

export type ProfessionCode = '10' | '21' | '40' | '50' | '60' | '70';

export const PROFESSIONS: Record<ProfessionCode, string> = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '40': 'Chirurgien-Dentiste',
  '50': 'Sage-Femme',
  '60': 'Infirmier',
  '70': 'Masseur-Kinésithérapeute',
};

export const SPECIALTIES: readonly Specialty[] = [
  { code: 'SM54', function: 'Médecin', label: 'Médecine générale', profession: '10', letters: '', weight: 30, adeliShare: 0 },
  { code: 'SM04', function: 'Médecin', label: 'Cardiologie et maladies vasculaires', profession: '10', letters: 'IR', weight: 5, adeliShare: 0 },
  { code: 'SM15', function: 'Médecin', label: 'Dermatologie et vénéréologie', profession: '10', letters: 'LBD', weight: 3, adeliShare: 0 },
  { code: 'SM19', function: 'Médecin', label: 'Endocrinologie, diabétologie et maladies métaboliques', profession: '10', letters: 'E', weight: 3, adeliShare: 0 },
  { code: 'SM24', function: 'Médecin', label: 'Gastro-entérologie et hépatologie', profession: '10', letters: 'KC', weight: 3, adeliShare: 0 },
  { code: 'SM20', function: 'Médecin', label: 'Gynécologie-obstétrique', profession: '10', letters: 'ONCZ', weight: 4, adeliShare: 0 },
  { code: 'SM32', function: 'Médecin', label: 'Neurologie', profession: '10', letters: 'GF', weight: 2, adeliShare: 0 },
  { code: 'SM37', function: 'Médecin', label: 'Oncologie médicale', profession: '10', letters: 'CDZ', weight: 3, adeliShare: 0 },
  { code: 'SM38', function: 'Médecin', label: 'Ophtalmologie', profession: '10', letters: 'H', weight: 3, adeliShare: 0 },
  { code: 'SM40', function: 'Médecin', label: 'Oto-rhino-laryngologie et chirurgie cervico-faciale', profession: '10', letters: 'HJ', weight: 2, adeliShare: 0 },
  { code: 'SM42', function: 'Médecin', label: 'Pédiatrie', profession: '10', letters: 'PQJAZ', weight: 4, adeliShare: 0 },
  { code: 'SM43', function: 'Médecin', label: 'Pneumologie', profession: '10', letters: 'JU', weight: 2, adeliShare: 0 },
  { code: 'SM44', function: 'Médecin', label: 'Psychiatrie', profession: '10', letters: 'F', weight: 3, adeliShare: 0 },
  { code: 'SM46', function: 'Médecin', label: 'Rhumatologie', profession: '10', letters: 'M', weight: 2, adeliShare: 0 },
  { code: 'SM33', function: 'Médecin', label: 'Néphrologie', profession: '10', letters: 'NZ', weight: 1, adeliShare: 0 },
  { code: 'SM53', function: 'Médecin', label: "Médecine d'urgence", profession: '10', letters: 'STRVWXYU', weight: 4, adeliShare: 0 },
  { code: 'SM22', function: 'Médecin', label: 'Gériatrie', profession: '10', letters: 'FGRI', weight: 2, adeliShare: 0 },
  { code: 'SM02', function: 'Médecin', label: 'Anesthésie-réanimation', profession: '10', letters: 'ZT', weight: 2, adeliShare: 0 },
  { code: 'SM39', function: 'Chirurgien', label: 'Chirurgie orthopédique et traumatologie', profession: '10', letters: 'SMT', weight: 3, adeliShare: 0 },
  { code: 'SM48', function: 'Chirurgien', label: 'Chirurgie viscérale et digestive', profession: '10', letters: 'KC', weight: 2, adeliShare: 0 },
  { code: 'SM51', function: 'Chirurgien', label: 'Urologie', profession: '10', letters: 'NC', weight: 1, adeliShare: 0 },
  { code: 'SF01', function: 'Sage-femme', label: 'Maïeutique', profession: '50', letters: 'OZ', weight: 2, adeliShare: 0.2 },
  { code: 'IDE1', function: 'Infirmier', label: 'Soins infirmiers', profession: '60', letters: 'ZLT', weight: 4, adeliShare: 0.7 },
  { code: 'KIN1', function: 'Masseur-kinésithérapeute', label: 'Kinésithérapie', profession: '70', letters: 'MS', weight: 2, adeliShare: 0.6 },
  { code: 'CD01', function: 'Chirurgien-dentiste', label: 'Odontologie', profession: '40', letters: 'K', weight: 1, adeliShare: 0 },
];

export const MUTUELLES: readonly [name: string, address: string][] = [
  ['MGEN', '3 square Max-Hymans, 75015 Paris'],
  ['Harmonie Mutuelle', '143 rue Blomet, 75015 Paris'],
  ['MACIF Mutualité', '2-4 rue de Pied-de-Fond, 79000 Niort'],
  ['La Mutuelle Générale', '1-11 rue Brillat-Savarin, 75013 Paris'],
  ['AG2R La Mondiale', '14-16 boulevard Malesherbes, 75008 Paris'],
  ['Malakoff Humanis', '21 rue Laffitte, 75009 Paris'],
  ['MAAF Santé', 'Chauray, 79036 Niort'],
  ['Groupama Gan Vie', '8-10 rue d’Astorg, 75008 Paris'],
  ['AXA France Santé', '313 Terrasses de l’Arche, 92000 Nanterre'],
  ['Allianz Santé', '1 cours Michelet, 92800 Puteaux'],
  ['Swiss Life Prévoyance et Santé', '7 rue Belgrand, 92300 Levallois-Perret'],
  ['Mutuelle Nationale Territoriale', '4 rue d’Athènes, 75009 Paris'],
  ['MNH', '331 avenue d’Antibes, 45200 Montargis'],
  ['Mutuelle Familiale', '52 rue d’Hauteville, 75010 Paris'],
  ['Apréva', '20 boulevard Papin, 59000 Lille'],
  ['Solimut Mutuelle de France', '25 place de la Madeleine, 75008 Paris'],
  ['Intériale', '32 rue Blanche, 75009 Paris'],
  ['Mutuelle Bleue', '68 rue du Rocher, 75008 Paris'],
  ['Ociane Matmut', '35 rue Claude Bonnier, 33000 Bordeaux'],
  ['Mutuelle des Motards', '5 rue Marcel Paul, 34000 Montpellier'],
  ['Smatis', '9 rue de Bourlion, 16000 Angoulême'],
  ['Mutuelle Entrain', '1 rue Paul Bert, 54000 Nancy'],
  ['CCMO Mutuelle', '3 rue Ferdinand Buisson, 60000 Beauvais'],
  ['Mutualia', '4 rue Saint-Gervais, 35000 Rennes'],
  ['Radiance Groupe Humanis', '12 place des Terreaux, 69001 Lyon'],
];

export const LABORATORIES: readonly [name: string, country: string][] = [
  ['Sanofi Aventis France', 'France'],
  ['Biogaran', 'France'],
  ['Teva Santé', 'Israël'],
  ['Merck Santé', 'Allemagne'],
  ['Pfizer', 'États-Unis'],
  ['GlaxoSmithKline', 'Royaume-Uni'],
  ['Bayer HealthCare', 'Allemagne'],
  ['Servier', 'France'],
  ['Viatris Santé', 'États-Unis'],
  ['Sandoz', 'Suisse'],
  ['Novartis Pharma', 'Suisse'],
  ['UPSA', 'France'],
  ['Pierre Fabre Médicament', 'France'],
  ['Boehringer Ingelheim', 'Allemagne'],
  ['AstraZeneca', 'Royaume-Uni'],
  ['Bristol-Myers Squibb', 'États-Unis'],
  ['Arrow Génériques', 'France'],
  ['Zentiva France', 'République tchèque'],
];

/** `[CIS code, denomination, form, route, laboratory index]`; CIS codes are 8 digits starting with 6. */
export const MEDICAMENTS: readonly [cis: string, denomination: string, form: string, route: string, lab: number][] = [
  ['60234100', 'DOLIPRANE 1000 mg, comprimé', 'comprimé', 'orale', 0],
  ['61644230', 'EFFERALGAN 500 mg, comprimé effervescent sécable', 'comprimé effervescent sécable', 'orale', 11],
  ['66052170', 'SPASFON, comprimé enrobé', 'comprimé enrobé', 'orale', 2],
  ['63368332', 'KARDEGIC 75 mg, poudre pour solution buvable en sachet-dose', 'poudre pour solution buvable', 'orale', 0],
  ['65420115', 'AMOXICILLINE BIOGARAN 1 g, comprimé dispersible', 'comprimé dispersible', 'orale', 1],
  ['68462417', 'AUGMENTIN 1 g/125 mg, poudre pour suspension buvable en sachet-dose', 'poudre pour suspension buvable', 'orale', 5],
  ['67282540', 'LEVOTHYROX 75 microgrammes, comprimé sécable', 'comprimé sécable', 'orale', 3],
  ['64319776', 'METFORMINE ARROW 850 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 16],
  ['62153099', 'RAMIPRIL BIOGARAN 5 mg, comprimé sécable', 'comprimé sécable', 'orale', 1],
  ['69771024', 'AMLODIPINE SANDOZ 5 mg, gélule', 'gélule', 'orale', 9],
  ['61870832', 'ATORVASTATINE VIATRIS 20 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 8],
  ['65002345', 'BISOPROLOL ZENTIVA 2,5 mg, comprimé pelliculé sécable', 'comprimé pelliculé sécable', 'orale', 17],
  ['60986620', 'FUROSEMIDE TEVA 40 mg, comprimé sécable', 'comprimé sécable', 'orale', 2],
  ['67749012', 'OMÉPRAZOLE BIOGARAN 20 mg, gélule gastro-résistante', 'gélule gastro-résistante', 'orale', 1],
  ['63015478', 'PANTOPRAZOLE ARROW 40 mg, comprimé gastro-résistant', 'comprimé gastro-résistant', 'orale', 16],
  ['66421009', 'VENTOLINE 100 microgrammes/dose, suspension pour inhalation en flacon pressurisé', 'suspension pour inhalation', 'inhalée', 5],
  ['62840117', 'SERETIDE DISKUS 250/50 microgrammes/dose, poudre pour inhalation', 'poudre pour inhalation', 'inhalée', 5],
  ['64478823', 'XANAX 0,25 mg, comprimé sécable', 'comprimé sécable', 'orale', 8],
  ['60117354', 'ESCITALOPRAM BIOGARAN 10 mg, comprimé pelliculé sécable', 'comprimé pelliculé sécable', 'orale', 1],
  ['68015326', 'SERTRALINE ARROW 50 mg, gélule', 'gélule', 'orale', 16],
  ['69258741', 'IBUPROFÈNE TEVA 400 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 2],
  ['61193256', 'TRAMADOL BIOGARAN 50 mg, gélule', 'gélule', 'orale', 1],
  ['62507738', 'DAFALGAN CODÉINE, comprimé pelliculé', 'comprimé pelliculé', 'orale', 11],
  ['67390815', 'PRÉDNISOLONE ARROW 20 mg, comprimé orodispersible', 'comprimé orodispersible', 'orale', 16],
  ['63662490', 'CÉTIRIZINE SANDOZ 10 mg, comprimé pelliculé sécable', 'comprimé pelliculé sécable', 'orale', 9],
  ['65987103', 'AERIUS 5 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 3],
  ['64102937', 'LANTUS 100 unités/ml, solution injectable en stylo prérempli', 'solution injectable', 'sous-cutanée', 0],
  ['66893254', 'ELIQUIS 5 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 15],
  ['60741583', 'XARELTO 20 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 6],
  ['68827416', 'PLAVIX 75 mg, comprimé pelliculé', 'comprimé pelliculé', 'orale', 0],
  ['61533067', 'ZOPICLONE BIOGARAN 7,5 mg, comprimé pelliculé sécable', 'comprimé pelliculé sécable', 'orale', 1],
  ['69384250', 'ZYMAD 50 000 UI, solution buvable en ampoule', 'solution buvable', 'orale', 10],
  ['62216784', 'SMECTA 3 g, poudre pour suspension buvable en sachet', 'poudre pour suspension buvable', 'orale', 4],
  ['67605329', 'GAVISCON, suspension buvable en flacon', 'suspension buvable', 'orale', 13],
  ['63940672', 'FORLAX 10 g, poudre pour solution buvable en sachet', 'poudre pour solution buvable', 'orale', 4],
  ['65571148', 'VOLTARÈNE EMULGEL 1 %, gel', 'gel', 'cutanée', 10],
  ['60458391', 'DOLIPRANE 2,4 %, suspension buvable', 'suspension buvable', 'orale', 0],
  ['68109723', 'PERINDOPRIL TEVA 4 mg, comprimé sécable', 'comprimé sécable', 'orale', 2],
  ['66274519', 'GLICLAZIDE ARROW 30 mg, comprimé à libération modifiée', 'comprimé à libération modifiée', 'orale', 16],
  ['64835062', 'DIAMICRON 60 mg, comprimé sécable à libération modifiée', 'comprimé sécable à libération modifiée', 'orale', 7],
];

export const BLOOD_GROUPS: readonly [group: string, weight: number][] = [
  ['O+', 36], ['A+', 37], ['B+', 9], ['AB+', 3], ['O-', 6], ['A-', 7], ['B-', 1], ['AB-', 1],
];

export const CONSULTATION_REASONS: readonly string[] = [
  'Consultation de suivi', 'Première consultation', "Renouvellement d'ordonnance", 'Douleur', 'Fièvre', 'Bilan annuel',
  'Contrôle post-opératoire', 'Avis spécialisé', 'Consultation non programmée', "Résultats d'examens", 'Certificat médical',
  'Vaccination', 'Suivi de traitement', 'Toux persistante', 'Fatigue', 'Bilan pré-opératoire', 'Téléconsultation', 'Consultation d’annonce',
];

export type FinessKind = 'public' | 'private' | 'espic' | 'ambulatory' | 'medico-social' | 'pharmacy' | 'laboratory';

export interface FinessCategory {
  code: string;
  label: string;
  groupCode: string;
  groupLabel: string;
  kind: FinessKind;
  /** Establishments of this category in the synthetic directory. */
  count: number;
  /** Can be one of the group's sites, and takes part in e-Satis when it is a hospital. */
  hospital: boolean;
  ape: string;
  /** `[short name, long name]` patterns; `{CITY}` is replaced by the commune, `{NAME}` by a saint or place. */
  names: readonly [string, string][];
  /** Relative size (patients, professionals) when the establishment is one of the group's sites. */
  size: number;
}

export const FINESS_CATEGORIES: readonly FinessCategory[] = [
  { code: '101', label: 'Centre Hospitalier Régional (C.H.R.)', groupCode: '1101', groupLabel: 'Centres Hospitaliers Régionaux', kind: 'public', count: 32, hospital: true, ape: '8610Z', size: 5,
    names: [['CHU DE {CITY}', 'CENTRE HOSPITALIER UNIVERSITAIRE DE {CITY}'], ['CHR {CITY}', 'CENTRE HOSPITALIER RÉGIONAL DE {CITY}']] },
  { code: '355', label: 'Centre Hospitalier (C.H.)', groupCode: '1102', groupLabel: 'Centres Hospitaliers', kind: 'public', count: 380, hospital: true, ape: '8610Z', size: 2,
    names: [['CH DE {CITY}', 'CENTRE HOSPITALIER DE {CITY}'], ['CH {NAME}', 'CENTRE HOSPITALIER {NAME}'], ['HOPITAL {NAME}', 'HÔPITAL {NAME} DE {CITY}']] },
  { code: '106', label: 'Centre hospitalier, ex Hôpital local', groupCode: '1102', groupLabel: 'Centres Hospitaliers', kind: 'public', count: 150, hospital: true, ape: '8610Z', size: 1,
    names: [['CH {CITY}', 'CENTRE HOSPITALIER DE {CITY}'], ['HOPITAL LOCAL {CITY}', 'HÔPITAL LOCAL DE {CITY}']] },
  { code: '292', label: 'Centre Hospitalier Spécialisé lutte Maladies Mentales', groupCode: '1104', groupLabel: 'Centres Hospitaliers Spécialisés Lutte Maladies Mentales', kind: 'public', count: 85, hospital: false, ape: '8610Z', size: 1,
    names: [['CHS {CITY}', 'CENTRE HOSPITALIER SPÉCIALISÉ DE {CITY}'], ['EPSM {NAME}', 'ÉTABLISSEMENT PUBLIC DE SANTÉ MENTALE {NAME}']] },
  { code: '365', label: 'Centre de Lutte Contre Cancer', groupCode: '1106', groupLabel: 'Centres de Lutte contre le Cancer', kind: 'espic', count: 20, hospital: true, ape: '8610Z', size: 2,
    names: [['CLCC {NAME}', 'CENTRE DE LUTTE CONTRE LE CANCER {NAME}'], ['INSTITUT {NAME}', 'INSTITUT DE CANCÉROLOGIE {NAME}']] },
  { code: '128', label: 'Etablissement de Soins Chirurgicaux', groupCode: '1109', groupLabel: 'Etablissements de Soins Chirurgicaux', kind: 'private', count: 330, hospital: true, ape: '8610Z', size: 1.5,
    names: [['CLINIQUE {NAME}', 'CLINIQUE {NAME}'], ['POLYCLINIQUE {NAME}', 'POLYCLINIQUE {NAME} DE {CITY}'], ['HOPITAL PRIVE {CITY}', 'HÔPITAL PRIVÉ DE {CITY}']] },
  { code: '109', label: 'Etablissement de santé privé autorisé en SSR', groupCode: '1111', groupLabel: 'Etablissements de Soins de Suite et de Réadaptation', kind: 'private', count: 200, hospital: false, ape: '8610Z', size: 1,
    names: [['CENTRE SSR {NAME}', 'CENTRE DE RÉÉDUCATION FONCTIONNELLE {NAME}'], ['CRF {NAME}', 'CENTRE DE RÉADAPTATION {NAME}']] },
  { code: '362', label: 'Etablissement de Soins Longue Durée', groupCode: '1112', groupLabel: 'Etablissements de Soins de Longue Durée', kind: 'public', count: 60, hospital: false, ape: '8610Z', size: 1,
    names: [['USLD {NAME}', 'UNITÉ DE SOINS DE LONGUE DURÉE {NAME}']] },
  { code: '124', label: 'Centre de Santé', groupCode: '2204', groupLabel: 'Centres de Santé', kind: 'ambulatory', count: 260, hospital: true, ape: '8621Z', size: 0.6,
    names: [['CENTRE DE SANTE {CITY}', 'CENTRE DE SANTÉ MUNICIPAL DE {CITY}'], ['CDS {NAME}', 'CENTRE DE SANTÉ {NAME}']] },
  { code: '603', label: 'Maison de santé (L.6223-3)', groupCode: '2205', groupLabel: 'Maisons de Santé', kind: 'ambulatory', count: 220, hospital: false, ape: '8621Z', size: 0.5,
    names: [['MSP {CITY}', 'MAISON DE SANTÉ PLURIPROFESSIONNELLE DE {CITY}']] },
  { code: '500', label: "Etablissement d'hébergement pour personnes âgées dépendantes", groupCode: '4401', groupLabel: 'Etablissements et Services pour Personnes Agées', kind: 'medico-social', count: 700, hospital: false, ape: '8710A', size: 0.5,
    names: [['EHPAD {NAME}', 'EHPAD {NAME}'], ['EHPAD {CITY}', 'EHPAD RÉSIDENCE {NAME} DE {CITY}']] },
  { code: '620', label: "Pharmacie d'Officine", groupCode: '3301', groupLabel: "Pharmacies d'Officine", kind: 'pharmacy', count: 820, hospital: false, ape: '4773Z', size: 0.1,
    names: [['PHARMACIE DU CENTRE', 'PHARMACIE DU CENTRE'], ['PHARMACIE {NAME}', 'PHARMACIE {NAME}'], ['PHARMACIE DE LA GARE', 'SELARL PHARMACIE DE LA GARE']] },
  { code: '611', label: 'Laboratoire de Biologie Médicale', groupCode: '3401', groupLabel: "Laboratoires d'Analyses", kind: 'laboratory', count: 240, hospital: false, ape: '8690B', size: 0.1,
    names: [['LBM {NAME}', 'LABORATOIRE DE BIOLOGIE MÉDICALE {NAME}'], ['LABO {CITY}', 'SELAS LABORATOIRE DE {CITY}']] },
];

/** Saints and places for establishment names; accented, for the Latin-1 and CP1252 files. */
export const PLACE_NAMES: readonly string[] = [
  'SAINT-JOSEPH', 'SAINTE-MARIE', 'SAINT-LUC', 'SAINT-MARTIN', 'SAINT-VINCENT', 'SAINT-JEAN', 'NOTRE-DAME', 'SAINTE-ANNE',
  'LES TILLEULS', 'LES GLYCINES', 'LE PARC', 'LES CÈDRES', 'BEAU SITE', 'DU LITTORAL', 'DES ALPES', 'DE LA VALLÉE',
  'PASTEUR', 'CLAUDE BERNARD', 'MARIE CURIE', 'PAUL BERT', 'JEAN MONNET', 'LÉON BÉRARD', 'LES PEUPLIERS', 'BELLEVUE',
  'SAINT-ÉLOI', 'SAINTE-THÉRÈSE', 'DU PAYS BASQUE', 'DES CÔTES', 'LES OLIVIERS', 'DU MIDI', 'SAINT-GRÉGOIRE', 'LES ÉRABLES',
];

/** Countries of birth or death abroad: INSEE COG country code, name as INSEE writes it, cities. */
export const COUNTRIES: readonly [code: string, name: string, cities: readonly string[], weight: number][] = [
  ['99352', 'ALGERIE', ['ALGER', 'ORAN', 'CONSTANTINE', 'TLEMCEN', 'SETIF'], 30],
  ['99350', 'MAROC', ['CASABLANCA', 'RABAT', 'FES', 'MARRAKECH', 'OUJDA'], 22],
  ['99351', 'TUNISIE', ['TUNIS', 'SFAX', 'SOUSSE', 'BIZERTE'], 10],
  ['99139', 'PORTUGAL', ['LISBONNE', 'PORTO', 'BRAGA', 'CHAVES'], 14],
  ['99127', 'ITALIE', ['NAPLES', 'TURIN', 'MILAN', 'ROME', 'PALERME'], 10],
  ['99134', 'ESPAGNE', ['MADRID', 'BARCELONE', 'VALENCE', 'SEVILLE'], 9],
  ['99109', 'ALLEMAGNE', ['BERLIN', 'STUTTGART', 'FRIBOURG', 'SARREBRUCK'], 4],
  ['99131', 'BELGIQUE', ['BRUXELLES', 'LIEGE', 'CHARLEROI', 'MONS'], 4],
  ['99122', 'POLOGNE', ['VARSOVIE', 'CRACOVIE', 'KATOWICE'], 3],
  ['99140', 'SUISSE', ['GENEVE', 'LAUSANNE', 'BALE'], 2],
  ['99132', 'ROYAUME-UNI', ['LONDRES', 'MANCHESTER'], 1],
  ['99243', 'VIET NAM', ['HANOI', 'SAIGON', 'HUE'], 3],
  ['99341', 'SENEGAL', ['DAKAR', 'SAINT-LOUIS', 'THIES'], 3],
  ['99401', 'CANADA', ['MONTREAL', 'QUEBEC'], 1],
  ['99404', 'ETATS-UNIS', ['NEW YORK', 'CHICAGO'], 1],
];
