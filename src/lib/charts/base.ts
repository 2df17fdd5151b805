/** Shared chart defaults: palette, fonts, accessibility. Every chart option starts from baseOption(). */
import type { EChartsCoreOption } from 'echarts/core';
import { FONT_FAMILY, PALETTE } from './palette.ts';

export type ChartOption = EChartsCoreOption & Record<string, unknown>;

export const baseOption = (): ChartOption => ({
  color: [...PALETTE],
  textStyle: { fontFamily: FONT_FAMILY },
  aria: { enabled: true, decal: { show: false } },
  animationDuration: 300,
  backgroundColor: 'transparent',
});
