// Written by `npm run eval -- --stamp` (see stamp.ts); do not edit by hand.
export const EXTRACTOR_VERSION = 'extract-2.fd6bb5b4fead';
