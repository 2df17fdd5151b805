import { afterEach, describe, expect, it } from 'vitest';
import { litigationBars, litigationOption } from '../../../src/lib/charts/litigation.ts';
import { PRERENDER_WIDTH, prerenderSlot, prerenderedChart } from '../../../src/lib/charts/prerender.ts';
import { chartSvg } from '../../../src/lib/export/chart-image.ts';
import { tZh, uv } from './helpers.ts';

describe('build-time chart pictures', () => {
  afterEach(() => delete prerenderSlot.render);

  it('is empty in the browser (no renderer plugged in) and when there is nothing to draw', () => {
    expect(prerenderedChart({ series: [] }, 380, 'x-chart')).toBe('');
    prerenderSlot.render = chartSvg;
    expect(prerenderedChart(null, 380, 'x-chart')).toBe('');
  });

  it("draws the chart's own option inline: the bars' values, prefixed zrender ids, Element Timing on the last text", () => {
    prerenderSlot.render = (o, w, h) => chartSvg(o, w, h, 'transparent');
    const bars = litigationBars([uv('甲镇', 2024, 'lit_admin_suits_total', 9), uv('甲镇', 2024, 'lit_retrial', 8), uv('甲镇', 2024, 'lit_first_instance', 1)], false, '非整年');
    const html = prerenderedChart(litigationOption(bars, 'zh', tZh), 380, 'litigation-chart');
    expect(html).toMatch(/^<div class="chart-prerendered" aria-hidden="true"><svg preserveAspectRatio="xMinYMin meet" /);
    expect(html).toContain(`width="${PRERENDER_WIDTH}" height="380"`);
    for (const text of ['>9<', '>8<', '甲镇', '再审']) expect(html).toContain(text);
    // zrender's ids/classes (zr1-cls-…) would be shared with the live chart's in one document.
    expect(html).not.toMatch(/\bzr\d+-/);
    expect(html).toMatch(/\bzrp\d+-/);
    expect(html.match(/elementtiming=/g)).toHaveLength(1);
    expect(html.match(/font-family/g)).toHaveLength(1); // one rule, not one per text
    expect(html.slice(html.indexOf('elementtiming="litigation-chart"'))).not.toContain('<text '); // the last text
    expect(html.endsWith('</svg></div>')).toBe(true);
  });
});
