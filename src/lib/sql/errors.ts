/**
 * DuckDB's error text turned into what an analyst needs: what went wrong in their words, where (an offset
 * into the editor's text, from DuckDB's "LINE n:" caret), and how to fix it. The original message is
 * kept for the details view.
 */
import type { Locale } from '../i18n/messages.ts';

export type ErrorKind = 'syntax' | 'name' | 'type' | 'readonly' | 'cancelled' | 'timeout' | 'network' | 'memory' | 'other';

export interface FriendlyError {
  kind: ErrorKind;
  /** One or two sentences in the UI language. */
  message: string;
  /** DuckDB's message without the LINE/caret excerpt. */
  original: string;
  /** Offset into the full editor text, when DuckDB said where. */
  position: number | null;
}

/** Where DuckDB's caret points, as an offset into `statement` (the SQL text DuckDB saw). */
export function errorOffset(message: string, statement: string): number | null {
  const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (m) {
    const lineNo = Number(m[1]);
    const shown = m[2]!;
    const caret = m[3]!.length - `LINE ${m[1]}: `.length;
    const lines = statement.split('\n');
    const line = lines[lineNo - 1];
    if (line === undefined) return null;
    const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
    // DuckDB elides long lines with "..." on either side; find the shown part within the real line.
    const lead = shown.startsWith('...') ? 3 : 0;
    const core = shown.slice(lead).replace(/\.\.\.$/, '');
    const at = lead ? line.indexOf(core) : 0;
    if (at < 0) return null;
    return lineStart + Math.min(line.length, Math.max(0, at + caret - lead));
  }
  // Some errors carry a character position instead of an excerpt.
  const p = /"position"\s*:\s*"?(\d+)/.exec(message) ?? /at position (\d+)/i.exec(message);
  return p ? Math.min(statement.length, Number(p[1])) : null;
}

const strip = (message: string) =>
  message
    .replace(/\n*LINE \d+:[^\n]*\n *\^[\s\S]*$/, '')
    .replace(/^Error: /, '')
    .trim();


/** The friendly form of a DuckDB error raised by `statement`, which starts at `statementStart` in the editor. */
/**
 * duckdb-wasm reports some errors as DuckDB's JSON error object ({"exception_type":"Parser",
 * "exception_message":"…","position":"14"}); turn those into the usual "Parser Error: …" text, keeping
 * the position.
 */
export function normaliseMessage(raw: string): { text: string; position: number | null } {
  const s = raw.trim().replace(/^Error: /, '');
  if (s.startsWith('{')) {
    try {
      const j = JSON.parse(s) as { exception_type?: string; exception_message?: string; position?: string | number };
      if (j.exception_message) {
        const type = j.exception_type ? `${j.exception_type} Error: ` : '';
        const pos = j.position === undefined ? null : Number(j.position);
        return { text: type + j.exception_message, position: Number.isFinite(pos) ? pos : null };
      }
    } catch {
      // not JSON after all: fall through
    }
  }
  return { text: s, position: null };
}

/**
 * DuckDB's error type: the words before " Error: " at the start of its message ("Out of Memory",
 * "Parser", "Catalog", "Binder", "Conversion", "Permission", "IO", "HTTP", "Invalid Input", …). Errors are
 * classified by it, never by words inside the message: an out-of-memory message ends with a documentation
 * URL and the word "Disabling", which is not a network error.
 */
export function errorType(text: string): string | null {
  const m = /^([A-Z][A-Za-z]*(?: [A-Za-z]+)*?) Error: /.exec(text);
  return m ? m[1]! : null;
}

