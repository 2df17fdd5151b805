/**
 * How a result value is shown and exported. Values arrive from duckdb-wasm's Arrow (v17, its own copy:
 * read through get()/toArray()/toJSON(), never instanceof). The workbench opens DuckDB with exact numbers,
 * so BIGINT arrives as BigInt and DECIMAL as 128-bit words; both are printed digit for digit.
 */
import { Type } from 'apache-arrow';

export type CellKind =
  | 'int'
  | 'bigint'
  | 'float'
  | 'decimal'
  | 'bool'
  | 'string'
  | 'date'
  | 'timestamp'
  | 'time'
  | 'list'
  | 'struct'
  | 'map'
  | 'binary'
  | 'other';

export interface ColumnInfo {
  name: string;
  kind: CellKind;
  /** A DuckDB-flavoured type name for the header: BIGINT, DECIMAL(18,3), VARCHAR[] … */
  typeLabel: string;
  scale?: number;
  /** Time unit of timestamps and times (Arrow TimeUnit: 0 s, 1 ms, 2 µs, 3 ns). */
  unit?: number;
  timezone?: string | null;
  children?: ColumnInfo[];
  /** A Dictionary-encoded column (DuckDB's ENUM): Arrow hands over the decoded values, typed as `kind`. */
  dictionary?: boolean;
}

/** The duck-typed part of an Arrow field/type this module reads. */
export interface ArrowFieldLike {
  name: string;
  type: {
    typeId: number;
    bitWidth?: number;
    isSigned?: boolean;
    precision?: number;
    scale?: number;
    unit?: number;
    timezone?: string | null;
    children?: ArrowFieldLike[];
    valueType?: unknown;
    /** Dictionary types: the type of the dictionary's values (an ENUM's strings). */
    dictionary?: ArrowFieldLike['type'];
  };
}

