/**
 * The local dataset: what the user imported in this browser — towns not in the bundle, reports, facts and
 * violations, in exactly the columns of schema `imported` — plus where each report came from. Pure
 * functions over it: merge, delete, conflicts with existing values, and the long table the share export writes.
 */
import { checkConsistency } from '../extract/consistency.ts';
import type { LocalFact } from '../extract/types.ts';
import type { Fact, Report, Town, Violation } from '../catalog/schemas.ts';
import type { Table } from '../export/table.ts';
import { EXPORT_COLUMNS, REPORT_EXPORT_FIELDS, REPORT_TEXT_COLUMN, TOWN_EXPORT_FIELDS } from './columns.ts';

export interface Origin {
  file: string;
  kind: 'report' | 'table';
  imported_at: string;
}

export interface LocalDataset {
  towns: Town[];
  reports: Report[];
  facts: Fact[];
  violations: Violation[];
  /** By report_id: the file it came from (local bookkeeping, not part of the shared data). */
  origins: Record<string, Origin>;
}

export const emptyDataset = (): LocalDataset => ({ towns: [], reports: [], facts: [], violations: [], origins: {} });

/** A town as the importer needs to know it to match names and ids (bundled, or already imported). */
export interface KnownTown {
  town_id: string;
  name_zh: string;
  unit_type: string;
  county: string | null;
  province: string | null;
}

/** Consistency findings of one report, over the facts that stand (rejected ones are out of the picture). */
export function reportViolations(reportId: string, facts: Fact[]): Violation[] {
  const live = facts.filter((f) => f.report_id === reportId && f.review_status !== 'rejected');
  const local = live.map((f) => ({ ...f, local_id: f.fact_id }) as unknown as LocalFact);
  return checkConsistency(local).map((v) => ({ report_id: reportId, ...v }));
}

/** Adds `incoming` to `base`; towns already present are kept once. Callers check for clashes first. */
export function mergeDatasets(base: LocalDataset, incoming: LocalDataset): LocalDataset {
  const townIds = new Set(base.towns.map((t) => t.town_id));
  return {
    towns: [...base.towns, ...incoming.towns.filter((t) => !townIds.has(t.town_id))],
    reports: [...base.reports, ...incoming.reports],
    facts: [...base.facts, ...incoming.facts],
    violations: [...base.violations, ...incoming.violations],
    origins: { ...base.origins, ...incoming.origins },
  };
}

/** Removes one report with its facts and violations, and its town when nothing else refers to it. */
export function removeReport(ds: LocalDataset, reportId: string): LocalDataset {
  const reports = ds.reports.filter((r) => r.report_id !== reportId);
  const used = new Set(reports.map((r) => r.town_id));
  const origins = { ...ds.origins };
  delete origins[reportId];
  return {
    towns: ds.towns.filter((t) => used.has(t.town_id)),
    reports,
    facts: ds.facts.filter((f) => f.report_id !== reportId),
    violations: ds.violations.filter((v) => v.report_id !== reportId),
    origins,
  };
}

/** Report ids and fact ids of `incoming` that `base` already holds. */
export function clashingIds(base: LocalDataset, incoming: LocalDataset): { reports: string[]; facts: string[] } {
  const r = new Set(base.reports.map((x) => x.report_id));
  const f = new Set(base.facts.map((x) => x.fact_id));
  return {
    reports: incoming.reports.filter((x) => r.has(x.report_id)).map((x) => x.report_id),
    facts: incoming.facts.filter((x) => f.has(x.fact_id)).map((x) => x.fact_id),
  };
}

/** A value already in the database (bundled or imported) that a new fact could contradict. */
export interface ExistingValue {
  town_id: string;
  year: number;
  indicator_id: string;
  sub_kind: string | null;
  value: number;
  report_id: string;
  source: string;
  evidence: string;
}

/** Facts that count as the achieved level of a town-year (the same test as the facts_actual view). */
export const isActual = (f: Pick<Fact, 'measure' | 'is_target' | 'review_status' | 'section'>): boolean =>
  f.measure === 'level' && !f.is_target && f.review_status !== 'rejected' && (f.section === '成效' || f.section === '其他');

const keyOf = (f: { town_id: string; year: number; indicator_id: string; sub_kind: string | null }) =>
  `${f.town_id}\u001f${f.year}\u001f${f.indicator_id}\u001f${f.sub_kind ?? ''}`;
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export interface Conflict {
  fact: Fact;
  existing: ExistingValue[];
}

