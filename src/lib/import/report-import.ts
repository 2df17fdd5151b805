/**
 * One report file → extraction result (in the worker), and the reviewed result → records of the local
 * dataset (on save). Town matching and the report's ids are pure and deterministic: the same report of the
 * same town and year gets the same ids, so importing it twice is caught as a duplicate.
 */
import { extractReport, ExtractInputError, type ExtractionResult, type LocalFact } from '../extract/index.ts';
import { Fact, Report, Town, UnitType, levelOf, type ReviewStatus } from '../catalog/schemas.ts';
import { docxToText } from './docx.ts';
import { decodeProblem } from './read-table.ts';
import { reportViolations, emptyDataset, removeReport, type KnownTown, type LocalDataset } from './dataset.ts';
import { INDICATOR_BY_ID } from './headers.ts';
import { shortHash } from './hash.ts';
import { ImportProblemError, msg, type ImportProblem } from './problems.ts';
import { issueMessage } from './zod-messages.ts';
import type { OfficialUnit } from './unit-match.ts';

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

export function readReport(bytes: Uint8Array, fileName: string): ExtractionResult {
  try {
    if (/\.docx$/i.test(fileName) || isZip(bytes)) {
      if (!isZip(bytes)) throw new ExtractInputError('binary', 'not a zip');
      return extractReport(docxToText(bytes), { fileName });
    }
    return extractReport(bytes, { fileName });
  } catch (e) {
    throw decodeProblem(e, fileName);
  }
}

/** The unit, place and year the user confirms on the review screen. */
export interface ReviewMeta {
  name_zh: string;
  unit_type: string;
  county: string;
  prefecture: string;
  province: string;
  year: number | null;
  title: string;
  publication_date: string;
}

/** A fact under review: the extractor's fact with the reviewer's verdict and edits applied. */
export type ReviewFact = LocalFact & { review_status: ReviewStatus };

export function initialReview(ex: ExtractionResult): { meta: ReviewMeta; facts: ReviewFact[] } {
  return {
    meta: {
      name_zh: ex.meta.unit_name ?? '',
      unit_type: ex.meta.unit_type ?? '',
      county: ex.meta.county ?? '',
      prefecture: ex.meta.prefecture ?? '',
      province: ex.meta.province ?? '',
      year: ex.meta.report_year,
      title: ex.meta.title ?? '',
      publication_date: ex.meta.publication_date ?? '',
    },
    facts: ex.facts.map((f) => ({ ...f, review_status: 'extracted' as const })),
  };
}

/** Applies an edit to a fact under review; a changed indicator takes that indicator's canonical unit. */
export function editFact(f: ReviewFact, set: Partial<Pick<ReviewFact, 'indicator_id' | 'value' | 'value_high' | 'qualifier' | 'sub_kind'>>): ReviewFact {
  const next = { ...f, ...set, review_status: 'corrected' as const };
  if (set.indicator_id && set.indicator_id !== f.indicator_id) {
    next.unit = INDICATOR_BY_ID.get(set.indicator_id)?.unit ?? f.unit;
    // the old indicator's sub-kind (its tag on the town page) does not belong to the new one
    if (set.sub_kind === undefined) next.sub_kind = null;
  }
  return next;
}

/** Existing towns this unit could be: same name, and same county / province where both are given. */
export function matchTowns(meta: Pick<ReviewMeta, 'name_zh' | 'county' | 'province'>, known: KnownTown[]): KnownTown[] {
  const name = meta.name_zh.trim();
  const county = meta.county.trim();
  const province = meta.province.trim();
  return known.filter(
    (t) => t.name_zh === name && (!county || !t.county || t.county === county) && (!province || !t.province || t.province === province),
  );
}

export const newTownId = (meta: Pick<ReviewMeta, 'name_zh' | 'county' | 'prefecture' | 'province'>): string =>
  `imp-${shortHash(`${meta.province.trim()}\u001f${meta.prefecture.trim()}\u001f${meta.county.trim()}\u001f${meta.name_zh.trim()}`)}`;

/** Where the town page finds an imported report's full text: the browser's review store, not a URL. */
export const IMPORTED_TEXT = 'indexeddb:';
export const importedTextPath = (reportId: string): string => `${IMPORTED_TEXT}${reportId}`;

/** What the review screen calls each field (a zod issue about it is reported under this name). */
const FIELD_WORDS: Record<string, [string, string]> = {
  name_zh: ['单位名称', 'Unit name'], unit_type: ['单位类型', 'Unit type'], county: ['县(区)', 'County'],
  prefecture: ['市(州)', 'Prefecture'], province: ['省份', 'Province'], year: ['年度', 'Year'], title: ['报告标题', 'Report title'],
  publication_date: ['发布日期', 'Published'], value: ['数值', 'value'], value_high: ['上限', 'upper value'],
  indicator_id: ['指标', 'indicator'], qualifier: ['限定', 'qualifier'], evidence: ['原文', 'evidence'], evidence_end: ['原文', 'evidence'],
};

/** A zod issue as a sentence about the report or about its n-th value, with no field names. */
function prose(i: Parameters<typeof issueMessage>[0], value: unknown, fact: { n: number; fact: ReviewFact } | null): ImportProblem {
  const field = String(i.path[0] ?? '');
  const [zhName, enName] = FIELD_WORDS[field] ?? ['内容', 'content'];
  const m = issueMessage(i, value);
  const ind = fact ? INDICATOR_BY_ID.get(fact.fact.indicator_id) : undefined;
  const whoZh = fact ? `第 ${fact.n} 个数值(${ind?.label_zh ?? fact.fact.indicator_id},“${fact.fact.evidence}”)的${zhName}` : `“${zhName}”`;
  const whoEn = fact ? `the ${enName} of value ${fact.n} (${ind?.label_en ?? fact.fact.indicator_id}, “${fact.fact.evidence}”)` : `“${enName}”`;
  return { row: 0, column: '', ...msg(`${whoZh}:${m.problem_zh}`, `${whoEn}: ${m.problem_en}`, m.fix_zh, m.fix_en) };
}

