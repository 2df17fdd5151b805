import type { UnitValue } from '../../../src/lib/db/queries.ts';
import { en, zh, type MessageKey } from '../../../src/lib/i18n/messages.ts';

export const tZh = (k: MessageKey) => zh[k];
export const tEn = (k: MessageKey) => en[k];

/** A unit value as unit_values returns it, with defaults for the fields a test does not care about. */
export const uv = (town: string, year: number, indicator_id: string, value: number | null, o: Partial<UnitValue> = {}): UnitValue => ({
  town_id: town, town_name: town, unit_type: '镇', level: 'township', county: '测试县', province: '测试省', year, indicator_id,
  category: indicator_id.split('_')[0]!, kind: indicator_id.endsWith('_rate') ? 'rate' : 'flow', unit: indicator_id.endsWith('_rate') ? '%' : '件',
  value, is_lower_bound: false, derived_value: null, numerator: null, denominator: null, full_year: true, is_synthetic: false,
  is_zero_statement: value === 0, fact_ids: [], ...o,
});
