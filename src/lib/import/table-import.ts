/**
 * A table (rows of text cells, header first) → records of the local dataset, all or nothing: every row is
 * checked with the zod schemas and every problem is reported with its spreadsheet row, column, what is wrong
 * and how to fix it. Long layout (one row per fact, as the share export writes it) or wide layout (one row per
 * town and year, one column per indicator). Pure: the worker runs it, the unit tests call it directly.
 */
import { Fact, Report, Town, levelOf, type UnitType } from '../catalog/schemas.ts';
import { valueProblem } from '../catalog/bounds.ts';
import { REPORT_TEXT_COLUMN, TABLE_COLUMNS, type DuckType } from './columns.ts';
import { attachTexts } from './table-texts.ts';
import type { ReviewRecord } from './review-record.ts';
import { emptyDataset, findConflicts, reportViolations, type ExistingValue, type KnownTown, type LocalDataset } from './dataset.ts';
import { INDICATOR_BY_ID, indicatorOf, mapHeaders, type HeaderMap } from './headers.ts';
import { shortHash } from './hash.ts';
import { ImportProblemError, fileProblem, msg, type ImportProblem } from './problems.ts';
import { issueMessage } from './zod-messages.ts';

export const TABLE_RULE_ID = 'table';
export const TABLE_EXTRACTOR_VERSION = 'import-table-1';
/** Enough to fix a file in one go without drowning the page. */
export const MAX_PROBLEMS = 200;
/**
 * Facts one table import may bring. The import worker holds every fact of a file as a record (about 1 KB
 * each) until it is saved, and the save copies them into IndexedDB and DuckDB: past this the tab runs out of
 * memory (a 940 k-row wide CSV is 4.7 M facts). Counted while the rows are read, so a file that is too big is
 * refused early, with how to split it, instead of failing after minutes.
 */
export const MAX_TABLE_FACTS = 1_000_000;

export interface TableContext {
  fileName: string;
  /** Overrides MAX_TABLE_FACTS (tests). */
  maxFacts?: number;
  /** Towns already in the database (bundled and imported), for matching ids and names. */
  knownTowns: KnownTown[];
  importedAt: string;
  onProgress?: (share: number) => void;
}

export interface TableImport {
  dataset: LocalDataset;
  layout: 'long' | 'wide';
  /** fact_id → the cell it came from, for messages about conflicts found later. */
  cells: Map<string, { row: number; column: string }>;
  rowsRead: number;
  /** Review records of the reports whose full text the file brings (a share export's), stored on save. */
  reviews: ReviewRecord[];
}

const TOWN_TYPES: UnitType[] = ['民族乡', '街道', '镇', '乡', '县级市', '县', '区', '市'];
const unitTypeOfName = (name: string): UnitType | null => TOWN_TYPES.find((t) => name.endsWith(t)) ?? null;

type Cell = string | undefined;

class Problems {
  list: ImportProblem[] = [];
  more = 0;
  add(p: ImportProblem) {
    if (this.list.length < MAX_PROBLEMS) this.list.push(p);
    else this.more++;
  }
}

