import { describe, expect, it } from 'vitest';
import { lexicalContextAt, splitStatements, statementAt, statementsToRun } from '../../../src/lib/db/statements.ts';

const sqls = (t: string) => splitStatements(t).map((s) => s.sql);

describe('splitStatements', () => {
  it('splits at top-level semicolons and keeps offsets into the text', () => {
    const text = 'SELECT 1;\n  SELECT 2 ;SELECT 3';
    const st = splitStatements(text);
    expect(st.map((s) => s.sql)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
    for (const s of st) expect(text.slice(s.start, s.end)).toBe(s.sql);
  });

  it('ignores semicolons inside strings, quoted identifiers and doubled quotes', () => {
    expect(sqls(`SELECT 'a;b', 'it''s; fine' AS "x;y"; SELECT "we""ird;" FROM t`)).toEqual([
      `SELECT 'a;b', 'it''s; fine' AS "x;y"`,
      `SELECT "we""ird;" FROM t`,
    ]);
  });

  it('ignores semicolons inside line and block comments', () => {
    expect(sqls('SELECT 1 -- no; split here\n, 2; /* nor; here */ SELECT 3')).toEqual(['SELECT 1 -- no; split here\n, 2', '/* nor; here */ SELECT 3']);
  });

  it('ignores semicolons inside dollar quotes and E-strings with backslash escapes', () => {
    expect(sqls(`SELECT $$a;b$$; SELECT $tag$x;y$tag$; SELECT E'it\\'s;'; SELECT 4`)).toEqual([
      'SELECT $$a;b$$',
      'SELECT $tag$x;y$tag$',
      `SELECT E'it\\'s;'`,
      'SELECT 4',
    ]);
  });

  it('drops empty statements and statements that are only comments', () => {
    expect(sqls(';;  -- just a note\n; /* block */ ;SELECT 1;;')).toEqual(['SELECT 1']);
  });

  it('keeps an unterminated string to the end as one statement', () => {
    expect(sqls(`SELECT 'open; still open`)).toEqual([`SELECT 'open; still open`]);
  });
});

describe('statementAt / statementsToRun', () => {
  const text = 'SELECT 1;\nSELECT 2;\n\nSELECT 3';
  it('finds the statement under the cursor, or the one just before trailing space', () => {
    expect(statementAt(text, 0)?.sql).toBe('SELECT 1');
    expect(statementAt(text, text.indexOf('2'))?.sql).toBe('SELECT 2');
    expect(statementAt(text, text.indexOf('2') + 2)?.sql).toBe('SELECT 2');
    expect(statementAt(text, text.length)?.sql).toBe('SELECT 3');
  });
  it('runs the selection (every statement in it, offsets of the whole text) or else the statement at the cursor', () => {
    const from = text.indexOf('SELECT 2');
    const sel = statementsToRun(text, from, text.length);
    expect(sel.map((s) => s.sql)).toEqual(['SELECT 2', 'SELECT 3']);
    expect(text.slice(sel[1]!.start, sel[1]!.end)).toBe('SELECT 3');
    expect(statementsToRun(text, 3, 3).map((s) => s.sql)).toEqual(['SELECT 1']);
    expect(statementsToRun('', 0, 0)).toEqual([]);
  });
});

describe('lexicalContextAt', () => {
  it('tells strings, identifiers, comments and code apart', () => {
    const t = `SELECT 'med_ca' , "col" -- note\nFROM x`;
    expect(lexicalContextAt(t, t.indexOf('med_ca') + 3)).toEqual({ kind: 'string', start: t.indexOf("'") });
    expect(lexicalContextAt(t, t.indexOf("' ,") + 1)).toEqual({ kind: 'code' });
    expect(lexicalContextAt(t, t.indexOf('col') + 1).kind).toBe('identifier');
    expect(lexicalContextAt(t, t.indexOf('note')).kind).toBe('comment');
    expect(lexicalContextAt(t, t.length).kind).toBe('code');
    expect(lexicalContextAt(`WHERE id = 'med`, 15)).toEqual({ kind: 'string', start: 11 });
  });
});
