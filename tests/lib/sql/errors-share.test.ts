import { describe, expect, it } from 'vitest';
import { errorOffset, explainError, normaliseMessage } from '../../../src/lib/sql/errors.ts';
import { openWasm } from './wasm.ts';
import { deflateSync } from 'fflate';
import { decodeQuery, encodeQuery, MAX_SHARED_SQL_BYTES, readShared, shareUrl } from '../../../src/lib/sql/share.ts';

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

// Messages as DuckDB (duckdb-wasm 1.32, the wasm the browser runs) words them; classified by DuckDB's error type.
const OOM =
  "Out of Memory Error: failed to allocate data of size 16.0 MiB (18.2 MiB/19.0 MiB used)\nDatabase is launched in in-memory mode and no temporary directory is specified.\nUnused blocks cannot be offloaded to disk.\n\nLaunch the database with a persistent storage back-end\nOr set SET temp_directory='/path/to/tmp.tmp'\n\nPossible solutions:\n* Reducing the number of threads (SET threads=X)\n* Disabling insertion-order preservation (SET preserve_insertion_order=false)\n* Increasing the memory limit (SET memory_limit='...GB')\n\nSee also https://duckdb.org/docs/stable/guides/performance/how_to_tune_workloads";

describe('DuckDB errors by their type', () => {
  it('explains out-of-memory as running out of memory, not as a network error', () => {
    const zh = explainError(new Error(OOM), 'SELECT list(range) FROM range(10000000)', 0, 'zh');
    expect(zh.kind).toBe('memory');
    expect(zh.message).toContain('内存');
    expect(zh.message).not.toContain('网址');
    expect(explainError(new Error(OOM), 'x', 0, 'en').message).toMatch(/memory/i);
    // The JSON form duckdb-wasm sometimes sends carries the type as exception_type.
    const json = JSON.stringify({ exception_type: 'Out of Memory', exception_message: 'failed to allocate data of size 16.0 MiB' });
    expect(explainError(new Error(json), 'x', 0, 'zh').kind).toBe('memory');
  });

  it('calls outside reads what they are, and only those', () => {
    const perm = 'Permission Error: Cannot access file "/etc/passwd" - file system operations are disabled by configuration';
    expect(explainError(new Error(perm), 'x', 0, 'zh').kind).toBe('network');
    const ext = "Extension Autoloading Error: An error occurred while trying to automatically install the required extension 'parquet':\nLoading external extensions is disabled through configuration";
    expect(explainError(new Error(ext), 'x', 0, 'zh').kind).toBe('network');
    const io = 'IO Error: No files found that match the pattern "https://example.com/x.csv"';
    expect(explainError(new Error(io), 'x', 0, 'zh').kind).toBe('network');
    // A conversion error quoting a URL is still a type error.
    const conv = "Conversion Error: Could not convert string 'https://x.example/disabled' to INT32";
    expect(explainError(new Error(conv), 'x', 0, 'zh').kind).toBe('type');
    // An unknown type is shown as DuckDB said it, never guessed into another kind.
    expect(explainError(new Error('Invalid Error: see https://duckdb.org, HTTP disabled'), 'x', 0, 'zh').kind).toBe('other');
  });

  it('classifies the errors the real engine (duckdb-wasm) raises', async () => {
    const conn = await openWasm();
    const fail = async (sql: string) => {
      try {
        conn.query(sql);
      } catch (e) {
        return explainError(e, sql, 0, 'zh').kind;
      }
      return 'no error';
    };
    conn.query("SET memory_limit = '20MB'");
    expect(await fail('SELECT list(range) FROM range(10000000)')).toBe('memory');
    expect(await fail("SELECT 'x'::INT")).toBe('type');
    expect(await fail('SELEC 1')).toBe('syntax');
    expect(await fail('SELECT * FROM no_such_table')).toBe('name');
    conn.query('SET enable_external_access = false');
    expect(await fail("SELECT * FROM read_csv('/etc/passwd')")).toBe('network');
    conn.close();
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

describe('share links that are too big', () => {
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
  it('stops inflating at the cap: a small link that would inflate to 64 MB is refused, not expanded', () => {
    const bomb = `#q=${b64(deflateSync(new Uint8Array(64 * 1024 * 1024).fill(32), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(200_000);
    expect(readShared(bomb)).toEqual({ status: 'too-large', limit: MAX_SHARED_SQL_BYTES });
    expect(decodeQuery(bomb)).toBeNull();
  });
  it('refuses a fragment longer than any shared query without decoding it', () => {
    expect(readShared(`#q=${'A'.repeat(50 * 1024 * 1024)}`)).toMatchObject({ status: 'too-large' });
  });
  it('still restores a large but reasonable query', () => {
    const sql = `SELECT ${Array.from({ length: 20000 }, (_, i) => `${i} AS c${i}`).join(', ')}`;
    expect(readShared(encodeQuery(sql))).toEqual({ status: 'ok', sql });
    expect(readShared('#q=!!!')).toEqual({ status: 'damaged' });
    expect(readShared('#other')).toEqual({ status: 'none' });
  });
});