/** Text cell → typed value; undefined for an empty cell. Throws a bilingual message for a bad one. */
function parseCell(raw: Cell, type: DuckType): unknown {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (s === '') return undefined;
  switch (type) {
    case 'DOUBLE':
    case 'INTEGER':
    case 'SMALLINT': {
      if (/^-?\d{1,15}(\.\d+)?$/.test(s)) {
        // the common case, without the clean-up below
        const n = Number(s);
        if (type !== 'DOUBLE' && !Number.isInteger(n))
          throw msg(`“${s}”不是整数`, `"${s}" is not a whole number`, '写整数,如 2024', 'write a whole number, e.g. 2024');
        return n;
      }
      const t = s.replace(/[,，\s]/g, '').replace(/%$/, '');
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t))
        throw msg(
          `“${s}”不是数字`,
          `"${s}" is not a number`,
          '写不带单位和文字的数字,如 289 或 96.5',
          'write a plain number without units or words, e.g. 289 or 96.5',
        );
      const n = Number(t);
      if (!Number.isFinite(n)) throw valueProblem(n, { kind: '', unit: '' }, s)!;
      if (type !== 'DOUBLE' && !Number.isInteger(n))
        throw msg(`“${s}”不是整数`, `"${s}" is not a whole number`, '写整数,如 2024', 'write a whole number, e.g. 2024');
      return n;
    }
    case 'BOOLEAN': {
      const l = s.toLowerCase();
      if (['true', '1', '是', 'yes', 'y'].includes(l)) return true;
      if (['false', '0', '否', 'no', 'n'].includes(l)) return false;
      throw msg(`“${s}”不是“是/否”`, `"${s}" is not true/false`, '写 true 或 false(或 是/否)', 'write true or false');
    }
    case 'DATE': {
      let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
      if (!m && /^\d{5}(\.0+)?$/.test(s)) {
        // an Excel date serial (days since 1899-12-30)
        const d = new Date(Date.UTC(1899, 11, 30) + Number(s) * 86400000);
        m = [s, String(d.getUTCFullYear()), String(d.getUTCMonth() + 1), String(d.getUTCDate())] as unknown as RegExpExecArray;
      }
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31)
        throw msg(`“${s}”不是日期`, `"${s}" is not a date`, '写成 YYYY-MM-DD,如 2025-03-14', 'write it as YYYY-MM-DD, e.g. 2025-03-14');
      return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    }
    default:
      return raw;
  }
}

const FACT_TYPES = TABLE_COLUMNS.facts as Record<string, DuckType>;
const TOWN_TYPES_COL = TABLE_COLUMNS.towns as Record<string, DuckType>;
const REPORT_TYPES = TABLE_COLUMNS.reports as Record<string, DuckType>;

