/** The shipped classifier weights (weights.json, fitted by `npm run eval -- --fit`). */
import type { Weights } from './classify';
import data from './weights.json';

const d = data as Partial<Weights>;
export const WEIGHTS: Weights | null = d.w && d.cue && Object.keys(d.w).length ? (d as Weights) : null;