const intName = (bits: number, signed: boolean) =>
  (signed ? '' : 'U') + ({ 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' } as Record<number, string>)[bits]!;

export function columnInfo(f: ArrowFieldLike): ColumnInfo {
  const t = f.type;
  const id = t.typeId;
  const base = { name: f.name };
  switch (id) {
    case Type.Dictionary: {
      // Shown and exported by its values: an ENUM is its strings, a dictionary of numbers its numbers.
      if (!t.dictionary) return { ...base, kind: 'other', typeLabel: 'ENUM', dictionary: true };
      const values = columnInfo({ name: f.name, type: t.dictionary });
      return { ...values, typeLabel: values.kind === 'string' ? 'ENUM' : values.typeLabel, dictionary: true };
    }
    case Type.Int:
    case Type.Int8:
    case Type.Int16:
    case Type.Int32:
    case Type.Int64:
    case Type.Uint8:
    case Type.Uint16:
    case Type.Uint32:
    case Type.Uint64: {
      const bits = t.bitWidth ?? 32;
      return { ...base, kind: bits === 64 ? 'bigint' : 'int', typeLabel: intName(bits, t.isSigned !== false) };
    }
    case Type.Float:
    case Type.Float16:
    case Type.Float32:
    case Type.Float64:
      return { ...base, kind: 'float', typeLabel: t.precision === 1 ? 'FLOAT' : 'DOUBLE' };
    case Type.Decimal:
      return { ...base, kind: 'decimal', typeLabel: `DECIMAL(${t.precision},${t.scale})`, scale: t.scale ?? 0 };
    case Type.Bool:
      return { ...base, kind: 'bool', typeLabel: 'BOOLEAN' };
    case Type.Utf8:
    case Type.LargeUtf8:
      return { ...base, kind: 'string', typeLabel: 'VARCHAR' };
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return { ...base, kind: 'binary', typeLabel: 'BLOB' };
    case Type.Date:
    case Type.DateDay:
    case Type.DateMillisecond:
      return { ...base, kind: 'date', typeLabel: 'DATE' };
    case Type.Timestamp:
    case Type.TimestampSecond:
    case Type.TimestampMillisecond:
    case Type.TimestampMicrosecond:
    case Type.TimestampNanosecond:
      return { ...base, kind: 'timestamp', typeLabel: t.timezone ? 'TIMESTAMPTZ' : 'TIMESTAMP', unit: t.unit ?? 1, timezone: t.timezone ?? null };
    case Type.Time:
    case Type.TimeSecond:
    case Type.TimeMillisecond:
    case Type.TimeMicrosecond:
    case Type.TimeNanosecond:
      return { ...base, kind: 'time', typeLabel: 'TIME', unit: t.unit ?? 2 };
    case Type.List:
    case Type.FixedSizeList: {
      const child = columnInfo(t.children![0]!);
      return { ...base, kind: 'list', typeLabel: `${child.typeLabel}[]`, children: [child] };
    }
    case Type.Struct: {
      const children = (t.children ?? []).map(columnInfo);
      return { ...base, kind: 'struct', typeLabel: `STRUCT(${children.map((c) => `${c.name} ${c.typeLabel}`).join(', ')})`, children };
    }
    case Type.Map: {
      const entry = t.children?.[0];
      const children = (entry?.type.children ?? []).map(columnInfo);
      return { ...base, kind: 'map', typeLabel: `MAP(${children.map((c) => c.typeLabel).join(', ')})`, children };
    }
    default:
      return { ...base, kind: 'other', typeLabel: Type[id] ?? `type ${id}` };
  }
}

/** A 128-bit (or 64/256-bit) two's-complement decimal given as little-endian 32-bit words, printed exactly. */
export function decimalString(words: ArrayLike<number>, scale: number): string {
  let v = 0n;
  for (let i = words.length - 1; i >= 0; i--) v = (v << 32n) | BigInt(words[i]! >>> 0);
  const bits = BigInt(words.length * 32);
  if (words.length && words[words.length - 1]! >>> 31) v -= 1n << bits;
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return (neg ? '-' : '') + digits;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function timestampString(v: unknown, col: ColumnInfo): string {
  // Arrow 17 hands timestamps over as epoch milliseconds (numbers); bigint covers other readers.
  const ms = typeof v === 'bigint' ? Number(v) / [1 / 1000, 1, 1000, 1e6][col.unit ?? 1]! : Number(v);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return String(v);
  const frac = d.getUTCMilliseconds();
  const s = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return s + (frac ? `.${pad(frac, 3)}` : '') + (col.timezone ? '+00' : '');
}

function timeString(v: unknown, col: ColumnInfo): string {
  const perSecond = [1, 1e3, 1e6, 1e9][col.unit ?? 2]!;
  const raw = typeof v === 'bigint' ? v : BigInt(Math.round(Number(v)));
  const total = Number(raw) / perSecond;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const whole = Math.floor(s);
  const frac = Math.round((s - whole) * 1e6);
  return `${pad(h)}:${pad(m)}:${pad(whole)}${frac ? '.' + String(frac).padStart(6, '0').replace(/0+$/, '') : ''}`;
}

const dateString = (v: unknown): string => {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const d = new Date(Number(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString().slice(0, 10);
};

interface VectorLike {
  length: number;
  get(i: number): unknown;
}
const isVectorLike = (v: unknown): v is VectorLike =>
  typeof v === 'object' && v !== null && typeof (v as VectorLike).get === 'function' && typeof (v as VectorLike).length === 'number';

function listItems(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isVectorLike(v)) return Array.from({ length: v.length }, (_, i) => v.get(i));
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>);
  return [v];
}

function structEntries(v: unknown, col: ColumnInfo): [string, unknown][] {
  const o = v as { toJSON?: () => Record<string, unknown> } & Record<string, unknown>;
  const json = typeof o.toJSON === 'function' ? o.toJSON() : o;
  if (col.kind === 'struct' && col.children) return col.children.map((c) => [c.name, json[c.name]]);
  return Object.entries(json);
}

/** The text a grid cell shows, or null for SQL NULL (shown distinctly by the grid). Follows DuckDB's own printing. */
export function displayCell(v: unknown, col: ColumnInfo): string | null {
  if (v === null || v === undefined) return null;
  switch (col.kind) {
    case 'int':
    case 'bigint':
      return String(v);
    case 'float':
      return typeof v === 'number' ? String(v) : String(v);
    case 'decimal':
      return ArrayBuffer.isView(v) ? decimalString(v as unknown as Uint32Array, col.scale ?? 0) : String(v);
    case 'bool':
      return v ? 'true' : 'false';
    case 'date':
      return dateString(v);
    case 'timestamp':
      return timestampString(v, col);
    case 'time':
      return timeString(v, col);
    case 'list': {
      const child = col.children![0]!;
      return `[${listItems(v)
        .map((x) => nested(x, child))
        .join(', ')}]`;
    }
    case 'struct':
      return `{${structEntries(v, col)
        .map(([k, x]) => `'${k}': ${nested(x, col.children?.find((c) => c.name === k) ?? OTHER)}`)
        .join(', ')}}`;
    case 'map':
      return `{${structEntries(v, col)
        .map(([k, x]) => `${k}=${nested(x, col.children?.[1] ?? OTHER)}`)
        .join(', ')}}`;
    case 'binary':
      return ArrayBuffer.isView(v)
        ? Array.from(v as Uint8Array, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')
        : String(v);
    case 'string':
      return String(v);
    default:
      return otherText(v);
  }
}

const OTHER: ColumnInfo = { name: '', kind: 'other', typeLabel: '' };

function nested(v: unknown, col: ColumnInfo): string {
  const s = displayCell(v, col);
  if (s === null) return 'NULL';
  // Strings inside lists and structs are quoted the way DuckDB prints them.
  return col.kind === 'string' ? `'${s.replaceAll("'", "''")}'` : s;
}

function otherText(v: unknown): string {
  if (typeof v === 'object' && v !== null) {
    const o = v as { toJSON?: () => unknown };
    const j = typeof o.toJSON === 'function' ? o.toJSON() : ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v;
    return JSON.stringify(j, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  }
  return String(v);
}

/**
 * A value for export files and charts: numbers stay numbers (BIGINT beyond 2^53 and DECIMALs beyond 15
 * digits become exact strings rather than rounded numbers), dates ISO text, lists arrays, structs objects.
 */
export function plainCell(v: unknown, col: ColumnInfo): unknown {
  if (v === null || v === undefined) return null;
  switch (col.kind) {
    case 'int':
    case 'float':
      return typeof v === 'bigint' ? Number(v) : v;
    case 'bigint':
      return typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString()) : v;
    case 'decimal': {
      const s = displayCell(v, col)!;
      return s.replace(/^-|\./g, '').replace(/^0+/, '').length <= 15 ? Number(s) : s;
    }
    case 'bool':
      return Boolean(v);
    case 'list': {
      const child = col.children![0]!;
      return listItems(v).map((x) => plainCell(x, child));
    }
    case 'struct':
      return Object.fromEntries(structEntries(v, col).map(([k, x]) => [k, plainCell(x, col.children?.find((c) => c.name === k) ?? OTHER)]));
    case 'map':
      return Object.fromEntries(structEntries(v, col).map(([k, x]) => [k, plainCell(x, col.children?.[1] ?? OTHER)]));
    case 'other':
      return otherText(v);
    default:
      return displayCell(v, col);
  }
}

/** Numeric columns are right-aligned and can be a chart's y. */
export const isNumericKind = (k: CellKind): boolean => k === 'int' || k === 'bigint' || k === 'float' || k === 'decimal';