export function importTable(rows: string[][], ctx: TableContext): TableImport {
  const headerIdx = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIdx < 0)
    throw fileProblem(msg('表格是空的(没有表头,也没有数据)', 'the table is empty (no header, no data)', '检查是否选错了文件或工作表', 'check that you picked the right file or sheet'));
  const hm = mapHeaders(rows[headerIdx]!.map((h) => h ?? ''));
  const problems = new Problems();
  checkHeaders(hm, headerIdx + 1, problems);
  if (problems.list.length) throw new ImportProblemError(problems.list);

  const col = new Map<string, number>();
  hm.fields.forEach((f, i) => f && col.set(f, i));
  const dataset = emptyDataset();
  const cells = new Map<string, { row: number; column: string }>();
    const townCache = new Map<string, string>();
  const towns = new TownIndex(ctx.knownTowns);
  const reportOf = new Map<string, { report: Report; row: number }>();
  const seen = new Map<string, { value: number; row: number; column: string }>();
  const texts = new Map<string, { text: string; row: number; column: string }>();
  const hasEvidence = col.has('evidence');
  // The fact columns this file gives besides the key ones, worked out once rather than per row.
  const factCols = Object.entries(FACT_TYPES).filter(([k]) => col.has(k) && !['report_id', 'town_id', 'year', 'indicator_id', 'value'].includes(k));
  let rowsRead = 0;
  const maxFacts = ctx.maxFacts ?? MAX_TABLE_FACTS;

  for (let r = headerIdx + 1; r < rows.length; r++) {
    if (ctx.onProgress && r % 5000 === 0) ctx.onProgress(r / rows.length);
    const cellsOfRow = rows[r]!;
    if (!cellsOfRow.some((c) => c.trim() !== '')) continue;
    rowsRead++;
    const rowNo = r + 1;
    const header = (f: string) => (col.has(f) ? hm.headers[col.get(f)!]! : f);
    const field = (f: string, type: DuckType): unknown => {
      const i = col.get(f);
      if (i === undefined) return undefined;
      try {
        return parseCell(cellsOfRow[i], type);
      } catch (b) {
        problems.add({ row: rowNo, column: hm.headers[i]!, ...(b as ReturnType<typeof msg>) });
        return null;
      }
    };
    const before = problems.list.length + problems.more;

    // --- the town
    const year = field('year', 'SMALLINT') as number | undefined | null;
    if (year === undefined)
      problems.add({ row: rowNo, column: header('year'), ...msg('缺少年份', 'the year is missing', '在年份列填写四位数的年份', 'fill in the year column with a four-digit year') });
    // Resolve each distinct town once (by the raw text of its columns), not once per row.
    const townKey = TOWN_COLUMNS.map((f) => (col.has(f) ? (cellsOfRow[col.get(f)!] ?? '').trim() : '')).join('\u001f');
    let town: string | null | undefined = townCache.get(townKey);
    if (town === undefined) {
      town = resolveTown(field, header, rowNo, towns, problems);
      if (town !== null) townCache.set(townKey, town);
    }
    if (town === null || year === undefined || year === null) continue;

    // --- the report (one per town and year unless the file names reports)
    const givenReport = field('report_id', 'VARCHAR') as string | undefined;
    const report_id = givenReport ?? `imp-${shortHash(`${ctx.fileName}\u001f${town}\u001f${year}`)}`;
    const rep = reportOf.get(report_id);
    if (rep && (rep.report.town_id !== town || rep.report.year !== year)) {
      problems.add({
        row: rowNo,
        column: header('report_id'),
        ...msg(
          `报告 ${report_id} 在第 ${rep.row} 行属于 ${rep.report.town_id} ${rep.report.year} 年,这里却是 ${town} ${year} 年`,
          `report ${report_id} belongs to ${rep.report.town_id} ${rep.report.year} on row ${rep.row}, but to ${town} ${year} here`,
          '一个报告只对应一个乡镇的一个年度:改正报告编号、乡镇或年份',
          'a report covers one town and one year: correct the report id, town or year',
        ),
      });
      continue;
    }
    if (!rep) {
      const candidate: Record<string, unknown> = {
        report_id, town_id: town, year, title: ctx.fileName, publisher: null, publication_date: null, url: null,
        text_path: null, full_text_hash: null, genre: 'other', source: 'import', is_synthetic: false,
      };
      for (const [k, type] of Object.entries(REPORT_TYPES)) {
        if (k === 'report_id' || k === 'town_id' || k === 'year' || k === 'source') continue;
        if (!col.has(`report_${k}`)) continue;
        const v = field(`report_${k}`, type);
        candidate[k] = v === undefined ? null : v;
      }
      if (candidate.genre === null) candidate.genre = 'other';
      if (candidate.is_synthetic === null) candidate.is_synthetic = false;
      const ok = validate(Report, candidate, rowNo, (f) => header(f === 'report_id' ? 'report_id' : `report_${f}`), problems);
      if (!ok) continue;
      reportOf.set(report_id, { report: ok, row: rowNo });
      dataset.reports.push(ok);
    }
    const textCell = col.has(REPORT_TEXT_COLUMN) ? cellsOfRow[col.get(REPORT_TEXT_COLUMN)!] : undefined;
    if (textCell?.trim() && !texts.has(report_id)) texts.set(report_id, { text: textCell, row: rowNo, column: header(REPORT_TEXT_COLUMN) });

    // --- the facts: one per row (long) or one per filled indicator cell (wide)
    const specs: { indicator: string; rawValue: string; column: string }[] = [];
    if (hm.layout === 'long') {
      const raw = (cellsOfRow[col.get('indicator_id')!] ?? '').trim();
      const id = indicatorOf(raw) ?? raw;
      specs.push({ indicator: id, rawValue: cellsOfRow[col.get('value')!] ?? '', column: header('value') });
      if (!INDICATOR_BY_ID.has(id))
        problems.add({
          row: rowNo,
          column: header('indicator_id'),
          ...msg(
            raw ? `“${raw}”不是指标目录中的指标` : '缺少指标',
            raw ? `"${raw}" is not an indicator of the catalog` : 'the indicator is missing',
            '使用“指标目录”页中的指标编号或名称,如 med_cases_total 或 调处矛盾纠纷总件数',
            'use an id or label from the Indicators page, e.g. med_cases_total',
          ),
        });
    } else {
      hm.indicators.forEach((id, i) => {
        if (id && (cellsOfRow[i] ?? '').trim() !== '') specs.push({ indicator: id, rawValue: cellsOfRow[i]!, column: hm.headers[i]! });
      });
    }
    if (problems.list.length + problems.more > before) continue;

    for (const spec of specs) {
      const ind = INDICATOR_BY_ID.get(spec.indicator)!;
      let value: unknown;
      try {
        value = parseCell(spec.rawValue, 'DOUBLE');
      } catch (b) {
        problems.add({ row: rowNo, column: spec.column, ...(b as ReturnType<typeof msg>) });
        continue;
      }
      const tooLarge = typeof value === 'number' ? valueProblem(value, ind, spec.rawValue.trim()) : null;
      if (tooLarge) {
        problems.add({ row: rowNo, column: spec.column, ...tooLarge });
        continue;
      }
      const colOf = (f: string) => (f === 'value' ? spec.column : f === 'indicator_id' && hm.layout === 'wide' ? spec.column : header(f));
      const candidate: Record<string, unknown> = {
        fact_id: hm.layout === 'long' ? `${report_id}-r${rowNo}` : `${report_id}-r${rowNo}-${spec.indicator}`,
        report_id, town_id: town, year, indicator_id: spec.indicator, sub_kind: null, measure: 'level', value,
        value_high: null, qualifier: 'exact', unit_raw: null, unit: ind.unit, scale: 1, numeral_type: 'arabic',
        is_zero_statement: value === 0, is_target: false, is_derived: false,
        period_start: `${year}-01-01`, period_end: `${year}-12-31`, period_basis: 'calendar_year', scope: null,
        section: '成效',
        evidence: `${ctx.fileName} 第${rowNo}行「${spec.column}」:${spec.rawValue.trim()}`,
        evidence_start: null, evidence_end: null, rule_id: TABLE_RULE_ID, extractor_version: TABLE_EXTRACTOR_VERSION,
        review_status: 'accepted', source_url: null, is_synthetic: false,
      };
      if (hm.layout === 'long') {
        // Every other fact column the file has overrides the default (an empty cell means null, where allowed).
        for (const [k, type] of factCols) {
          const v = field(k, type);
          if (v === null) continue; // unparsable: already reported
          if (v === undefined) {
            if (NULLABLE_FACT.has(k)) candidate[k] = null;
          } else candidate[k] = v;
        }
        const given = field('fact_id', 'VARCHAR');
        if (typeof given === 'string') candidate.fact_id = given;
      }
      const fact = validate(Fact, candidate, rowNo, colOf, problems);
      if (!fact) continue;
      // The same town, year and indicator twice in a table that states no source phrases: two values for one number.
      if (!hasEvidence) {
        const k = `${report_id}\u001f${fact.indicator_id}\u001f${fact.sub_kind ?? ''}\u001f${fact.measure}\u001f${fact.is_target}\u001f${fact.section}`;
        const prev = seen.get(k);
        if (prev) {
          if (prev.value !== fact.value)
            problems.add({
              row: rowNo,
              column: spec.column,
              ...msg(
                `同一乡镇、年份和指标有两个不同的值:第 ${prev.row} 行为 ${prev.value},这里为 ${fact.value}`,
                `two different values for the same town, year and indicator: ${prev.value} on row ${prev.row}, ${fact.value} here`,
                '核对原始资料,只保留正确的一行',
                'check the source and keep only the correct row',
              ),
            });
          continue;
        }
        seen.set(k, { value: fact.value, row: rowNo, column: spec.column });
      }
      if (dataset.facts.length >= maxFacts) throw tooManyFacts(maxFacts, rowNo, r - headerIdx);
      dataset.facts.push(fact);
      cells.set(fact.fact_id, { row: rowNo, column: spec.column });
    }
  }
  ctx.onProgress?.(1);

  const ids = new Map<string, number>();
  for (const f of dataset.facts) {
    const c = cells.get(f.fact_id)!;
    if (ids.has(f.fact_id))
      problems.add({
        row: c.row,
        column: col.has('fact_id') ? hm.headers[col.get('fact_id')!]! : '',
        ...msg(`编号 ${f.fact_id} 与第 ${ids.get(f.fact_id)} 行重复`, `id ${f.fact_id} repeats row ${ids.get(f.fact_id)}`, '每行的 fact_id 须唯一', 'each row needs its own fact_id'),
      });
    else ids.set(f.fact_id, c.row);
  }
  const { reviews, problems: textProblems } = attachTexts(dataset, texts, (id) => towns.get(id), ctx.fileName, ctx.importedAt);
  textProblems.forEach((p) => problems.add(p));
  if (rowsRead === 0 && !problems.list.length)
    problems.add({ row: 0, column: '', ...msg('表格只有表头,没有数据行', 'the table has a header but no data rows', '在表头下面填写数据后再导入', 'add data rows under the header') });
  if (problems.list.length) {
    // In reading order: by row, then by the column's place in the header.
    const place = (c: string) => (hm.headers.indexOf(c) < 0 ? hm.headers.length : hm.headers.indexOf(c));
    problems.list.sort((a, b) => a.row - b.row || place(a.column) - place(b.column));
    if (problems.more)
      problems.list.push({ row: 0, column: '', ...msg(`另有 ${problems.more} 处问题未列出`, `${problems.more} more problems not listed`, '先改正上面的问题再导入', 'fix the ones above and import again') });
    throw new ImportProblemError(problems.list);
  }
  const usedTowns = new Set(dataset.reports.map((r) => r.town_id));
  dataset.towns = towns.created().filter((t) => usedTowns.has(t.town_id));
  const byReport = new Map<string, Fact[]>();
  for (const f of dataset.facts) {
    const list = byReport.get(f.report_id);
    if (list) list.push(f);
    else byReport.set(f.report_id, [f]);
  }
  for (const r of dataset.reports) {
    dataset.violations.push(...reportViolations(r.report_id, byReport.get(r.report_id) ?? []));
    dataset.origins[r.report_id] = { file: ctx.fileName, kind: 'table', imported_at: ctx.importedAt };
  }
  return { dataset, layout: hm.layout, cells, rowsRead, reviews };
}

