/**
 * The query parameters of the API, each with its JSON schema and, in words, what it must look
 * like (the `reason` of a 400). Patterns are strict on purpose: a value that cannot be a FINESS,
 * a CIM-10 code or a region code never reaches SQL, and those that do are bound parameters.
 */
interface ParamSpec {
  schema: Record<string, unknown>;
  expected: string;
}

export const AGE_BANDS = ['0-4', '5-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'] as const;

const dateSchema = { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 };

export const KPI_PARAMS: Record<string, ParamSpec> = {
  from: { schema: { ...dateSchema, description: 'first day of the period (YYYY-MM-DD)' }, expected: 'a date YYYY-MM-DD' },
  to: { schema: { ...dateSchema, description: 'last day of the period (YYYY-MM-DD)' }, expected: 'a date YYYY-MM-DD' },
  year: {
    schema: { type: 'integer', minimum: 1900, maximum: 2100, description: 'calendar year (instead of from/to)' },
    expected: 'a year between 1900 and 2100',
  },
  establishment: {
    schema: { type: 'string', pattern: '^[0-9ABab]{9}$', maxLength: 9, description: 'FINESS ET number (9 characters: digits, or 2A/2B for Corsica)' },
    expected: 'a FINESS number (9 characters, digits or A/B, e.g. 010000107 or 2A0000123)',
  },
  diagnosis: {
    schema: { type: 'string', pattern: '^[A-Za-z][0-9A-Za-z.+ ]{0,9}$', maxLength: 10, description: 'CIM-10 code or prefix: J, J4, J45, J45.0 (dot optional)' },
    expected: 'a CIM-10 code or prefix such as J, J45 or J45.0',
  },
  sex: { schema: { type: 'string', enum: ['M', 'F'], description: 'M or F' }, expected: 'M or F' },
  ageBand: {
    schema: { type: 'string', enum: [...AGE_BANDS], description: 'age band at the event' },
    expected: `an age band (${AGE_BANDS.join(', ')})`,
  },
  professional: {
    schema: { type: 'string', pattern: '^[0-9a-fA-F]{32}$', maxLength: 32, description: 'professional pseudonym (32 hexadecimal characters, as K6 lists them)' },
    expected: 'a professional pseudonym (32 hexadecimal characters, as K6 lists them)',
  },
  specialty: {
    // A code or a French label ("Médecine générale"): any printable text, matched by the KPI layer
    // against the known specialties, never spliced into SQL.
    schema: { type: 'string', pattern: '^[^\\u0000-\\u001f\\u007f]{1,100}$', maxLength: 100, description: 'specialty code or label' },
    expected: 'a specialty code or label of at most 100 characters',
  },
  region: {
    schema: { type: 'string', pattern: '^[0-9]{2}$', maxLength: 2, description: 'region code of the official geographic code (11, 84, 04, …): a drill-down for K7 and K8' },
    expected: 'a region code (two digits, e.g. 84 or 94)',
  },
  survey: {
    schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,39}$', maxLength: 40, description: 'e-Satis survey: 48h-mco (default) or ca (ambulatory surgery)' },
    expected: 'an e-Satis survey name such as 48h-mco or ca',
  },
};

export const SEARCH_PARAMS: Record<string, ParamSpec> = {
  q: {
    schema: { type: 'string', maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]*$', description: 'text to look for (name or code); empty lists the first entries' },
    expected: 'a text of at most 100 characters, without control characters',
  },
  limit: {
    schema: { type: 'integer', minimum: 1, maximum: 50, default: 20, description: 'at most this many rows (1–50)' },
    expected: 'an integer between 1 and 50',
  },
};

const ALL: Record<string, ParamSpec> = { ...KPI_PARAMS, ...SEARCH_PARAMS };

export function expectationOf(param: string): string | undefined {
  return ALL[param]?.expected;
}

/** A querystring schema of the given parameters; unknown parameters are refused, not ignored. */
export function querystringSchema(specs: Record<string, ParamSpec>): Record<string, unknown> {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, spec.schema])),
    additionalProperties: false,
  };
}
