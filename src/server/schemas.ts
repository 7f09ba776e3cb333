/**
 * Response schemas. Each names exactly the fields it sends (`additionalProperties: false`): the
 * serialiser drops anything else, so a stray column of a query (a patient_id) can never leave.
 */
const count = (description: string) => ({ type: ['integer', 'null'], description: `${description}; null when masked (1–9)` });

export const kpiCellSchema = {
  $id: 'KpiCell',
  type: 'object',
  description: 'One cell of a KPI breakdown (a month, a chapter, a sex × age band, a region, …).',
  properties: {
    key: { type: 'string' },
    label: { type: 'string' },
    numerator: count('numerator of the cell'),
    denominator: count('denominator of the cell'),
    rate: { type: ['number', 'null'], description: 'rate of the cell, null when masked or undefined' },
    masked: { type: 'boolean' },
  },
  required: ['key', 'label', 'numerator', 'denominator', 'rate', 'masked'],
  additionalProperties: false,
} as const;

export const kpiResultSchema = {
  $id: 'KpiResult',
  type: 'object',
  description: 'A KPI answer (docs/marts.md, "KPI results"), small cells masked.',
  properties: {
    kpi: { type: 'string' },
    title: { type: 'string' },
    params: {
      type: 'object',
      description: 'parameters as the KPI understood them (defaults filled in)',
      additionalProperties: { type: ['string', 'number', 'null'] },
    },
    numerator: count('numerator'),
    denominator: count('denominator'),
    rate: { type: ['number', 'null'], description: 'percent with one decimal; per 100,000 for K7; mean score for K8' },
    unit: { type: 'string', enum: ['percent', 'per100k', 'score'] },
    masked: { type: 'boolean', description: 'true when any figure of the result or its breakdown is masked' },
    breakdown: { type: 'array', items: { $ref: 'KpiCell#' } },
    notes: {
      type: 'object',
      description: 'extra counts of the KPI (K1 several/none establishments, K8 excluded establishments, …)',
      additionalProperties: { type: ['number', 'null'] },
    },
  },
  required: ['kpi', 'title', 'params', 'numerator', 'denominator', 'rate', 'unit', 'masked', 'breakdown', 'notes'],
  additionalProperties: false,
} as const;

export const kpiDescriptorSchema = {
  $id: 'KpiDescriptor',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    unit: { type: 'string', enum: ['percent', 'per100k', 'score'] },
    numeratorLabel: { type: 'string' },
    denominatorLabel: { type: 'string' },
    breakdownLabel: { type: 'string' },
    params: {
      type: 'array',
      description: 'query parameters this KPI accepts',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          required: { type: 'boolean' },
          default: { type: ['string', 'number', 'null'] },
          description: { type: 'string' },
          example: { type: ['string', 'null'] },
        },
        required: ['name', 'required', 'default', 'description', 'example'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'title', 'description', 'unit', 'numeratorLabel', 'denominatorLabel', 'breakdownLabel', 'params'],
  additionalProperties: false,
} as const;

export const sharedSchemas = [kpiCellSchema, kpiResultSchema, kpiDescriptorSchema];