function tooManyFacts(max: number, rowNo: number, rowsSoFar: number) {
  const n = max.toLocaleString('en-US');
  // Rows per file with a margin, rounded to a number a person would type.
  const raw = Math.floor(rowsSoFar * 0.9);
  const step = raw >= 10_000 ? 1000 : raw >= 100 ? 10 : 1;
  const per = Math.max(1, Math.floor(raw / step) * step).toLocaleString('en-US');
  return fileProblem(
    msg(
      `文件太大:到第 ${rowNo} 行已有 ${n} 条数据,超过一次导入的上限(${n} 条)`,
      `the file is too big: by row ${rowNo} it already holds ${n} facts, the most one import can take`,
      `把表格拆成几个文件(每个不超过约 ${per} 行),分别导入`,
      `split the table into several files (at most about ${per} rows each) and import them one by one`,
    ),
  );
}

const TOWN_COLUMNS = ['town_id', 'town_name_zh', 'town_county', 'town_prefecture', 'town_province', 'town_unit_type', 'town_level', 'town_adcode', 'town_population', 'town_n_villages', 'town_is_synthetic'];
const NULLABLE_FACT = new Set(['sub_kind', 'value_high', 'unit_raw', 'period_start', 'period_end', 'scope', 'evidence_start', 'evidence_end', 'source_url']);

