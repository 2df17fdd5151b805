/**
 * A seeded tree of synthetic report files for `npm run ingest` tests and its benchmark: 省/市/县/ folders
 * of town, sub-district and county reports as .txt (UTF-8 and GBK), .html and .docx, every one labelled
 * 示例数据 in its title and text, with the facts each states (the labels the test checks the output against).
 * Never bundled; written to a temporary folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { rng } from './rng.ts';

export interface TreeLabel {
  file: string;
  unit: string;
  unit_type: string;
  county: string;
  prefecture: string;
  province: string;
  year: number;
  facts: { indicator: string; value: number }[];
  /** numbers in the text no rule claims (left for a person) */
  unclaimed: number;
  /** characters of the report's text */
  chars: number;
}


let gbkTable: Map<string, number[]> | null = null;
/** UTF-16 → GBK bytes, from the inverse of the platform's GBK decoder (Node has no GBK encoder). */
export function toGbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else out.push(...(gbkTable.get(ch) ?? [0x3f]));
  }
  return new Uint8Array(out);
}

const PROVINCES = ['青川省', '云岭省'];
const PREFS = ['东江市', '西岭市', '南湖市'];
const COUNTY_STEMS = ['平安', '长乐', '永宁', '安远', '清河', '新丰', '宁乡', '和平'];
const TOWN_STEMS = ['城关', '石桥', '白沙', '龙泉', '桃源', '金山', '柳塘', '青禾', '梅林', '松岗', '竹溪', '黄田', '红星', '东风', '高坪', '马鞍'];
const TOWN_KIND = ['镇', '镇', '镇', '乡', '街道'] as const;
/** Prose without numbers, so a generated report is as long as a real one (≈1,500 characters) without adding facts. */
const FILLER = [
  '坚持把法治政府建设摆在全局工作的重要位置,党政主要负责人切实履行推进法治建设第一责任人职责,做到重要工作亲自部署、重大问题亲自过问。',
  '严格落实重大行政决策程序规定,对涉及群众切身利益的事项广泛听取意见,充分发挥法律顾问在决策中的作用,确保决策合法合规。',
  '深入推进行政执法规范化建设,全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度,规范执法行为。',
  '持续深化政务公开,通过政府网站、公开栏和新媒体平台及时公开财政预决算、重大项目和民生事项等信息,自觉接受群众监督。',
  '坚持和发展新时代“枫桥经验”,健全矛盾纠纷多元化解机制,推动人民调解、行政调解和司法调解有机衔接,把矛盾化解在基层。',
  '扎实开展“八五”普法,围绕宪法、民法典和与群众生产生活密切相关的法律法规开展宣传,推动法治文化阵地建设。',
  '加强公共法律服务体系建设,推动法律服务向村(社区)延伸,为困难群众提供便捷高效的法律援助服务。',
  '认真落实行政机关负责人出庭应诉制度,积极支持人民法院依法受理和审理行政案件,尊重并执行人民法院生效裁判。',
];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function docx(text: string): Uint8Array {
  const esc = (l: string) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
  return zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document><w:body>${paras}</w:body></w:document>`) });
}

/** Writes `n` reports (plus `broken` unreadable files) under `dir`; returns the labels, in file order. */
export function writeReportTree(dir: string, opts: { n: number; seed?: number; broken?: number }): TreeLabel[] {
  const r = rng(opts.seed ?? 1);
  const labels: TreeLabel[] = [];
  const used = new Set<string>();
  for (let i = 0; i < opts.n; i++) {
    const province = pick(r, PROVINCES);
    const prefecture = pick(r, PREFS);
    const county = `${pick(r, COUNTY_STEMS)}${r() < 0.7 ? '县' : '区'}`;
    const year = int(r, 2021, 2024);
    const countyLevel = r() < 0.08;
    let unit: string;
    let unitType: string;
    if (countyLevel) [unit, unitType] = [county, county.endsWith('县') ? '县' : '区'];
    else {
      const kind = pick(r, TOWN_KIND);
      [unit, unitType] = [`${pick(r, TOWN_STEMS)}${pick(r, TOWN_STEMS)}${kind}`, kind];
    }
    const key = `${province}${prefecture}${county}${unit}${year}`;
    if (used.has(key)) {
      i--;
      continue;
    }
    used.add(key);
    const cases = int(r, 20, 400);
    const success = int(r, Math.floor(cases * 0.8), cases);
    const events = int(r, 3, 60);
    const reconsider = int(r, 1, 40);
    const meetings = int(r, 5, 40);
    const self = countyLevel ? (unitType === '县' ? '全县' : '全区') : unitType === '街道' ? '全街道' : `全${unitType}`;
    // every third title names the whole place; the others name the unit only (the folders give the rest)
    const full = i % 3 === 0;
    const title = `${full ? `${province}${prefecture}${countyLevel ? '' : county}` : ''}${unit}${year}年法治政府建设${countyLevel ? '年度' : '工作'}报告(示例数据)`;
    const facts: TreeLabel['facts'] = [
      { indicator: 'med_cases_total', value: cases },
      { indicator: 'med_success', value: success },
      { indicator: 'out_events', value: events },
    ];
    const lines = [
      title,
      `发布日期:${year + 1}-01-${String(int(r, 10, 28))}`,
      `本报告为合成的示例数据,用于测试。`,
      `${year}年,${self}坚持依法行政。`,
      '一、工作成效',
      ...FILLER.slice(0, 4).map((f) => (r() < 0.5 ? f : f.replace('坚持', '始终坚持'))),
      `${self}共调处矛盾纠纷${cases}件,调解成功${success}件。开展普法宣传活动${events}场次。召开院坝会${meetings}场。`,
      ...FILLER.slice(4),
    ];
    if (countyLevel) {
      lines.push(`全年办理行政复议案件${reconsider}件。`);
      facts.push({ indicator: 'lit_reconsideration_cases', value: reconsider });
    }
    lines.push(
      '二、存在问题',
      '基层法治力量仍然薄弱。',
      '三、下一步工作打算',
      ...FILLER.map((f) => `下一步,将继续${f.replace(/^坚持/, '')}`),
      `${countyLevel ? '' : county}${unit}人民政府`,
    );
    const text = lines.join('\n');
    const folder = join(dir, province, prefecture, county);
    mkdirSync(folder, { recursive: true });
    const form = r();
    const stem = `${unit}${year}年法治政府建设报告`;
    let file: string;
    if (form < 0.55) writeFileSync((file = join(folder, `${stem}.txt`)), text);
    else if (form < 0.75) writeFileSync((file = join(folder, `${stem}.gbk.txt`)), toGbk(text));
    else if (form < 0.9)
      writeFileSync(
        (file = join(folder, `${stem}.html`)),
        `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><script>var x = 1;</script></head><body><div class="crumb">首页 > ${prefecture} > ${county} > 政务公开</div>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`,
      );
    else writeFileSync((file = join(folder, `${stem}.docx`)), docx(text));
    labels.push({ file, unit, unit_type: unitType, county, prefecture, province, year, facts, unclaimed: 1, chars: text.length });
  }
  for (let i = 0; i < (opts.broken ?? 0); i++) {
    mkdirSync(join(dir, '损坏'), { recursive: true });
    writeFileSync(join(dir, '损坏', i % 2 ? `空文件${i}.txt` : `图片${i}.txt`), i % 2 ? '' : new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 13, 10, 26, 10, 0, 0, 0, 0]));
  }
  return labels;
}