export const reportIdOf = (townId: string, year: number, text: string): string => `imp-${shortHash(`${townId}\u001f${year}\u001f${shortHash(text)}`)}`;

/**
 * The reviewed report as dataset records. `townId` is the existing town the user confirmed, or null to create
 * one: keyed by its official code, with the list's names and village count, when the reviewer's unit is in
 * the 2023 list (`official`, src/lib/import/unit-match.ts); else from the meta, under an id of its own
 * (adcode null: "not in the 2023 list"). Every record is checked with zod; problems are sentences.
 */
export function reviewedToDataset(
  ex: Pick<ExtractionResult, 'text'>,
  meta: ReviewMeta,
  facts: ReviewFact[],
  townId: string | null,
  fileName: string,
  importedAt: string,
  official: OfficialUnit | null = null,
): LocalDataset {
  const problems: ImportProblem[] = [];
  const ds = emptyDataset();
  // A report is prose: problems name what is missing in the reviewer's words (no field names, no rows).
  const need = (ok: boolean, zh: string, en: string, fixZh: string, fixEn: string) => {
    if (!ok) problems.push({ row: 0, column: '', ...msg(zh, en, fixZh, fixEn) });
  };
  const type = UnitType.safeParse(meta.unit_type);
  const county = type.success && levelOf(type.data) === 'county';
  const township = type.success && !county;
  need(
    !!meta.name_zh.trim(),
    '缺少单位名称', 'the name of the unit is missing',
    county ? '在“单位名称”中填写县(区)名称,如 海丰县' : township ? '在“单位名称”中填写乡镇(街道)名称,如 海城镇' : '在“单位名称”中填写乡镇、街道或县(区)的名称,如 海城镇 或 海丰县',
    county ? 'type the county or district in "Unit name", e.g. 海丰县' : township ? 'type the town or sub-district in "Unit name", e.g. 海城镇' : 'type the town, sub-district or county in "Unit name", e.g. 海城镇 or 海丰县',
  );
  need(meta.year !== null && meta.year >= 1990 && meta.year <= 2100, '缺少报告年度', 'the year the report covers is missing', '在“年度”中填写报告所述年度,如 2024', 'type the year the report covers in "Year", e.g. 2024');
  need(type.success, '缺少单位类型', 'the kind of unit is missing', '在“单位类型”中选择 镇、乡、民族乡、街道,或 县、区、县级市', 'choose in "Unit type": 镇, 乡, 民族乡, 街道, or 县, 区, 县级市 for a county-level report');
  if (problems.length) throw new ImportProblemError(problems);
  const year = meta.year!;
  const town_id = townId ?? official?.code ?? newTownId(meta);
  if (!townId) {
    const place = official
      ? { name_zh: official.name_zh, county: official.county, prefecture: official.prefecture, province: official.province, adcode: official.code, n_villages: official.n_villages || null }
      : { name_zh: meta.name_zh.trim(), county: meta.county.trim() || null, prefecture: meta.prefecture.trim() || null, province: meta.province.trim() || null, adcode: null, n_villages: null };
    const t = Town.safeParse({
      town_id, ...place, unit_type: meta.unit_type, level: levelOf(meta.unit_type as UnitType), population: null, is_synthetic: false,
    });
    if (t.success) ds.towns.push(t.data);
    else for (const i of t.error.issues) problems.push(prose(i, undefined, null));
  }
  const report_id = reportIdOf(town_id, year, ex.text);
  const rep = Report.safeParse({
    report_id, town_id, year, title: meta.title.trim() || fileName, publisher: null,
    publication_date: meta.publication_date.trim() || null, url: null, text_path: importedTextPath(report_id), full_text_hash: shortHash(ex.text),
    genre: 'report', source: 'import', is_synthetic: false,
  });
  if (rep.success) ds.reports.push(rep.data);
  else for (const i of rep.error.issues) problems.push(prose(i, (meta as unknown as Record<string, unknown>)[String(i.path[0])], null));
  facts.forEach((f, n) => {
    const { local_id, ...rest } = f;
    const cand = { ...rest, fact_id: `${report_id}-${local_id}`, report_id, town_id, year, source_url: null, is_synthetic: false };
    const r = Fact.safeParse(cand);
    if (r.success) ds.facts.push(r.data);
    else
      for (const i of r.error.issues) problems.push(prose(i, (cand as Record<string, unknown>)[String(i.path[0])], { n: n + 1, fact: f }));
  });
  if (problems.length) throw new ImportProblemError(problems);
  ds.violations = reportViolations(report_id, ds.facts);
  ds.origins[report_id] = { file: fileName, kind: 'report', imported_at: importedAt };
  return ds;
}

/**
 * The local dataset without the report a reopened review replaces, keeping the town records `incoming`
 * still refers to (`kept`: removing the report alone would drop a town only it used, and the reviewed
 * report, matched to that existing town, brings no town record of its own).
 */
export function withoutReport(base: LocalDataset, reportId: string, incoming: LocalDataset): { rest: LocalDataset; kept: Town[] } {
  const rest = removeReport(base, reportId);
  const have = new Set(rest.towns.map((t) => t.town_id));
  const needed = new Set(incoming.reports.map((r) => r.town_id));
  const kept = base.towns.filter((t) => needed.has(t.town_id) && !have.has(t.town_id));
  return { rest: { ...rest, towns: [...rest.towns, ...kept] }, kept };
}
