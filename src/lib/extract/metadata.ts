/**
 * Report metadata from the visible text: title, reporting unit (name and type), report year and
 * publication date (发布时间 / 发布日期 / 成文日期 / 日期).
 */
import type { UnitType } from '../catalog/schemas';
import { parseChineseNumber } from './numbers';
import { normalizeText } from './normalize';

export interface ReportMeta {
  title: string | null;
  unit_name: string | null;
  unit_type: UnitType | null;
  report_year: number | null;
  /** Where report_year came from: a news page's publication year is the weakest evidence. */
  report_year_source: 'title' | 'text' | 'publication' | null;
  publication_date: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const UNIT_RE = /([\u4e00-\u9fa5]{1,24}?(?:民族乡|街道|镇|乡|县|区|市))(?:人民政府|人民政府办事处|办事处|党委|党工委|委员会)?(?:关于)?(?:(?:20\d\d|二[〇零]\S{2})年|法治|依法)/;

function typeOf(name: string): UnitType | null {
  if (name.endsWith('民族乡')) return '民族乡';
  if (name.endsWith('街道')) return '街道';
  if (name.endsWith('镇')) return '镇';
  if (name.endsWith('乡')) return '乡';
  if (name.endsWith('县')) return '县';
  if (name.endsWith('区')) return '区';
  if (name.endsWith('市')) return '县级市';
  return null;
}

/** "丰都县树人镇" → "树人镇": the innermost administrative unit of a name. */
export function innermostUnit(name: string): string {
  const m = /^.*(?:省|自治区|市|自治州|州|盟|县|区|旗)(?=[\u4e00-\u9fa5]{1,10}(?:民族乡|街道|镇|乡)$)/.exec(name);
  let inner = m ? name.slice(m[0].length) : name;
  // a county inside a prefecture: 湛江市徐闻县 → 徐闻县
  const c = /^.*(?:省|自治区|市|自治州|州)(?=[\u4e00-\u9fa5]{1,8}(?:县|区)$)/.exec(inner);
  if (c) inner = inner.slice(c[0].length);
  return inner;
}

function isoDate(y: string, m: string, d: string): string | null {
  const yy = Number(y), mm = Number(m), dd = Number(d);
  if (yy < 1990 || yy > 2100 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  return `${yy}-${pad(mm)}-${pad(dd)}`;
}

function yearOf(s: string): number | null {
  const a = /(20\d\d)\s*年/.exec(s);
  if (a) return Number(a[1]);
  const c = /二[〇零]([〇零一二三四五六七八九]{2})年/.exec(s);
  if (c) return 2000 + (parseChineseNumber(c[1]!) ?? 0);
  return null;
}

/** Characters that never belong to a place name's stem (verbs, pronouns, administrative words). */
const STOP = /[我全本该各在和对为将现召研推会议积极年度区县市省州乡镇村组织开展进召深入街党政委府院局所的了与及等由向把被从按建立是抓住]/;
const TOWNSHIP = /([\u4e00-\u9fa5]{2,5})(民族乡|街道|镇|乡)/g;

/**
 * The township a text is about when no title names it: the most frequent "stem + 镇/乡/街道" whose stem
 * is a plausible name; mentions followed by 人民政府/党委/办事处 count three times.
 */
function mostNamedTownship(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.slice(0, 20000).matchAll(TOWNSHIP)) {
    let stem = m[1]!;
    // keep what follows the last character that cannot be part of a name (丰都县树人 → 树人)
    for (let i = stem.length - 1; i >= 0; i--) {
      if (STOP.test(stem[i]!)) {
        stem = stem.slice(i + 1);
        break;
      }
    }
    if (stem.length < 2) continue;
    const name = stem + m[2]!;
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 4);
    const w = /^(?:人民政府|政府|党委|党工委|办事处)/.test(after) ? 3 : 1;
    counts.set(name, (counts.get(name) ?? 0) + w);
  }
  let best: string | null = null;
  let bestN = 1; // a single passing mention is not enough
  for (const [name, n] of counts) if (n > bestN) [best, bestN] = [name, n];
  return best;
}

export function extractMeta(text: string, fileName?: string): ReportMeta {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const head = lines.slice(0, 30);
  const titleLine =
    head.find((l) => l.length <= 80 && !/[>|]/.test(l) && /报告|情况|总结|述职/.test(l) && /法治|依法/.test(l)) ??
    head.find((l) => l.length <= 80 && !/[>|]/.test(l) && /报告|总结/.test(l)) ??
    null;
  const title = titleLine;
  let unit_name: string | null = null;
  const m = UNIT_RE.exec((title ?? '').replace(/\s+/g, ''));
  if (m) {
    unit_name = innermostUnit(m[1]!.replace(/^(?:\d{4}年度?)+/, ''));
    if (/^(?:我|全|本|该|各|现将|召开|研究|对)/.test(unit_name)) unit_name = null;
  }
  unit_name ??= mostNamedTownship(normalizeText(text.slice(0, 20000)).norm);
  let unit_type = unit_name ? typeOf(unit_name) : null;
  if (!unit_type) {
    // how the text names itself: 我镇/全镇/本街道/全区 … — the most frequent wins
    const votes = new Map<UnitType, number>();
    for (const m of text.slice(0, 6000).matchAll(/[我全本](镇|乡|街道|县|区)/g)) votes.set(m[1] as UnitType, (votes.get(m[1] as UnitType) ?? 0) + 1);
    let n = 0;
    for (const [t, c] of votes) if (c > n) [unit_type, n] = [t, c];
  }
  let publication_date: string | null = null;
  for (const key of ['发布时间', '发布日期', '发文日期', '成文日期', '日期', '时间']) {
    const m = new RegExp(`${key}\\s*[:：]?\\s*[\\]】]?\\s*\\|?\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})`).exec(text.slice(0, 4000));
    if (m) {
      publication_date = isoDate(m[1]!, m[2]!, m[3]!);
      if (publication_date) break;
    }
  }
  // a news page's byline date (来源: … 2022-06-22 16:53) in its first lines
  if (!publication_date) {
    const d = /(?:^|[^\d])(20\d\d)-(\d{1,2})-(\d{1,2})(?:\s+\d{1,2}:\d{2})/.exec(head.slice(0, 6).join('\n'));
    if (d) publication_date = isoDate(d[1]!, d[2]!, d[3]!);
  }
  // the year the report is about: its title, else an opening "2024年，…", else (news) the publication year
  const opening = /(?:^|[\n。])\s*(20\d\d)\s*年(?:度)?(?:以来)?[,，]/.exec(text.slice(0, 1500));
  const fromTitle = yearOf(title ?? '');
  const fromText = opening ? Number(opening[1]) : null;
  const fromPub = publication_date ? Number(publication_date.slice(0, 4)) : null;
  const report_year = fromTitle ?? fromText ?? fromPub ?? yearOf(text.slice(0, 1500));
  const report_year_source =
    fromTitle !== null ? 'title' : fromText !== null ? 'text' : fromPub !== null ? 'publication' : report_year !== null ? 'text' : null;
  return { title, unit_name, unit_type, report_year, report_year_source, publication_date };
}
