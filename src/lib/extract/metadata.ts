/**
 * Report metadata from the visible text: title, reporting unit (name and type), its county, prefecture and
 * province, report year and publication date (发布时间 / 发布日期 / 成文日期 / 日期). Places come from the
 * title, then the file name, a saved page's breadcrumb (首页 > 汕尾市 > 海丰县 > …), the publisher line
 * (发布机构: / 来源:) and the byline at the end; a county- or district-level report is its own county.
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
  /** The county (县 / 区 / 县级市 / 旗) the unit belongs to; a county-level report's own name. */
  county: string | null;
  prefecture: string | null;
  province: string | null;
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

/** A name split into its administrative parts (every part optional). */
export interface Place {
  province: string | null;
  prefecture: string | null;
  county: string | null;
  /** 镇 / 乡 / 民族乡 / 街道 */
  township: string | null;
}

const HAN = '[\\u4e00-\\u9fa5]';
const PROVINCE_RE = new RegExp(`^(?:内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|(?:北京|上海|天津|重庆)市|${HAN}{2,3}省)`);
const PREFECTURE_RE = new RegExp(`^(?:(?![县区旗镇乡])${HAN}){2,10}?(?:自治州|地区|盟|市)`);
const COUNTY_RE = new RegExp(`^(?:(?![镇市省])${HAN}){1,12}?(?:自治县|自治旗|县|区|旗|市)`);
const TOWNSHIP_RE = new RegExp(`^(?:(?![县区省])${HAN}){1,10}?(?:民族乡|街道办事处|街道|镇|乡)`);
/** Words a name never starts with, and words that end the name part of a title. */
const LEAD = /^(?:中共|中国共产党|关于)/;
const NAME_END = /(?:人民政府办事处|人民政府|政府|办事处|党委|党工委|委员会|关于|法治|依法|全面|年度|工作|门户网站|网站|[0-9０-９]|二[〇零]|\s)/;

/** The leading place name of a line: 丰都县树人镇人民政府2025年… → 丰都县树人镇. */
export function namePrefix(line: string): string {
  // a title may open with its year: 2024年度长寿路街道法治政府建设情况报告
  let s = line.replace(/\s+/g, '').replace(LEAD, '').replace(/^(?:(?:19|20)\d\d|二[〇零][〇零一二三四五六七八九]{2})年度?/, '').replace(LEAD, '');
  const m = NAME_END.exec(s);
  if (m) s = s.slice(0, m.index);
  return s;
}

/**
 * 广东省汕尾市海丰县海城镇 → its parts; null when the string is not wholly a place name. An X市 directly
 * followed by a township is a county-level city (廉江市吉水镇); one followed by a county is a prefecture.
 */
export function parsePlace(name: string): Place | null {
  let s = name.replace(/街道办事处$/, '街道');
  const take = (re: RegExp) => {
    const m = re.exec(s);
    if (!m) return null;
    s = s.slice(m[0].length);
    return m[0];
  };
  const province = take(PROVINCE_RE);
  let prefecture = take(PREFECTURE_RE);
  let county = take(COUNTY_RE);
  let township = s ? take(TOWNSHIP_RE) : null;
  if (township) township = township.replace(/街道办事处$/, '街道');
  if (s) {
    // not wholly a name: a county name read as a prefecture may still be one (海丰县 read from the start)
    return null;
  }
  if (prefecture && !county && (township || !province)) [county, prefecture] = [prefecture, null];
  if (!province && !prefecture && !county && !township) return null;
  if (/^(?:我|全|本|该|各|现将|召开|研究|对|在|为)/.test(county ?? township ?? '')) return null;
  return { province, prefecture, county, township };
}

const MUNICIPALITY = /^(?:北京|上海|天津|重庆)市$/;
const EMPTY: Place = { province: null, prefecture: null, county: null, township: null };

/** Fills the gaps of `a` from `b` where they do not disagree (a county only joins its own township). */
function mergePlace(a: Place, b: Place | null): Place {
  if (!b) return a;
  if (a.township && b.township && a.township !== b.township) return a;
  if (a.county && b.county && a.county !== b.county) return a;
  if (a.prefecture && b.prefecture && a.prefecture !== b.prefecture) return a;
  if (a.province && b.province && a.province !== b.province) return a;
  return {
    province: a.province ?? b.province,
    prefecture: a.prefecture ?? b.prefecture,
    county: a.county ?? b.county,
    township: a.township ?? b.township,
  };
}

const BREADCRUMB_SEP = /\s*(?:>|›|»|＞|→|\/)\s*/;
const SEGMENT_SUFFIX = /(?:人民政府|人民政府办事处|政府|办事处|门户网站|网站|政务网|政务公开)$/;

