import { createRequire } from 'node:module';
import { quoteLiteral, type Engine } from '../engine.ts';

const require = createRequire(import.meta.url);

function cogFile(name: 'regions' | 'departements' | 'communes'): string {
  return require.resolve(`@etalab/decoupage-administratif/data/${name}.json`);
}

/** Relations this module creates, for the models' `-- depends:` lines. */
export const REFERENCE_TABLES = ['ref.cog_region', 'ref.cog_departement', 'ref.cog_commune', 'ref.cog_commune_code'];

/**
 * Loads the official geographic code (COG) of `@etalab/decoupage-administratif` into `ref.*`.
 * Codes stay text: `2A`/`2B` and `971` are not numbers.
 *
 * `ref.cog_commune_code` maps every code a record may carry to today's commune: the commune's
 * own code, the codes of communes merged into it (`anciensCodes`, so a death in a commune merged
 * since still finds its région), delegated and associated communes, and the municipal
 * arrondissements of Paris, Lyon and Marseille (the death registry writes `75112`, not `75056`).
 */
export async function createReferenceTables(engine: Engine): Promise<void> {
  await engine.run('CREATE SCHEMA IF NOT EXISTS ref');
  await engine.run(`CREATE OR REPLACE TABLE ref.cog_region AS
    SELECT code AS region_code, nom AS region_name, zone
    FROM read_json(${quoteLiteral(cogFile('regions'))}, format = 'array', columns = {code: 'VARCHAR', nom: 'VARCHAR', zone: 'VARCHAR'})`);
  await engine.run(`CREATE OR REPLACE TABLE ref.cog_departement AS
    SELECT code AS departement_code, nom AS departement_name, region AS region_code, zone
    FROM read_json(${quoteLiteral(cogFile('departements'))}, format = 'array',
      columns = {code: 'VARCHAR', nom: 'VARCHAR', region: 'VARCHAR', zone: 'VARCHAR'})`);
  await engine.run(`CREATE OR REPLACE TEMP TABLE cog_commune_json AS
    SELECT * FROM read_json(${quoteLiteral(cogFile('communes'))}, format = 'array',
      columns = {code: 'VARCHAR', nom: 'VARCHAR', type: 'VARCHAR', departement: 'VARCHAR', region: 'VARCHAR', zone: 'VARCHAR',
                 population: 'BIGINT', anciensCodes: 'VARCHAR[]', commune: 'VARCHAR', chefLieu: 'VARCHAR'})`);
  await engine.run(`CREATE OR REPLACE TABLE ref.cog_commune AS
    SELECT code AS commune_code, nom AS commune_name, departement AS departement_code, region AS region_code, zone, population
    FROM cog_commune_json WHERE type = 'commune-actuelle'`);
  await engine.run(`CREATE OR REPLACE TABLE ref.cog_commune_code AS
    WITH aliases AS (
      SELECT code, code AS commune_code, 1 AS rank FROM cog_commune_json WHERE type = 'commune-actuelle'
      UNION ALL
      SELECT unnest(anciensCodes), code, 2 FROM cog_commune_json WHERE type = 'commune-actuelle' AND anciensCodes IS NOT NULL
      UNION ALL
      SELECT code, commune, 3 FROM cog_commune_json WHERE type = 'arrondissement-municipal'
      UNION ALL
      SELECT code, chefLieu, 4 FROM cog_commune_json WHERE type IN ('commune-deleguee', 'commune-associee') AND chefLieu IS NOT NULL
    )
    SELECT code, arg_min(commune_code, rank) AS commune_code FROM aliases GROUP BY code`);
  await engine.run('DROP TABLE cog_commune_json');
}
