import { describe, expect, it } from 'vitest';
import { CHART_FONT, framedSvg } from '../../../src/lib/export/chart-image.ts';
import { frameLayout, textWidth, wrap, FONT } from '../../../src/lib/export/frame.ts';
import { addPngMeta, readPngMeta } from '../../../src/lib/export/png-text.ts';
import { trendOption, trendSeries } from '../../../src/lib/charts/trend.ts';
import { zipFiles } from '../../../src/lib/export/zip.ts';
import { unzipSync, strToU8 } from 'fflate';
import { uv } from '../charts/helpers.ts';

const option = trendOption(
  trendSeries([uv('a', 2024, 'med_cases_total', 289, { town_name: '蒲场镇' })], 'med_cases_total', [{ town_id: 'a', name: '蒲场镇' }], [2023, 2024]),
  [2023, 2024],
  '件',
  'zh',
);
const frame = {
  title: '矛盾纠纷调处量<测试>',
  subtitle: '绥阳县 · 2024年',
  notes: ['范围:贵州省 绥阳县 · 3个乡镇(街道):蒲场镇、洋川镇、郑场镇', '未报告(2个):洋川镇、郑场镇', '数据来源:1份年度报告(0份导入,1份经人工复核)'],
  made: '制图日期:2026-11-28',
  syntheticLabel: '',
};

describe('framed briefing SVG (ECharts SSR, text kept as text)', () => {
  it('holds the Chinese title, subtitle, source and date as <text>, escaped', () => {
    const { svg, width, height } = framedSvg(option, frame, 400);
    const lay = frameLayout(frame);
    expect(width).toBe(800);
    expect(height).toBe(lay.head + 400 + lay.foot);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${height}"`));
    expect(svg).toContain('>矛盾纠纷调处量&lt;测试&gt;</text>');
    expect(svg).toContain('>绥阳县 · 2024年</text>');
    expect(svg).toContain('>未报告(2个):洋川镇、郑场镇</text>');
    expect(svg).toContain('>数据来源:1份年度报告(0份导入,1份经人工复核)</text>');
    expect(svg).toContain('>制图日期:2026-11-28</text>');
    expect(svg).toContain('蒲场镇'); // the legend, from the chart itself
    expect(svg).not.toContain('示例数据');
    expect(svg).toContain('fill="#ffffff"');
    // Well-formed XML: no unescaped quote inside an attribute (browsers refuse to draw a malformed SVG).
    for (const m of svg.matchAll(/style="([^"]*)"/g)) expect(m[1]).not.toMatch(/[<>]/);
    expect(svg).not.toMatch(/font-family:"/);
  });
  it('carries 示例数据 whenever synthetic data is shown', () => {
    expect(framedSvg(option, { ...frame, syntheticLabel: '示例数据' }).svg).toContain('>示例数据</text>');
  });
});

describe('frame layout (the text model the PNG is drawn from)', () => {
  it('is legible at 16 cm: 800 px wide, no text under 14 px (8 pt), chart text at 14 px too', () => {
    const lay = frameLayout(frame);
    expect(lay.width).toBe(800);
    for (const t of [...lay.texts, ...lay.footTexts]) expect(t.size).toBeGreaterThanOrEqual(14);
    expect(CHART_FONT).toBeGreaterThanOrEqual(14);
    const { svg } = framedSvg(option, frame, 400);
    // The chart's own axis labels and legend are drawn at the print size as well.
    const sizes = [...svg.matchAll(/font-size:(\d+)px/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
  });
  it('wraps long lines (a county of many towns) inside the width, every name kept', () => {
    const names = Array.from({ length: 30 }, (_, i) => `第${i + 1}测试镇`);
    const f = { ...frame, notes: [`未报告(30个):${names.join('、')}`] };
    const lay = frameLayout(f);
    const lines = lay.footTexts.filter((t) => t.anchor !== 'end');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(textWidth(l.text, l.size)).toBeLessThanOrEqual(800 - 48);
    const joined = lines.map((l) => l.text).join('');
    for (const n of names) expect(joined).toContain(n);
    expect(wrap('短', FONT.note, 100)).toEqual(['短']);
  });
  it('places the 示例数据 badge beside the title, never over it', () => {
    const lay = frameLayout({ ...frame, syntheticLabel: '示例数据' });
    const title = lay.texts[0]!;
    expect(lay.badge).not.toBeNull();
    expect(title.x + textWidth(title.text, title.size)).toBeLessThan(lay.badge!.x);
  });
});

describe('PNG metadata', () => {
  it('writes the frame text (iTXt, UTF-8) and a 16 cm density (pHYs) that readers decode', () => {
    // A 1×1 PNG.
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    const out = addPngMeta(png, { Title: '矛盾纠纷调处量', Description: '未报告(2个):洋川镇、郑场镇' }, 1600 / 0.16);
    const meta = readPngMeta(out);
    expect(meta.text).toEqual({ Title: '矛盾纠纷调处量', Description: '未报告(2个):洋川镇、郑场镇' });
    expect(meta.pxPerMetre).toBe(10000);
  });
});

describe('zip', () => {
  it('round-trips files', () => {
    const z = zipFiles({ 'a.csv': strToU8('\uFEFF镇,值\r\n'), 'b.png': new Uint8Array([137, 80, 78, 71]) });
    const back = unzipSync(z);
    expect([...back['a.csv']!]).toEqual([...strToU8('\uFEFF镇,值\r\n')]);
    expect([...back['b.png']!]).toEqual([137, 80, 78, 71]);
  });
});
