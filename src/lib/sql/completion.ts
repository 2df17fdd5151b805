/**
 * Completion that knows the workbench's schema: table and view names (qualified where they live outside
 * `main`: rol.facts, scratch.my_t), their columns (after `name.` and, unqualified, for the relations the
 * statement under the cursor mentions), and indicator ids as string literals inside '…'.
 * Pure over a SchemaInfo, so tests/lib/sql/completion.test.ts checks the candidates without a browser.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { keywordCompletionSource, PostgreSQL, schemaCompletionSource, SQLDialect, type SQLNamespace } from '@codemirror/lang-sql';
import { lexicalContextAt, statementAt } from '../db/statements.ts';

export interface ColumnMeta {
  name: string;
  type: string;
}
export interface Relation {
  /** DuckDB catalog (database) name: memory for the semantic views, rol for the bundled tables. */
  database: string;
  schema: string;
  name: string;
  kind: 'table' | 'view';
  columns: ColumnMeta[];
  rows: number | null;
  /** How to write it in SQL from the workbench (search_path is scratch, main). */
  ref: string;
  comment?: string;
}
export interface IndicatorMeta {
  id: string;
  label_zh: string;
  label_en: string;
  unit: string;
  category: string;
  kind: string;
}
export interface SchemaInfo {
  relations: Relation[];
  indicators: IndicatorMeta[];
}

/** DuckDB's grammar is PostgreSQL's plus a few words of its own. */
export const DuckDBDialect = SQLDialect.define({
  ...PostgreSQL.spec,
  keywords: `${PostgreSQL.spec.keywords ?? ''} pivot unpivot qualify exclude replace describe summarize struct map list asof positional anti semi macro pragma attach detach install load using sample`,
  types: `${PostgreSQL.spec.types ?? ''} hugeint ubigint uinteger usmallint utinyint tinyint blob varchar list struct map union uuid interval timestamptz`,
});

const columnCompletion = (c: ColumnMeta): Completion => ({ label: c.name, type: 'property', detail: c.type });

/** The lang-sql schema namespace: main's relations at top level, rol.* and scratch.* below their schema. */
export function sqlNamespace(info: SchemaInfo): SQLNamespace {
  const top: Record<string, SQLNamespace> = {};
  const groups: Record<string, Record<string, SQLNamespace>> = {};
  for (const r of info.relations) {
    const self: Completion = { label: r.name, type: r.kind === 'view' ? 'type' : 'class', detail: r.rows === null ? r.kind : `${r.kind} · ${r.rows}`, info: r.comment };
    const entry: SQLNamespace = { self, children: r.columns.map(columnCompletion) };
    const dot = r.ref.indexOf('.');
    if (dot < 0) top[r.name] = entry;
    else (groups[r.ref.slice(0, dot)] ??= {})[r.name] = entry;
  }
  for (const [g, rels] of Object.entries(groups)) if (!(g in top)) top[g] = { self: { label: g, type: 'namespace' }, children: rels };
  return top;
}

/** Relations named in a statement (FROM/JOIN targets and anything else that matches a known name). */
export function relationsMentioned(statement: string, info: SchemaInfo): Relation[] {
  const words = new Set(statement.toLowerCase().match(/[a-z_][\w]*(?:\.[a-z_][\w]*)?/g) ?? []);
  return info.relations.filter((r) => words.has(r.ref.toLowerCase()) || (r.ref === r.name && words.has(r.name.toLowerCase())));
}

/** Indicator ids inside a string literal: '|  →  'med_cases_total'. The label says what each id means. */
export function indicatorSource(info: SchemaInfo, locale: () => 'zh' | 'en' = () => 'zh'): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    const text = ctx.state.doc.toString();
    const lex = lexicalContextAt(text, ctx.pos);
    if (lex.kind !== 'string') return null;
    const from = lex.start + 1;
    const typed = text.slice(from, ctx.pos);
    if (!/^[\w]*$/.test(typed)) return null;
    return {
      from,
      options: info.indicators.map((i) => ({
        label: i.id,
        type: 'constant',
        detail: `${locale() === 'zh' ? i.label_zh : i.label_en} · ${i.unit}`,
        boost: i.id.startsWith(typed) ? 1 : 0,
      })),
      validFor: /^\w*$/,
    };
  };
}

/** Unqualified column names of the relations the statement under the cursor mentions. */
export function columnSource(info: SchemaInfo): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    const text = ctx.state.doc.toString();
    if (lexicalContextAt(text, ctx.pos).kind !== 'code') return null;
    const word = ctx.matchBefore(/[\w]+/);
    const before = text[(word?.from ?? ctx.pos) - 1];
    if (before === '.') return null; // qualified: lang-sql's schema completion handles `t.col`
    if (!word && !ctx.explicit) return null;
    const stmt = statementAt(text, ctx.pos);
    if (!stmt) return null;
    const seen = new Map<string, Completion>();
    for (const r of relationsMentioned(stmt.sql, info))
      for (const c of r.columns) if (!seen.has(c.name)) seen.set(c.name, { label: c.name, type: 'property', detail: `${r.name} · ${c.type}`, boost: 2 });
    if (!seen.size) return null;
    return { from: word?.from ?? ctx.pos, options: [...seen.values()], validFor: /^\w*$/ };
  };
}

/** lang-sql's own sources, kept out of string literals and comments (there only indicator ids make sense). */
const inCode =
  (src: CompletionSource): CompletionSource =>
  (ctx) => {
    const k = lexicalContextAt(ctx.state.doc.toString(), ctx.pos).kind;
    return k === 'code' || k === 'identifier' ? src(ctx) : null;
  };

/** Every completion source of the editor, in one list (CodeMirror's `override`). */
export function completionSources(info: SchemaInfo, locale: () => 'zh' | 'en' = () => 'zh'): CompletionSource[] {
  return [
    inCode(schemaCompletionSource({ dialect: DuckDBDialect, schema: sqlNamespace(info) })),
    inCode(keywordCompletionSource(DuckDBDialect, true)),
    columnSource(info),
    indicatorSource(info, locale),
  ];
}
