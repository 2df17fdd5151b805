import { describe, expect, it } from 'vitest';
import { errorOffset, explainError, normaliseMessage } from '../../../src/lib/sql/errors.ts';
import { decodeQuery, encodeQuery, shareUrl } from '../../../src/lib/sql/share.ts';

describe('DuckDB errors in the user’s terms', () => {
  it('finds the caret of a LINE excerpt in the statement, on later lines too', () => {
    const stmt = 'SELECT town_name,\n  yeer\nFROM wide';
    const msg = 'Binder Error: Referenced column "yeer" not found in FROM clause!\nCandidate bindings: "year"\n\nLINE 2:   yeer\n          ^';
    expect(errorOffset(msg, stmt)).toBe(stmt.indexOf('yeer'));
  });

  it('reads the JSON error objects duckdb-wasm sends, with their position', () => {
    const raw = '{"exception_type":"Parser","exception_message":"syntax error at or near \\"x\\"","position":"14"}';
    expect(normaliseMessage(raw)).toEqual({ text: 'Parser Error: syntax error at or near "x"', position: 14 });
    const e = explainError(new Error(raw), 'SELECT 1 FORM x', 100, 'zh');
    expect(e.kind).toBe('syntax');
    expect(e.position).toBe(114); // offset of the statement in the editor + DuckDB's position
    expect(e.message).toContain('语法错误');
    expect(explainError(new Error(raw), 'SELECT 1 FORM x', 0, 'en').message).toMatch(/^Syntax error near "x"/);
  });

  it('explains missing tables, read-only data, cancellation and time limits', () => {
    const missing = explainError(new Error('Catalog Error: Table with name townz does not exist!\nDid you mean "towns"?\n\nLINE 1: SELECT * FROM townz\n                      ^'), 'SELECT * FROM townz', 0, 'zh');
    expect(missing).toMatchObject({ kind: 'name', position: 14 });
    expect(missing.message).toContain('“towns”');
    const ro = explainError(new Error('Invalid Input Error: Cannot execute statement of type "INSERT" on database "rol" which is attached in read-only mode!'), 'INSERT INTO rol.towns SELECT 1', 0, 'en');
    expect(ro.kind).toBe('readonly');
    expect(ro.message).toContain('scratch');
    expect(explainError(new Error('INTERRUPT: cancelled by user'), 'x', 0, 'zh').kind).toBe('cancelled');
    expect(explainError(new Error('INTERRUPT: time limit reached'), 'x', 0, 'zh').kind).toBe('timeout');
  });
});

describe('share links', () => {
  it('round-trips any query text, Chinese and symbols included, through the URL fragment', () => {
    const q = "SELECT town_name AS 乡镇, value FROM facts_named -- 备注 #1\nWHERE indicator_id = 'med_cases_total' AND x <> '&?=%'";
    const url = shareUrl('http://127.0.0.1:4173/sql#old', q);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/sql#q=[A-Za-z0-9_-]+$/);
    expect(decodeQuery(new URL(url).hash)).toBe(q);
    expect(decodeQuery(encodeQuery(''))).toBe('');
  });
  it('returns null for other or damaged fragments instead of throwing', () => {
    expect(decodeQuery('#section')).toBeNull();
    expect(decodeQuery('#q=!!!notbase64')).toBeNull();
  });
});
