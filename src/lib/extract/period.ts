/**
 * Reporting period (spec §3.1). A report's default period is its calendar year (or year-to-date when it
 * was published before the year ended); a sentence can narrow it (今年以来 / 截至… → ytd_as_of,
 * 上半年 → half_year) or widen it to a multi-year total (2021年以来 in a 2024 report → cumulative_since,
 * which is not an annual actual and is not emitted as a fact).
 */
import type { PeriodBasis } from '../catalog/schemas';

export interface Period {
  basis: PeriodBasis;
  start: string | null;
  end: string | null;
}

export function reportPeriod(year: number | null, publicationDate: string | null): Period {
  if (year === null) return { basis: 'unknown', start: null, end: null };
  if (publicationDate && publicationDate < `${year}-12-31` && publicationDate >= `${year}-01-01`)
    return { basis: 'ytd_as_of', start: `${year}-01-01`, end: publicationDate };
  return { basis: 'calendar_year', start: `${year}-01-01`, end: `${year}-12-31` };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Multi-year wording without an explicit start year. */
export const MULTI_YEAR = /(?:近|这|过去)[一二三四五六两\d]{1,2}年|[两三四五六七八九十]年(?:来|以来|间)|历年|多年来|累计至今|(?:成立|建成|启用|运行|实施|设立|创建|开展)以来|“?八五”?普法以来|十[三四]五(?:期间|以来)/;

/** The period a sentence states, given the text of the sentence up to the number. */
export function sentencePeriod(sentencePre: string, reportYear: number | null, base: Period, publicationDate: string | null): Period {
  const since = /(\d{4})年(?:(\d{1,2})月(?:份)?)?(?:\d{1,2}日)?(?:以来|至今)/.exec(sentencePre);
  if (since) {
    const y = Number(since[1]);
    if (reportYear !== null && y < reportYear)
      return { basis: 'cumulative_since', start: `${y}-${pad(Number(since[2] ?? 1))}-01`, end: null };
    // a text that states no year of its own: a span from a named year has no known end, no annual figure
    if (reportYear === null) return { basis: 'cumulative_since', start: `${y}-${pad(Number(since[2] ?? 1))}-01`, end: null };
    if (y === reportYear)
      return { basis: 'ytd_as_of', start: `${y}-${pad(Number(since[2] ?? 1))}-01`, end: base.end ?? publicationDate };
  }
  if (MULTI_YEAR.test(sentencePre)) return { basis: 'cumulative_since', start: null, end: null };
  const asOf = /截[至止](?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})日)?(?:底|末)?)?/.exec(sentencePre);
  if (asOf && reportYear !== null) {
    const y = Number(asOf[1] ?? reportYear);
    if (y < reportYear) return { basis: 'unknown', start: null, end: null };
    if (asOf[2]) {
      const mo = Number(asOf[2]);
      const d = asOf[3] ? Number(asOf[3]) : new Date(Date.UTC(y, mo, 0)).getUTCDate();
      if (mo === 12 && d === 31) return base;
      return { basis: 'ytd_as_of', start: `${y}-01-01`, end: `${y}-${pad(mo)}-${pad(d)}` };
    }
    return { basis: 'ytd_as_of', start: `${y}-01-01`, end: publicationDate ?? base.end };
  }
  if (/(?:今年|本年|年初)以来/.test(sentencePre) && reportYear !== null)
    return { basis: 'ytd_as_of', start: `${reportYear}-01-01`, end: base.end ?? publicationDate };
  if (/上半年/.test(sentencePre) && reportYear !== null)
    return { basis: 'half_year', start: `${reportYear}-01-01`, end: `${reportYear}-06-30` };
  return base;
}