function validate<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: import('zod').z.core.$ZodIssue[] } } },
  candidate: Record<string, unknown>,
  row: number,
  columnOf: (field: string) => string,
  problems: Problems,
): T | null {
  const r = schema.safeParse(candidate);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const f = String(issue.path[0] ?? '');
    problems.add({ row, column: columnOf(f), ...issueMessage(issue, candidate[f]) });
  }
  return null;
}

function checkHeaders(hm: HeaderMap, row: number, problems: Problems): void {
  const seen = new Map<string, string>();
  hm.headers.forEach((h, i) => {
    const key = hm.fields[i] || hm.indicators[i];
    if (!key) {
      if (h.trim() === '') return;
      problems.add({
        row,
        column: h,
        ...(hm.layout === 'long'
          ? msg(`不认识的列“${h}”`, `unknown column "${h}"`, '删除该列,或改用导出文件中的列名(如 fact_id、evidence、town_county)', 'delete it, or use a column name of the export (fact_id, evidence, town_county …)')
          : msg(
              `列“${h}”既不是指标,也不是乡镇、年份等信息列`,
              `column "${h}" is neither an indicator nor a town, year or place column`,
              '表头写指标编号、中文名称或英文名称(见“指标目录”页),如 调处矛盾纠纷总件数;不需要的列请删除',
              'name it by an indicator id, Chinese or English label (see the Indicators page), or delete it',
            )),
      });
      return;
    }
    if (seen.has(key))
      problems.add({ row, column: h, ...msg(`列“${h}”与列“${seen.get(key)}”重复`, `column "${h}" repeats column "${seen.get(key)}"`, '删除其中一列', 'delete one of them') });
    seen.set(key, h);
  });
  const has = (f: string) => hm.fields.includes(f);
  if (!has('year')) problems.add({ row, column: '', ...msg('缺少“年份”列', 'no year column', '加一列“年份”(或 year)', 'add a column "year" (or 年份)') });
  if (!has('town_id') && !has('town_name_zh'))
    problems.add({ row, column: '', ...msg('缺少“乡镇”列', 'no town column', '加一列“乡镇”(乡镇名称)或 town_id', 'add a column "town" (name) or town_id') });
  if (hm.layout === 'wide' && !hm.indicators.some(Boolean))
    problems.add({
      row,
      column: '',
      ...msg(
        '表头中没有可识别的指标列,也没有 indicator_id 和 value 列',
        'no indicator column in the header, and no indicator_id and value columns',
        '宽表:每个指标一列,表头写指标名称;长表:用 indicator_id 和 value 两列',
        'wide layout: one column per indicator named by its label; long layout: indicator_id and value columns',
      ),
    });
}