export function explainError(err: unknown, statement: string, statementStart: number, locale: Locale): FriendlyError {
  const norm = normaliseMessage(err instanceof Error ? err.message : String(err));
  const raw = norm.text;
  const original = strip(raw);
  const off = norm.position !== null ? Math.min(norm.position, statement.length) : errorOffset(raw, statement);
  const position = off === null ? null : statementStart + off;
  const zh = locale === 'zh';
  const quoteName = (s: string) => (zh ? `“${s}”` : `"${s}"`);
  const say = (kind: ErrorKind, zhText: string, enText: string): FriendlyError => ({ kind, message: zh ? zhText : enText, original, position });
  const type = errorType(raw);
  const detail = original.replace(/^[\w ]+ Error: /, '');

  let m: RegExpExecArray | null;
  // The workbench's own cancellation (CancelledError) and DuckDB's interrupt.
  if (type === null || type === 'INTERRUPT' || type === 'Interrupt') {
    if (/time limit reached/.test(raw)) return say('timeout', '超过时间限制,查询已停止。可在“时间限制”中放宽或取消限制。', 'The time limit was reached and the query was stopped. Raise or remove the limit under “Time limit”.');
    if (/^INTERRUPT|interrupted|cancel/i.test(raw)) return say('cancelled', '查询已取消。', 'The query was cancelled.');
  }
  switch (type) {
    case 'Out of Memory':
      return say(
        'memory',
        '内存不足:这条查询需要的内存超过了浏览器中数据引擎可用的内存。请缩小范围(加 WHERE 条件或 LIMIT)、少选几列,或先聚合(GROUP BY)再查看明细。',
        'Out of memory: this query needs more memory than the in-browser engine has. Narrow it (a WHERE condition or LIMIT), select fewer columns, or aggregate (GROUP BY) before looking at details.',
      );
    case 'Parser':
      if ((m = /syntax error at or near "([^"]*)"/.exec(raw)))
        return say('syntax', `语法错误:在 ${quoteName(m[1]!)} 附近。请检查拼写、逗号和括号。`, `Syntax error near ${quoteName(m[1]!)}. Check spelling, commas and brackets.`);
      if (/syntax error at end of input/.test(raw)) return say('syntax', '语法错误:语句不完整(结尾缺少内容)。', 'Syntax error: the statement ends too early.');
      return say('syntax', `语法错误:${detail}`, original);
    case 'Catalog':
    case 'Binder':
      if ((m = /(?:Table|View) with name (\S+) does not exist!(?:\s*Did you mean "([^"]+)"\?)?/.exec(raw)))
        return say(
          'name',
          `找不到表或视图 ${quoteName(m[1]!)}。${m[2] ? `是否想用 ${quoteName(m[2])}?` : ''}左侧“数据结构”列出全部可用的表和视图。`,
          `There is no table or view named ${quoteName(m[1]!)}.${m[2] ? ` Did you mean ${quoteName(m[2])}?` : ''} The schema panel lists every table and view.`,
        );
      if ((m = /Referenced column "([^"]+)" not found in FROM clause!(?:\s*Candidate bindings: ([^\n]+))?/.exec(raw)))
        return say(
          'name',
          `找不到列 ${quoteName(m[1]!)}。${m[2] ? `相近的列:${m[2].replaceAll('"', '')}。` : ''}`,
          `There is no column named ${quoteName(m[1]!)}.${m[2] ? ` Similar columns: ${m[2].replaceAll('"', '')}.` : ''}`,
        );
      if ((m = /Scalar Function with name (\S+) does not exist!(?:\s*Did you mean "([^"]+)"\?)?/.exec(raw)))
        return say('name', `没有名为 ${quoteName(m[1]!)} 的函数。${m[2] ? `是否想用 ${quoteName(m[2])}?` : ''}`, `There is no function named ${quoteName(m[1]!)}.${m[2] ? ` Did you mean ${quoteName(m[2])}?` : ''}`);
      if (/No function matches/.test(raw)) return typeError();
      if (/read-only/.test(raw)) return readOnly();
      break;
    case 'Invalid Input':
      if (/read-only mode|attached in read-only/.test(raw)) return readOnly();
      break;
    case 'Conversion':
    case 'Mismatch Type':
      return typeError();
    case 'Permission':
    case 'HTTP':
    case 'Extension Autoloading':
    case 'Missing Extension':
      return outside();
    case 'IO':
      // Reading a file or URL the engine does not have (the workbench has no file system and no network).
      if (/No files found|https?:\/\/|Cannot open file|No such file/.test(raw)) return outside();
      break;
  }
  return say('other', original, original);

  function typeError(): FriendlyError {
    return say('type', `类型不匹配:${detail}。可用 CAST(x AS 类型) 或 TRY_CAST 转换。`, `Type mismatch: ${detail}. Use CAST(x AS type) or TRY_CAST.`);
  }
  function readOnly(): FriendlyError {
    return say(
      'readonly',
      '内置数据是只读的,不能修改。新建的表请直接建在默认的 scratch 模式中(如 CREATE TABLE my_t AS SELECT …),“重置”会清空它。',
      'The bundled data is read-only. Create your own tables in the default scratch schema (e.g. CREATE TABLE my_t AS SELECT …); “Reset” clears it.',
    );
  }
  function outside(): FriendlyError {
    return say('network', '工作台只能读取本站自带的数据,不能访问外部文件或网址。', 'The workbench reads only the data shipped with this site; outside files and URLs are not reachable.');
  }
}
