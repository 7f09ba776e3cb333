const MALE = new Set(['m', 'h', 'homme', 'masculin', 'male', 'man', '1', 'mr', 'monsieur', 'garcon', 'g']);
const FEMALE = new Set(['f', 'femme', 'feminin', 'female', 'woman', '2', 'mme', 'madame', 'fille']);

/** Maps the sex spellings of French exports (`H`, `Homme`, `féminin`, `1`/`2`…) to `M`/`F`; null when unknown. */
export function normaliseSex(text: string): 'M' | 'F' | null {
  const folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\.$/, '');
  if (MALE.has(folded)) return 'M';
  if (FEMALE.has(folded)) return 'F';
  return null;
}