/**
 * A new fact conflicts when another report already gives the same town, year and indicator (and sub-kind)
 * and none of its values equals the new one. Statements within one report are the report's own business
 * (the consistency rules flag those).
 */
export function findConflicts(incoming: Fact[], existing: ExistingValue[]): Conflict[] {
  const byKey = new Map<string, ExistingValue[]>();
  for (const e of existing) {
    const k = keyOf(e);
    const list = byKey.get(k);
    if (list) list.push(e);
    else byKey.set(k, [e]);
  }
  const out: Conflict[] = [];
  for (const f of incoming) {
    if (!isActual(f)) continue;
    const others = (byKey.get(keyOf(f)) ?? []).filter((e) => e.report_id !== f.report_id);
    if (others.length && !others.some((e) => same(e.value, f.value))) out.push({ fact: f, existing: others });
  }
  return out;
}

/**
 * The long share table: one row per fact, with its town (from the dataset or `knownTowns`) and report, and
 * the report's full text (`texts`, by report id) on the report's first row.
 */
export function toExportTable(ds: LocalDataset, knownTowns: Map<string, Town> = new Map(), texts: ReadonlyMap<string, string> = new Map()): Table {
  const towns = new Map<string, Town>([...knownTowns, ...ds.towns.map((t) => [t.town_id, t] as const)]);
  const reports = new Map(ds.reports.map((r) => [r.report_id, r]));
  const withText = new Set<string>();
  const rows = ds.facts.map((f) => {
    const row: Record<string, unknown> = { ...f };
    const t = towns.get(f.town_id);
    const r = reports.get(f.report_id);
    for (const k of TOWN_EXPORT_FIELDS) row[`town_${k}`] = t ? t[k] : null;
    for (const k of REPORT_EXPORT_FIELDS) row[`report_${k}`] = r ? r[k] : null;
    const text = withText.has(f.report_id) ? undefined : texts.get(f.report_id);
    row[REPORT_TEXT_COLUMN] = text ?? null;
    if (text !== undefined) withText.add(f.report_id);
    return row;
  });
  return { columns: EXPORT_COLUMNS, rows };
}

/** Facts of reports in the same order the dataset lists them, for stable comparisons and exports. */
export function sortDataset(ds: LocalDataset): LocalDataset {
  const by = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  return {
    towns: [...ds.towns].sort(by((t) => t.town_id)),
    reports: [...ds.reports].sort(by((r) => r.report_id)),
    facts: [...ds.facts].sort(by((f) => f.fact_id)),
    violations: [...ds.violations].sort(by((v) => `${v.report_id}\u001f${v.rule_id}\u001f${v.fact_ids.join(',')}`)),
    origins: ds.origins,
  };
}

/** One line of the local data list. */
export interface LocalEntry {
  report_id: string;
  town_id: string;
  year: number;
  title: string | null;
  facts: number;
  origin: Origin | null;
}

/**
 * What the import page shows and needs of the local dataset, without its facts: the worker keeps those
 * (a big dataset as objects would freeze the page when handed over or saved).
 */
export interface LocalSummary {
  reports: number;
  facts: number;
  towns: number;
  /** Newest first, then by report id; at most `limit`. */
  entries: LocalEntry[];
  /** Names of the local towns the entries show. */
  townNames: [string, string][];
  /** Towns the reports refer to that are not local (bundled): the share export adds their records. */
  foreignTownIds: string[];
}

export function summarize(ds: LocalDataset, limit = 500): LocalSummary {
  const counts = new Map<string, number>();
  for (const f of ds.facts) counts.set(f.report_id, (counts.get(f.report_id) ?? 0) + 1);
  const at = (id: string) => ds.origins[id]?.imported_at ?? '';
  const entries = [...ds.reports]
    .sort((a, b) => at(b.report_id).localeCompare(at(a.report_id)) || a.report_id.localeCompare(b.report_id))
    .slice(0, limit)
    .map((r) => ({ report_id: r.report_id, town_id: r.town_id, year: r.year, title: r.title ?? null, facts: counts.get(r.report_id) ?? 0, origin: ds.origins[r.report_id] ?? null }));
  const shown = new Set(entries.map((e) => e.town_id));
  const local = new Set(ds.towns.map((t) => t.town_id));
  return {
    reports: ds.reports.length,
    facts: ds.facts.length,
    towns: ds.towns.length,
    entries,
    townNames: ds.towns.filter((t) => shown.has(t.town_id)).map((t) => [t.town_id, t.name_zh]),
    foreignTownIds: [...new Set(ds.reports.map((r) => r.town_id))].filter((id) => !local.has(id)),
  };
}