/**
 * The towns a file's rows can name: known ones (bundled and imported) and the ones this file creates, indexed
 * by id and by name, so matching a row costs the same for the first town as for the 100,000th (a scan of the
 * created towns per new town made a 940 k-row file quadratic). `lookups` counts candidates looked at, for the
 * test that shows the work grows with the rows, not with their square.
 */
export class TownIndex {
  private readonly known = new Map<string, KnownTown>();
  private readonly made = new Map<string, Town>();
  private readonly byName = new Map<string, { town_id: string; county: string | null; province: string | null }[]>();
  lookups = 0;
  constructor(knownTowns: readonly KnownTown[]) {
    for (const t of knownTowns) {
      this.known.set(t.town_id, t);
      this.addName(t.name_zh, t);
    }
  }
  private addName(name: string, t: { town_id: string; county: string | null; province: string | null }): void {
    const list = this.byName.get(name);
    if (list) list.push(t);
    else this.byName.set(name, [t]);
  }
  has(id: string): boolean {
    return this.known.has(id) || this.made.has(id);
  }
  get(id: string): KnownTown | Town | undefined {
    return this.made.get(id) ?? this.known.get(id);
  }
  isCreated(id: string): boolean {
    return this.made.has(id);
  }
  add(t: Town): void {
    this.made.set(t.town_id, t);
    this.addName(t.name_zh, t);
  }
  /** Distinct ids of the towns called `name` (in the county / province when given). */
  match(name: string, county: string | null, province: string | null): string[] {
    const ids = new Set<string>();
    for (const t of this.byName.get(name) ?? []) {
      this.lookups++;
      if ((!county || t.county === county) && (!province || t.province === province)) ids.add(t.town_id);
    }
    return [...ids];
  }
  created(): Town[] {
    return [...this.made.values()];
  }
}

