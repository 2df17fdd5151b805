import { describe, expect, it } from 'vitest';
import { framedSvg } from '../../../src/lib/export/chart-image.ts';
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
const frame = { title: '矛盾纠纷调处量<测试>', subtitle: '绥阳县 · 2024年', source: '数据来源: 各乡镇法治政府建设年度报告', made: '制图日期: 2026-11-28', syntheticLabel: '' };

describe('framed briefing SVG (ECharts SSR, text kept as text)', () => {
  it('holds the Chinese title, subtitle, source and date as <text>, escaped', () => {
    const { svg, width, height } = framedSvg(option, frame, 400);
    expect(width).toBe(1000);
    expect(height).toBe(400 + 78 + 44);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1000" height="522"/);
    expect(svg).toContain('>矛盾纠纷调处量&lt;测试&gt;</text>');
    expect(svg).toContain('>绥阳县 · 2024年</text>');
    expect(svg).toContain('>数据来源: 各乡镇法治政府建设年度报告</text>');
    expect(svg).toContain('>制图日期: 2026-11-28</text>');
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

describe('zip', () => {
  it('round-trips files', () => {
    const z = zipFiles({ 'a.csv': strToU8('\uFEFF镇,值\r\n'), 'b.png': new Uint8Array([137, 80, 78, 71]) });
    const back = unzipSync(z);
    expect([...back['a.csv']!]).toEqual([...strToU8('\uFEFF镇,值\r\n')]);
    expect([...back['b.png']!]).toEqual([137, 80, 78, 71]);
  });
});
