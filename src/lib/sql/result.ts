/**
 * A query result kept as DuckDB sent it: Arrow record batches, one column vector per batch, read by index.
 * A million rows stay a handful of typed arrays instead of a million objects; the grid reads only the
 * rows on screen. Sorting builds a permutation of row numbers and never moves the data.
 */
import { columnInfo, displayCell, isNumericKind, plainCell, type ArrowFieldLike, type ColumnInfo } from './cells.ts';

export interface VectorLike {
  length: number;
  get(i: number): unknown;
  toArray?(): ArrayLike<unknown>;
}
/** The duck-typed part of an Arrow RecordBatch this module reads. */
export interface BatchLike {
  numRows: number;
  schema: { fields: ArrowFieldLike[] };
  getChildAt(i: number): VectorLike | null;
}

export class ResultSet {
  readonly columns: ColumnInfo[];
  private readonly chunks: VectorLike[][] = []; // [batch][column]
  private readonly starts: number[] = []; // first row of each batch
  length = 0;

  constructor(fields: ArrowFieldLike[]) {
    this.columns = fields.map(columnInfo);
  }

  static fromBatches(fields: ArrowFieldLike[], batches: Iterable<BatchLike>): ResultSet {
    const r = new ResultSet(fields);
    for (const b of batches) r.push(b);
    return r;
  }

  push(batch: BatchLike): void {
    if (batch.numRows === 0) return;
    this.starts.push(this.length);
    this.chunks.push(this.columns.map((_, i) => batch.getChildAt(i)!));
    this.length += batch.numRows;
  }

  /**
   * Dictionary columns whose batches arrived without their dictionary (duckdb-wasm's streaming send()
   * sends only the indices of an ENUM: duckdb-wasm issue 1548). Their values must be supplied with
   * setDictionary(), or every cell would read as NULL.
   */
  missingDictionaries(): number[] {
    return this.columns.flatMap((c, i) => (c.dictionary && this.chunks.some((ch) => dictionaryOf(ch[i]) !== null && dictionaryOf(ch[i])!.length === 0 && hasValid(ch[i]!)) ? [i] : []));
  }

  /** Decodes column `col` through `value(index)` (the ENUM's values in order, as DuckDB numbers them). */
  setDictionary(col: number, value: (index: number) => unknown): void {
    for (const chunk of this.chunks) {
      const v = chunk[col]!;
      if (dictionaryOf(v)?.length === 0) chunk[col] = decodeWith(v, value);
    }
  }

  /** Raw Arrow value at row `row` (in query order) of column `col`. */
  get(row: number, col: number): unknown {
    // Binary search for the batch holding `row`.
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    const v = this.chunks[lo]?.[col]?.get(row - this.starts[lo]!);
    return v === undefined ? null : v;
  }

  display(row: number, col: number): string | null {
    return displayCell(this.get(row, col), this.columns[col]!);
  }

  plain(row: number, col: number): unknown {
    return plainCell(this.get(row, col), this.columns[col]!);
  }

  /** Every value of a column in query order (sequential: no search per row). */
  columnValues(col: number): unknown[] {
    const out: unknown[] = new Array(this.length);
    let k = 0;
    for (const chunk of this.chunks) {
      const v = chunk[col]!;
      for (let i = 0; i < v.length; i++) out[k++] = v.get(i) ?? null;
    }
    return out;
  }

  /**
   * Row order sorted by one column; NULLs last in both directions, ties keep query order (stable).
   * Numbers compare as numbers (BigInt exactly), decimals by value, everything else by its shown text.
   */
  sortOrder(col: number, dir: 'asc' | 'desc'): Uint32Array {
    const info = this.columns[col]!;
    const raw = this.columnValues(col);
    const sign = dir === 'asc' ? 1 : -1;
    const order = Uint32Array.from({ length: this.length }, (_, i) => i);
    let keys: unknown[];
    if (info.kind === 'decimal') keys = raw.map((v) => (v === null ? null : Number(displayCell(v, info))));
    else if (isNumericKind(info.kind) || info.kind === 'bool' || info.kind === 'date' || info.kind === 'timestamp') keys = raw.map((v) => (v === null ? null : typeof v === 'boolean' ? Number(v) : v));
    else keys = raw.map((v) => (v === null ? null : displayCell(v, info)));
    order.sort((a, b) => {
      const x = keys[a] as number | bigint | string | null;
      const y = keys[b] as number | bigint | string | null;
      if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
      const c = x < y ? -1 : x > y ? 1 : 0;
      return c === 0 ? a - b : c * sign;
    });
    return order;
  }

  /** Rows as plain objects for the export functions (src/lib/export/table.ts). */
  toTable(order?: ArrayLike<number>): { columns: string[]; rows: Record<string, unknown>[] } {
    const names = uniqueNames(this.columns.map((c) => c.name));
    const rows: Record<string, unknown>[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const r = order ? order[i]! : i;
      const o: Record<string, unknown> = {};
      for (let c = 0; c < names.length; c++) o[names[c]!] = this.plain(r, c);
      rows[i] = o;
    }
    return { columns: names, rows };
  }
}

interface DictData {
  length: number;
  values: ArrayLike<number | bigint>;
  dictionary?: { length: number } | null;
  getValid?(i: number): boolean;
}
const dataOf = (v: VectorLike | undefined): DictData[] | null => {
  const d = (v as unknown as { data?: DictData[] } | undefined)?.data;
  return Array.isArray(d) ? d : null;
};
const dictionaryOf = (v: VectorLike | undefined): { length: number } | null => dataOf(v)?.[0]?.dictionary ?? null;
const hasValid = (v: VectorLike): boolean => {
  const isValid = (v as unknown as { isValid?(i: number): boolean }).isValid;
  for (let i = 0; i < v.length; i++) if (!isValid || isValid.call(v, i)) return true;
  return false;
};

/** A vector that reads a dictionary column's indices and maps them through `value`. */
function decodeWith(v: VectorLike, value: (index: number) => unknown): VectorLike {
  const parts = dataOf(v) ?? [];
  const at = (i: number): unknown => {
    for (const d of parts) {
      if (i < d.length) {
        if (d.getValid && !d.getValid(i)) return null;
        return value(Number(d.values[i])) ?? null;
      }
      i -= d.length;
    }
    return null;
  };
  return { length: v.length, get: at };
}

/** SELECT a, a gives two columns named a; exports need distinct keys (a, a_2). */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}