/** A saved page's breadcrumb (当前位置: 首页 > 汕尾市 > 海丰县 > …): the places its segments name, outermost first. */
export function breadcrumbPlace(lines: string[]): Place | null {
  for (const l of lines) {
    if (!BREADCRUMB_SEP.test(l) || !/首页|当前位置|您的位置|>|›|»/.test(l)) continue;
    let p: Place = { ...EMPTY };
    let any = false;
    for (const raw of l.replace(/^.*?(?:当前位置|您的位置|您现在的位置)\s*[:：]?/, '').split(BREADCRUMB_SEP)) {
      const seg = raw.trim().replace(SEGMENT_SUFFIX, '');
      const q = seg ? parsePlace(seg) : null;
      if (!q) continue;
      // a breadcrumb names one level per segment: a lone 汕尾市 is the prefecture above what follows
      if (q.county && !q.township && !q.prefecture && !q.province && /市$/.test(q.county) && !p.prefecture && !p.county)
        q.prefecture = q.county, (q.county = null);
      p = mergePlace(p, q);
      any = true;
    }
    if (any) return p;
  }
  return null;
}

/** 发布机构: / 发布单位: / 来源: / 信息来源: — the publishing body, as a place. */
function publisherPlace(head: string[]): Place | null {
  for (const l of head) {
    const m = /(?:发布机构|发布单位|发文机关|发文单位|信息来源|文章来源|来源|发布者|索引号.*?发布机构)\s*[:：]\s*([^\s|｜]+)/.exec(l);
    if (m) {
      const p = parsePlace(namePrefix(m[1]!));
      if (p) return p;
    }
  }
  return null;
}

/** The signature at the end: a line that is only a unit's name (+人民政府), usually above the date. */
function bylinePlace(lines: string[]): Place | null {
  for (const l of lines.slice(-6).reverse()) {
    if (l.length > 30 || /[，。,:：]/.test(l)) continue;
    const p = parsePlace(l.replace(/\s+/g, '').replace(LEAD, '').replace(/(?:人民政府办事处|人民政府|办事处|党委|党工委|委员会)$/, ''));
    if (p) return p;
  }
  return null;
}

function fileStem(fileName: string | undefined): string {
  if (!fileName) return '';
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
}

/** Unit and place from every source, the title first. */
function placeFromSources(title: string | null, lines: string[], fileName?: string): { unit: string | null; place: Place } {
  const fromTitle = title ? parsePlace(namePrefix(title)) : null;
  const stem = fileStem(fileName);
  const fromFile = stem ? parsePlace(namePrefix(stem)) : null;
  const head = lines.slice(0, 30);
  let place = fromTitle ?? fromFile ?? { ...EMPTY };
  for (const p of [fromFile, breadcrumbPlace(head), publisherPlace(head), bylinePlace(lines)]) place = mergePlace(place, p);
  const unit = place.township ?? place.county;
  // 重庆市 / 北京市 … are provinces with no prefecture level
  if (place.province && MUNICIPALITY.test(place.province)) place.prefecture = null;
  return { unit: fromTitle || fromFile ? unit : null, place };
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
    unit_name = innermostUnit(m[1]!.replace(/^(?:\d{4}年度?)+/, '').replace(/^年度?/, ''));
    if (/^(?:我|全|本|该|各|现将|召开|研究|对)/.test(unit_name)) unit_name = null;
  }
  const fromPlaces = placeFromSources(title, lines, fileName);
  const place = fromPlaces.place;
  if (fromPlaces.unit && (!unit_name || fromPlaces.unit.endsWith(unit_name) || unit_name.endsWith(fromPlaces.unit))) unit_name = fromPlaces.unit;
  unit_name ??= mostNamedTownship(normalizeText(text.slice(0, 20000)).norm);
  if (unit_name && !place.township && !place.county && /(?:民族乡|街道|镇|乡)$/.test(unit_name)) place.township = unit_name;
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
  // (a year the text names only as the start of a span, 2023年以来…, is not the year it reports on)
  const report_year = fromTitle ?? fromText ?? fromPub ?? yearOf(text.slice(0, 1500).replace(/(20\d\d)\s*年(?:\d{1,2}月(?:份)?)?(?:以来|至今)/g, ''));
  const report_year_source =
    fromTitle !== null ? 'title' : fromText !== null ? 'text' : fromPub !== null ? 'publication' : report_year !== null ? 'text' : null;
  // a county- or district-level report is its own county
  const countyLevel = unit_type === '县' || unit_type === '区' || unit_type === '县级市' || unit_type === '市';
  let county = place.county;
  if (countyLevel && unit_name && !place.township) county = unit_name;
  if (!countyLevel && unit_name && place.township && place.township !== unit_name) county = null;
  if (unit_type === '市' && place.prefecture) unit_type = '县级市';
  return {
    title, unit_name, unit_type, report_year, report_year_source, publication_date,
    county: county ?? null, prefecture: place.prefecture, province: place.province,
  };
}
