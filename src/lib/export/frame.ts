/**
 * The frame around an exported chart: what the picture shows, said on the picture itself — title, scope and
 * period, the towns, which towns did not report, the sources (reports, imported, reviewed), the lower-bound
 * note when "≥" appears, 示例数据 when synthetic, the date. frameLayout() is the text model the SVG (and so
 * the PNG) is drawn from: pure, measured, wrapped to the width (tests/lib/export/frame.test.ts).
 *
 * Sizes are for a picture pasted 16 cm wide into a Word page: the frame is FRAME_WIDTH = 800 px, so 1 px is
 * 0.2 mm and 14 px text prints at 8 pt (a caption size), 24 px titles at 13.6 pt.
 */
export interface ChartFrame {
  title: string;
  /** scope · period */
  subtitle: string;
  /** Lines under the chart, already localised, in reading order (towns, non-reporters, sources, ≥ note). */
  notes: string[];
  /** "制图日期:2026-11-28", already localised */
  made: string;
  /** The synthetic-data label to show, or '' when all data is real. */
  syntheticLabel: string;
}

export const FRAME_WIDTH = 800;
export const FONT = { title: 24, subtitle: 16, note: 14 } as const;
const PAD = 24;
const LINE = 1.45;

export interface FrameText {
  x: number;
  y: number;
  size: number;
  text: string;
  bold?: boolean;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}

export interface FrameLayout {
  width: number;
  /** height above the chart */
  head: number;
  /** height below the chart */
  foot: number;
  /** title, subtitle, badge label: y from the picture's top */
  texts: FrameText[];
  /** notes and date: y from the top of the footer (framedSvg puts the footer under the chart) */
  footTexts: FrameText[];
  /** the synthetic badge's box, when shown */
  badge: { x: number; y: number; w: number; h: number } | null;
}

/** Width of a string in px at `size`: CJK and full-width forms 1 em, others about 0.56 em (Noto Sans). */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.64 : 0.56;
  return w * size;
}

/** Greedy wrap to `max` px, preferring breaks after separators (、,;·space). */
export function wrap(s: string, size: number, max: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (rest && textWidth(rest, size) > max) {
    const chars = [...rest];
    let fit = 0;
    let w = 0;
    while (fit < chars.length && w + textWidth(chars[fit]!, size) <= max) w += textWidth(chars[fit++]!, size);
    let cut = fit;
    for (let i = fit; i > fit * 0.6; i--) {
      if (/[、,;;,·\s:(]/.test(chars[i - 1]!)) {
        cut = i;
        break;
      }
    }
    out.push(chars.slice(0, cut).join('').trimEnd());
    rest = chars.slice(cut).join('').trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

export function frameLayout(frame: ChartFrame, width = FRAME_WIDTH): FrameLayout {
  const texts: FrameText[] = [];
  const badgeW = frame.syntheticLabel ? textWidth(frame.syntheticLabel, 15) + 24 : 0;
  const max = width - 2 * PAD;
  let y = PAD;
  for (const [i, line] of wrap(frame.title, FONT.title, max - badgeW - (badgeW ? 12 : 0)).entries()) {
    y += (i ? LINE : 1.1) * FONT.title;
    texts.push({ x: PAD, y, size: FONT.title, text: line, bold: true, fill: '#1d2129' });
  }
  for (const line of wrap(frame.subtitle, FONT.subtitle, max)) {
    y += LINE * FONT.subtitle;
    texts.push({ x: PAD, y, size: FONT.subtitle, text: line, fill: '#3d4450' });
  }
  const head = Math.ceil(y + 12);
  const badge = frame.syntheticLabel ? { x: width - PAD - badgeW, y: PAD - 4, w: badgeW, h: 30 } : null;
  if (badge) texts.push({ x: badge.x + badgeW / 2, y: badge.y + 21, size: 15, text: frame.syntheticLabel, bold: true, fill: '#8a3ffc', anchor: 'middle' });
  // Footer (y relative to the footer's top; framedSvg shifts it under the chart).
  let fy = 14;
  const foot: FrameText[] = [];
  for (const note of frame.notes)
    for (const line of wrap(note, FONT.note, max)) {
      fy += LINE * FONT.note;
      foot.push({ x: PAD, y: fy, size: FONT.note, text: line, fill: '#3d4450' });
    }
  fy += LINE * FONT.note;
  foot.push({ x: width - PAD, y: fy, size: FONT.note, text: frame.made, fill: '#3d4450', anchor: 'end' });
  return { width, head, foot: Math.ceil(fy + 14), texts, footTexts: foot, badge };
}

/** All the frame's text, in reading order (what the PNG's Description chunk carries). */
export const frameText = (f: ChartFrame): string => [f.title, f.subtitle, f.syntheticLabel, ...f.notes, f.made].filter(Boolean).join('\n');