function resolveTown(
  field: (f: string, type: DuckType) => unknown,
  header: (f: string) => string,
  row: number,
  towns: TownIndex,
  problems: Problems,
): string | null {
  const id = field('town_id', 'VARCHAR') as string | undefined | null;
  const name = (field('town_name_zh', 'VARCHAR') as string | undefined | null)?.trim();
  const county = ((field('town_county', 'VARCHAR') as string | undefined) ?? null)?.trim() || null;
  const province = ((field('town_province', 'VARCHAR') as string | undefined) ?? null)?.trim() || null;
  const prefecture = ((field('town_prefecture', 'VARCHAR') as string | undefined) ?? null)?.trim() || null;
  if (id === null || name === null) return null;
  if (id) {
    const k = id.trim();
    if (towns.has(k)) return k;
    if (!name) {
      problems.add({
        row,
        column: header('town_id'),
        ...msg(`没有编号为 ${k} 的乡镇`, `no town with id ${k}`, '使用已有乡镇的编号,或加一列乡镇名称以新建该乡镇', 'use the id of a known town, or add a town name column to create it'),
      });
      return null;
    }
    return createTown(k, name, county, prefecture, province, field, header, row, towns, problems);
  }
  if (!name) {
    problems.add({ row, column: header('town_name_zh'), ...msg('缺少乡镇名称', 'the town name is missing', '填写乡镇(街道)名称', 'fill in the town name') });
    return null;
  }
  const unique = towns.match(name, county, province);
  if (unique.length === 1) return unique[0]!;
  if (unique.length > 1) {
    problems.add({
      row,
      column: header('town_name_zh'),
      ...msg(
        `有 ${unique.length} 个乡镇都叫“${name}”`,
        `${unique.length} towns are called "${name}"`,
        '加上“县(区)”或“省份”列以区分,或填写 town_id',
        'add a county or province column to tell them apart, or give town_id',
      ),
    });
    return null;
  }
  const newId = `imp-${shortHash(`${province ?? ''}\u001f${prefecture ?? ''}\u001f${county ?? ''}\u001f${name}`)}`;
  return createTown(newId, name, county, prefecture, province, field, header, row, towns, problems);
}

