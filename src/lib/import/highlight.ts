/**
 * The report text cut into segments at every evidence boundary, each segment knowing which facts' evidence
 * covers it — so the review screen renders plain text runs and <mark>s (never HTML from the file).
 */
export interface Span {
  id: string;
  start: number;
  end: number;
}
export interface Segment {
  start: number;
  end: number;
  text: string;
  ids: string[];
}

export function segments(text: string, spans: Span[]): Segment[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end > s.start && s.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = valid.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    const last = out.at(-1);
    // Plain runs next to each other are one run.
    if (last && !ids.length && !last.ids.length) {
      last.end = end;
      last.text += text.slice(start, end);
    } else out.push({ start, end, text: text.slice(start, end), ids });
  }
  return out;
}
