// Completion candidates from a real CodeMirror state with the workbench's language setup (no browser).
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { sql } from '@codemirror/lang-sql';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { completionSources, DuckDBDialect, relationsMentioned, type SchemaInfo } from '../../../src/lib/sql/completion.ts';

const info: SchemaInfo = {
  relations: [
    { database: 'memory', schema: 'main', name: 'wide', kind: 'view', ref: 'wide', rows: 54, columns: [{ name: 'town_id', type: 'VARCHAR' }, { name: 'town_name', type: 'VARCHAR' }, { name: 'med_cases_total', type: 'DOUBLE' }] },
    { database: 'memory', schema: 'main', name: 'towns', kind: 'view', ref: 'towns', rows: 65, columns: [{ name: 'town_id', type: 'VARCHAR' }, { name: 'n_villages', type: 'INTEGER' }] },
    { database: 'rol', schema: 'main', name: 'facts', kind: 'table', ref: 'rol.facts', rows: 260, columns: [{ name: 'fact_id', type: 'VARCHAR' }, { name: 'value', type: 'DOUBLE' }] },
    { database: 'memory', schema: 'scratch', name: 'my_t', kind: 'table', ref: 'scratch.my_t', rows: 1, columns: [{ name: 'a', type: 'INTEGER' }] },
  ],
  indicators: [
    { id: 'med_cases_total', label_zh: '调解案件总数', label_en: 'Mediation cases', unit: '件', category: 'mediation', kind: 'flow' },
    { id: 'med_judicial_confirmation', label_zh: '司法确认', label_en: 'Judicial confirmations', unit: '件', category: 'mediation', kind: 'flow' },
    { id: 'out_events', label_zh: '普法活动场次', label_en: 'Outreach events', unit: '场', category: 'outreach', kind: 'flow' },
  ],
};

/** Every completion label offered at the `|` in `doc` (explicit completion, as Ctrl+Space). */
async function candidates(docWithCursor: string): Promise<string[]> {
  const pos = docWithCursor.indexOf('|');
  const doc = docWithCursor.replace('|', '');
  // The same language and source list the editor uses (editor.ts: sql() + autocompletion override).
  const state = EditorState.create({ doc, selection: { anchor: pos }, extensions: [sql({ dialect: DuckDBDialect })] });
  const ctx = new CompletionContext(state, pos, true);
  const labels: string[] = [];
  for (const src of completionSources(info)) {
    const r = (await src(ctx)) as CompletionResult | null;
    if (r) labels.push(...r.options.map((o) => o.label));
  }
  return labels;
}

describe('completion candidates', () => {
  it('offers tables and views, and the rol and scratch schemas', async () => {
    const c = await candidates('SELECT * FROM |');
    expect(c).toEqual(expect.arrayContaining(['wide', 'towns', 'rol', 'scratch', 'SELECT', 'PIVOT']));
  });

  it('offers the tables of a schema after its name and a dot', async () => {
    expect(await candidates('SELECT * FROM rol.|')).toContain('facts');
    expect(await candidates('SELECT * FROM scratch.|')).toContain('my_t');
  });

  it('offers columns after a relation name and a dot', async () => {
    const c = await candidates('SELECT wide.| FROM wide');
    expect(c).toEqual(expect.arrayContaining(['town_id', 'town_name', 'med_cases_total']));
    expect(c).not.toContain('n_villages');
  });

  it('offers the columns of the relations the statement mentions, unqualified', async () => {
    const c = await candidates('SELECT med_| FROM wide; SELECT n_villages FROM towns');
    expect(c).toContain('med_cases_total');
    expect(c).not.toContain('n_villages'); // towns is in another statement
  });

  it('offers indicator ids inside a string literal, and only there', async () => {
    const inString = await candidates(`SELECT * FROM town_year WHERE indicator_id = 'med_|'`);
    expect(inString).toEqual(expect.arrayContaining(['med_cases_total', 'med_judicial_confirmation', 'out_events']));
    expect(inString).not.toContain('wide');
    const outside = await candidates(`SELECT * FROM town_year WHERE indicator_id = |`);
    expect(outside).not.toContain('med_cases_total');
    expect(await candidates(`SELECT 1 -- wi|`)).toEqual([]);
  });

  it('finds the relations a statement names, qualified or not', () => {
    expect(relationsMentioned('select * from rol.facts join wide using (x)', info).map((r) => r.ref)).toEqual(['wide', 'rol.facts']);
    expect(relationsMentioned('select * from facts', info).map((r) => r.ref)).toEqual([]);
  });
});
