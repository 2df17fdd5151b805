// Prerendering draws every chart with ECharts' SSR renderer (see src/lib/charts/prerender.ts). Server-only:
// this import never reaches the browser bundle.
import { prerenderSlot } from '$lib/charts/prerender';
import { chartSvg } from '$lib/export/chart-image';

prerenderSlot.render = (option, width, height) => chartSvg(option, width, height, 'transparent');
