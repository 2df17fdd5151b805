/**
 * Splits SQL text into statements at top-level semicolons, ignoring those inside '…' strings,
 * "…" identifiers, $tag$ dollar quotes, -- line comments and block comments. Offsets are kept so an
 * editor can find the statement under the cursor and mark error positions.
 */
export interface Statement {
  sql: string;
  start: number;
  end: number;
}

export function splitStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let start = 0;
  let i = 0;
  const n = text.length;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body && !isOnlyComments(body)) out.push({ sql: body, start: start + lead, end: start + lead + body.length });
  };
  while (i < n) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl + 1;
    } else if (c === '/' && next === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? n : e + 2;
    } else if ((c === 'e' || c === 'E') && next === "'" && !/[\w$]/.test(text[i - 1] ?? '')) {
      // E'…' escape string: a backslash escapes the next character (E'it\'s' is one string).
      i += 2;
      while (i < n) {
        if (text[i] === '\\') i += 2;
        else if (text[i] === "'") {
          if (text[i + 1] === "'") i += 2;
          else break;
        } else i++;
      }
      i++;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < n) {
        if (text[i] === c) {
          if (text[i + 1] === c) i += 2; // doubled quote escapes itself
          else break;
        } else i++;
      }
      i++;
    } else if (c === '$') {
      const m = /^\$([A-Za-z_]\w*)?\$/.exec(text.slice(i, i + 64));
      if (m) {
        const e = text.indexOf(m[0], i + m[0].length);
        i = e < 0 ? n : e + m[0].length;
      } else i++;
    } else if (c === ';') {
      push(i);
      start = i + 1;
      i++;
    } else i++;
  }
  push(n);
  return out;
}

function isOnlyComments(s: string): boolean {
  return s.replace(/--[^\n]*(\n|$)/g, '').replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}

/** The statement that contains `offset` (or the nearest one before it). */
export function statementAt(text: string, offset: number): Statement | undefined {
  const all = splitStatements(text);
  return all.find((s) => offset >= s.start && offset <= s.end + 1) ?? all.filter((s) => s.start <= offset).at(-1) ?? all[0];
}

/**
 * What to run for Ctrl/Cmd+Enter: the statements inside a non-empty selection (offsets stay those of the
 * whole text, so error positions map back), or else the one statement under the cursor.
 */
export function statementsToRun(text: string, from: number, to: number): Statement[] {
  if (to > from) {
    const inner = splitStatements(text.slice(from, to)).map((s) => ({ ...s, start: s.start + from, end: s.end + from }));
    if (inner.length) return inner;
  }
  const s = statementAt(text, from);
  return s ? [s] : [];
}

export type LexicalContext =
  | { kind: 'code' }
  | { kind: 'comment' }
  | { kind: 'identifier'; start: number }
  /** Inside a '…' string literal that began at `start` (the opening quote). */
  | { kind: 'string'; start: number };

/** Whether `offset` lies in code, a comment, a quoted identifier or a string literal (for completion). */
export function lexicalContextAt(text: string, offset: number): LexicalContext {
  let i = 0;
  while (i < offset) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '-' && next === '-') {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= offset) return { kind: 'comment' };
      i = nl + 1;
    } else if (c === '/' && next === '*') {
      const e = text.indexOf('*/', i + 2);
      if (e < 0 || e + 2 > offset) return { kind: 'comment' };
      i = e + 2;
    } else if (c === "'" || c === '"') {
      const start = i;
      i++;
      while (i < text.length) {
        if (text[i] === c) {
          if (text[i + 1] === c) i += 2;
          else break;
        } else i++;
      }
      // The closing quote itself still belongs to the literal; the cursor right after it does not.
      if (i >= offset) return c === "'" ? { kind: 'string', start } : { kind: 'identifier', start };
      i++;
    } else i++;
  }
  return { kind: 'code' };
}
