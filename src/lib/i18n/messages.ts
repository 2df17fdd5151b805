/**
 * UI strings, zh-CN (the default) and en, one file per area under ./areas (each area owns its keys, so
 * pages grow without stepping on each other). Adding an area: create areas/<name>.ts exporting `zh`
 * and `en` with the same keys, and list it here. tests/lib/i18n.test.ts checks the two catalogs match.
 */
import * as common from './areas/common.ts';
import * as overview from './areas/overview.ts';
import * as sql from './areas/sql.ts';
import * as compare from './areas/compare.ts';
import * as town from './areas/town.ts';
import * as indicators from './areas/indicators.ts';
import * as importArea from './areas/import.ts';
import * as briefing from './areas/briefing.ts';
import * as gazetteer from './areas/gazetteer.ts';

const areas = [common, overview, sql, compare, town, indicators, importArea, briefing, gazetteer] as const;

type Union<T> = T extends readonly (infer A)[] ? A : never;
type ZhOf<A> = A extends { zh: infer Z } ? Z : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type Messages = UnionToIntersection<ZhOf<Union<typeof areas>>>;
export type MessageKey = keyof Messages & string;

export const zh = Object.assign({}, ...areas.map((a) => a.zh)) as Record<MessageKey, string>;
export const en = Object.assign({}, ...areas.map((a) => a.en)) as Record<MessageKey, string>;

export const catalogs = { zh, en } as const;
export type Locale = keyof typeof catalogs;
export const LOCALES: Locale[] = ['zh', 'en'];
