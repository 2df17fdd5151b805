/**
 * Section of origin (spec §3.12): 成效 (achievements), 问题 (problems), 计划 (plans), 其他.
 * Driven by headings: a heading naming problems or next steps opens that section; any other top-level
 * heading (一、… / 第一部分) returns to 成效. Text before the first heading counts as 成效.
 */
import type { Section } from '../catalog/schemas';

const TOP = /^(?:[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十]{1,3}(?:部分|章|篇)|[一二三四五六七八九十]{1,3}是)/;
const SUB = /^(?:[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、.](?!\d))/;
const PROBLEM = /存在的?(?:主要)?(?:问题|不足|困难)|(?:问题|困难)(?:和|与|及)?不足|不足(?:之处|和|与|及)|短板|薄弱环节|差距/;
const PLAN = /下一步|下步|(?:工作|主要)(?:计划|打算|安排|思路|设想)|打算|今后|明年|努力方向|工作方向|20\d\d年(?:度)?(?:工作)?(?:计划|安排|思路|重点|打算)/;

export interface SectionSpan {
  start: number;
  section: Section;
}

/** Scans the normalised text line by line; returns section changes in order. */
export function findSections(norm: string): SectionSpan[] {
  const spans: SectionSpan[] = [{ start: 0, section: '成效' }];
  let pos = 0;
  for (const line of norm.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const l = line.trim();
    const top = TOP.test(l) && !/^[一二三四五六七八九十]{1,3}是/.test(l);
    const sub = SUB.test(l);
    if (!top && !sub) continue;
    // the heading text: up to the first full stop, at most 60 characters
    const head = l.split(/[。;]/)[0]!.slice(0, 60);
    let s: Section | null = null;
    if (PROBLEM.test(head)) s = '问题';
    else if (PLAN.test(head)) s = '计划';
    else if (top) s = '成效';
    if (s && s !== spans[spans.length - 1]!.section) spans.push({ start, section: s });
  }
  return spans;
}

export function sectionAt(spans: SectionSpan[], index: number): Section {
  let s: Section = '成效';
  for (const sp of spans) {
    if (sp.start > index) break;
    s = sp.section;
  }
  return s;
}

export interface HeadingSpan {
  start: number;
  /** the top heading and the current sub-heading (first sentence of each) */
  text: string;
}

/**
 * Headings a number stands under: the last top-level heading and the last sub-heading (or numbered
 * item's lead sentence) before it. Their topic decides what a bare count is about (调解 under
 * 「矛盾纠纷化解」).
 */
export function findHeadings(norm: string): HeadingSpan[] {
  const spans: HeadingSpan[] = [];
  let top = '';
  let pos = 0;
  for (const line of norm.split('\n')) {
    const start = pos;
    pos += line.length + 1;
    const l = line.trim();
    if (!l) continue;
    const isTop = TOP.test(l) && !/^[一二三四五六七八九十]{1,3}是/.test(l);
    const isSub = !isTop && (SUB.test(l) || /^[一二三四五六七八九十]{1,3}是/.test(l));
    const short = !isTop && !isSub && l.length <= 30 && !/[。;]/.test(l);
    if (!isTop && !isSub && !short) continue;
    const lead = l.split(/[。;:!?]/)[0]!.slice(0, 40);
    if (isTop || (short && !top)) {
      top = lead;
      spans.push({ start, text: lead });
    } else spans.push({ start, text: `${top} ${lead}` });
  }
  return spans;
}

export function headingAt(spans: HeadingSpan[], index: number): string {
  let lo = 0, hi = spans.length - 1, r = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= index) { r = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return r < 0 ? '' : spans[r]!.text;
}
