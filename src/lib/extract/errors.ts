/** Input problems the caller can act on: nothing to read, not text, or text in an unknown encoding. */
export type ExtractInputErrorCode = 'empty' | 'binary' | 'encoding';

export class ExtractInputError extends Error {
  readonly code: ExtractInputErrorCode;
  constructor(code: ExtractInputErrorCode, message: string) {
    super(message);
    this.name = 'ExtractInputError';
    this.code = code;
  }
}
