// Written by `npm run eval -- --stamp` (see stamp.ts); do not edit by hand.
export const EXTRACTOR_VERSION = 'extract-2.f11fe0fcf7c7';
