/**
 * One report file → extraction result (in the worker), and the reviewed result → records of the local
 * dataset (on save). Town matching and the report's ids are pure and deterministic: the same report of the
 * same town and year gets the same ids, so importing it twice is caught as a duplicate.
 */
import { extractReport, ExtractInputError, type ExtractionResult, type LocalFact } from '../extract/index.ts';
import { Fact, Report, Town, UnitType, levelOf, type ReviewStatus } from '../catalog/schemas.ts';
import { docxToText } from './docx.ts';
import { decodeProblem } from './read-table.ts';
import { reportViolations, emptyDataset, type KnownTown, type LocalDataset } from './dataset.ts';
import { INDICATOR_BY_ID } from './headers.ts';
import { shortHash } from './hash.ts';
import { ImportProblemError, msg, type ImportProblem } from './problems.ts';
import { issueMessage } from './zod-messages.ts';

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
      county: '',
      prefecture: '',
      province: '',
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
  if (set.indicator_id && set.indicator_id !== f.indicator_id) next.unit = INDICATOR_BY_ID.get(set.indicator_id)?.unit ?? f.unit;
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

export const reportIdOf = (townId: string, year: number, text: string): string => `imp-${shortHash(`${townId}\u001f${year}\u001f${shortHash(text)}`)}`;

/**
 * The reviewed report as dataset records. `townId` is the existing town the user confirmed, or null to create
 * one from the meta. Every record is checked with zod; problems come back with the field as the "column".
 */
export function reviewedToDataset(
  ex: Pick<ExtractionResult, 'text'>,
  meta: ReviewMeta,
  facts: ReviewFact[],
  townId: string | null,
  fileName: string,
  importedAt: string,
): LocalDataset {
  const problems: ImportProblem[] = [];
  const ds = emptyDataset();
  const need = (ok: boolean, field: string, zh: string, en: string, fixZh: string, fixEn: string) => {
    if (!ok) problems.push({ row: 0, column: field, ...msg(zh, en, fixZh, fixEn) });
  };
  need(!!meta.name_zh.trim(), 'name_zh', '缺少单位名称', 'the unit name is missing', '填写乡镇(街道)名称,如 蒲场镇', 'fill in the town name');
  need(meta.year !== null && meta.year >= 1990 && meta.year <= 2100, 'year', '缺少报告年度', 'the report year is missing', '填写报告所述年度,如 2024', 'fill in the year the report covers');
  need(UnitType.safeParse(meta.unit_type).success, 'unit_type', '缺少单位类型', 'the unit type is missing', '选择 镇、乡、民族乡 或 街道', 'choose 镇, 乡, 民族乡 or 街道');
  if (problems.length) throw new ImportProblemError(problems);
  const year = meta.year!;
  const town_id = townId ?? newTownId(meta);
  if (!townId) {
    const t = Town.safeParse({
      town_id, name_zh: meta.name_zh.trim(), unit_type: meta.unit_type, level: levelOf(meta.unit_type as UnitType),
      county: meta.county.trim() || null, prefecture: meta.prefecture.trim() || null, province: meta.province.trim() || null,
      adcode: null, population: null, n_villages: null, is_synthetic: false,
    });
    if (t.success) ds.towns.push(t.data);
    else for (const i of t.error.issues) problems.push({ row: 0, column: String(i.path[0]), ...issueMessage(i, undefined) });
  }
  const report_id = reportIdOf(town_id, year, ex.text);
  const rep = Report.safeParse({
    report_id, town_id, year, title: meta.title.trim() || fileName, publisher: null,
    publication_date: meta.publication_date.trim() || null, url: null, text_path: null, full_text_hash: shortHash(ex.text),
    genre: 'report', source: 'import', is_synthetic: false,
  });
  if (rep.success) ds.reports.push(rep.data);
  else for (const i of rep.error.issues) problems.push({ row: 0, column: String(i.path[0]), ...issueMessage(i, undefined) });
  facts.forEach((f, n) => {
    const { local_id, ...rest } = f;
    const cand = { ...rest, fact_id: `${report_id}-${local_id}`, report_id, town_id, year, source_url: null, is_synthetic: false };
    const r = Fact.safeParse(cand);
    if (r.success) ds.facts.push(r.data);
    else
      for (const i of r.error.issues)
        problems.push({ row: n + 1, column: String(i.path[0]), ...issueMessage(i, (cand as Record<string, unknown>)[String(i.path[0])]) });
  });
  if (problems.length) throw new ImportProblemError(problems);
  ds.violations = reportViolations(report_id, ds.facts);
  ds.origins[report_id] = { file: fileName, kind: 'report', imported_at: importedAt };
  return ds;
}