function createTown(
  town_id: string,
  name: string,
  county: string | null,
  prefecture: string | null,
  province: string | null,
  field: (f: string, type: DuckType) => unknown,
  header: (f: string) => string,
  row: number,
  towns: TownIndex,
  problems: Problems,
): string | null {
  if (towns.isCreated(town_id)) return town_id;
  const given = field('town_unit_type', 'VARCHAR') as string | undefined | null;
  const unit_type = given?.trim() || unitTypeOfName(name);
  if (!unit_type) {
    problems.add({
      row,
      column: header('town_unit_type'),
      ...msg(`无法从名称“${name}”判断单位类型`, `cannot tell the unit type from the name "${name}"`, '加一列“类型”,填写 镇、乡、民族乡 或 街道', 'add a "unit_type" column: 镇, 乡, 民族乡 or 街道'),
    });
    return null;
  }
  const candidate: Record<string, unknown> = {
    town_id, name_zh: name, unit_type, level: null, county, prefecture, province, adcode: null, population: null,
    n_villages: null, is_synthetic: false,
  };
  for (const k of ['adcode', 'population', 'n_villages', 'is_synthetic', 'level'] as const) {
    const v = field(`town_${k}`, TOWN_TYPES_COL[k]!);
    if (v !== undefined && v !== null) candidate[k] = v;
  }
  const ut = Town.shape.unit_type.safeParse(unit_type);
  if (candidate.level === null && ut.success) candidate.level = levelOf(ut.data);
  const ok = validate(Town, candidate, row, (f) => header(f === 'name_zh' ? 'town_name_zh' : f === 'town_id' ? 'town_id' : `town_${f}`), problems);
  if (!ok) return null;
  towns.add(ok);
  return town_id;
}

/**
 * Checks a parsed import against what the browser already holds: report and fact ids already imported, and
 * values that contradict another report for the same town, year and indicator. Returns problems (none = fine).
 */
export function checkAgainstExisting(
  incoming: LocalDataset,
  base: LocalDataset,
  existing: ExistingValue[],
  cellOf: (factId: string) => { row: number; column: string } | undefined,
): ImportProblem[] {
  const out: ImportProblem[] = [];
  const have = new Set(base.reports.map((r) => r.report_id));
  for (const r of incoming.reports)
    if (have.has(r.report_id)) {
      const o = base.origins[r.report_id];
      out.push({
        row: 0,
        column: '',
        ...msg(
          `报告 ${r.report_id}(${r.town_id} ${r.year} 年)已经导入过${o ? `(来自 ${o.file})` : ''}`,
          `report ${r.report_id} (${r.town_id}, ${r.year}) is already imported${o ? ` (from ${o.file})` : ''}`,
          '如要替换,先在“本地数据”中删除该条目再导入',
          'to replace it, delete that entry under "Local data" first, then import again',
        ),
      });
    }
  const haveFacts = new Set(base.facts.map((f) => f.fact_id));
  for (const f of incoming.facts)
    if (haveFacts.has(f.fact_id) && !have.has(f.report_id)) {
      const c = cellOf(f.fact_id);
      out.push({ row: c?.row ?? 0, column: c?.column ?? 'fact_id', ...msg(`fact_id ${f.fact_id} 已存在`, `fact_id ${f.fact_id} already exists`, '换一个编号,或留空由系统生成', 'use another id, or leave it empty') });
    }
  for (const c of findConflicts(incoming.facts, existing).slice(0, MAX_PROBLEMS)) {
    const cell = cellOf(c.fact.fact_id);
    const e = c.existing[0]!;
    out.push({
      row: cell?.row ?? 0,
      column: cell?.column ?? c.fact.indicator_id,
      ...msg(
        `与已有数据冲突:${c.fact.town_id} ${c.fact.year} 年 ${c.fact.indicator_id} 新值 ${c.fact.value},已有 ${c.existing.map((x) => x.value).join('、')}(${e.source === 'import' ? '本地导入' : '内置数据'},报告 ${e.report_id}:“${e.evidence.slice(0, 40)}”)`,
        `conflicts with existing data: ${c.fact.town_id} ${c.fact.year} ${c.fact.indicator_id} is ${c.fact.value} here but ${c.existing.map((x) => x.value).join(', ')} in ${e.source === 'import' ? 'imported' : 'bundled'} report ${e.report_id} ("${e.evidence.slice(0, 40)}")`,
        '核对原始报告:改正本文件中的值,或先删除冲突的本地条目',
        'check the source: correct the value in this file, or delete the conflicting local entry first',
      ),
    });
  }
  return out;
}
