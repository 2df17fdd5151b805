/**
 * What the import tells a person when a file cannot be taken: where (row and column as the spreadsheet
 * shows them), what is wrong and how to fix it, in both UI languages (the pure modules run in a worker,
 * away from the i18n store; the page picks the language).
 */
export interface Bilingual {
  problem_zh: string;
  problem_en: string;
  fix_zh: string;
  fix_en: string;
}

export interface ImportProblem extends Bilingual {
  /** Spreadsheet row (the header is row 1); 0 when the problem concerns the whole file. */
  row: number;
  /** The column header as written in the file ('' when not about one column). */
  column: string;
}

export const msg = (problem_zh: string, problem_en: string, fix_zh: string, fix_en: string): Bilingual => ({
  problem_zh,
  problem_en,
  fix_zh,
  fix_en,
});

/** Thrown by the parsers and the validator; carries every problem found (capped by the caller). */
export class ImportProblemError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.slice(0, 5).map((p) => (p.row ? `row ${p.row}` : 'file') + (p.column ? ` column ${p.column}` : '') + `: ${p.problem_en}`).join('; '));
    this.name = 'ImportProblemError';
  }
}

export const fileProblem = (b: Bilingual): ImportProblemError => new ImportProblemError([{ row: 0, column: '', ...b }]);
