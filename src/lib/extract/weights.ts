/** The shipped classifier weights (weights.json, fitted by `npm run eval -- --fit`). */
import type { Weights } from './classify';
import data from './weights.json';

export const WEIGHTS: Weights | null = (data as Weights).w && Object.keys((data as Weights).w).length ? (data as Weights) : null;
