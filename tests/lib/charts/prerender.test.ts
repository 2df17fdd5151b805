import { afterEach, describe, expect, it } from 'vitest';
import { litigationBars, litigationOption } from '../../../src/lib/charts/litigation.ts';
import { PRERENDER_WIDTH, prerenderSlot, prerenderedChart, svgDataUrl } from '../../../src/lib/charts/prerender.ts';
import { chartSvg } from '../../../src/lib/export/chart-image.ts';
import { tZh, uv } from './helpers.ts';

const decode = (img: string) => {
  const src = /src="([^"]*)"/.exec(img)![1]!;
  expect(src.startsWith('data:image/svg+xml,')).toBe(true);
  return decodeURIComponent(src.slice('data:image/svg+xml,'.length));
};

describe('build-time chart pictures', () => {
  afterEach(() => delete prerenderSlot.render);

  it('escapes only what a URL or a double-quoted attribute needs, and decodes back to the same SVG', () => {
    const svg = `<svg a="1"><text>≥5 % #1 & 甲镇\n</text></svg>`;
    const url = svgDataUrl(svg);
    expect(url).not.toMatch(/["&#\n]/);
    expect(url).toContain('甲镇'); // CJK stays as it is: the browser encodes it, gzip keeps it small
    expect(decodeURIComponent(url.slice('data:image/svg+xml,'.length))).toBe(svg);
  });

  it('is empty in the browser (no renderer plugged in) and when there is nothing to draw', () => {
    expect(prerenderedChart({ series: [] }, 380, 'x-chart')).toBe('');
    prerenderSlot.render = chartSvg;
    expect(prerenderedChart(null, 380, 'x-chart')).toBe('');
  });

  it("draws the chart's own option: the picture carries the bars' values and the Element Timing id", () => {
    prerenderSlot.render = (o, w, h) => chartSvg(o, w, h, 'transparent');
    const bars = litigationBars([uv('甲镇', 2024, 'lit_admin_suits_total', 9), uv('甲镇', 2024, 'lit_retrial', 8), uv('甲镇', 2024, 'lit_first_instance', 1)], false, '非整年');
    const img = prerenderedChart(litigationOption(bars, 'zh', tZh), 380, 'litigation-chart');
    expect(img).toMatch(/^<img class="chart-prerendered" alt="" aria-hidden="true" elementtiming="litigation-chart"/);
    expect(img).toContain(`width="${PRERENDER_WIDTH}" height="380"`);
    const svg = decode(img);
    expect(svg).toMatch(new RegExp(`^<svg[^>]*width="${PRERENDER_WIDTH}" height="380"`));
    for (const text of ['>9<', '>8<', '甲镇', '再审']) expect(svg).toContain(text);
  });
});
