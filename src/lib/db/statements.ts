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
