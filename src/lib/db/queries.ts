/**
 * Every named query of the app: SQL text (a file in ./sql, shared by browser and Node), its parameters
 * and the zod shape of its rows. Run them with runQuery(db, q, ...params).
 */
import { z } from 'zod';
import { defineQuery } from './query.ts';
import mediationSql from './sql/mediation_by_town_year.sql?raw';

const num = z.number().nullable();

export const mediationByTownYear = defineQuery({
  name: 'mediation_by_town_year',
  sql: mediationSql,
  params: z.tuple([z.string(), z.number().int(), z.number().int()]),
  row: z.object({
    town_id: z.string(),
    town_name: z.string(),
    county: z.string().nullable(),
    province: z.string().nullable(),
    year: z.number().int(),
    total: num,
    total_lower_bound: z.boolean().nullable(),
    oral: num,
    written: num,
    success: num,
    success_rate_reported: num,
    success_rate_derived: num,
    full_year: z.boolean(),
    is_synthetic: z.boolean(),
  }),
});
export type MediationRow = z.infer<typeof mediationByTownYear.row>;
