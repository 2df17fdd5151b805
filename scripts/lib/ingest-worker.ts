/**
 * One ingest worker thread: reads report files and extracts them (the same readReport the browser's import
 * worker runs: .txt / .html / .docx, UTF-8 or GBK), fills the place from the folder names when the text
 * does not give it, and posts back each report's text, metadata, facts, the candidates left for a person
 * and the rule violations — or why the file could not be read.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { readReport } from '../../src/lib/import/report-import.ts';
import { candidatesOf } from '../../src/lib/import/candidates.ts';
import { ImportProblemError } from '../../src/lib/import/problems.ts';
import { parsePlace } from '../../src/lib/extract/metadata.ts';
import type { IngestResult } from './ingest.ts';

/** Province / prefecture / county named by the folders a file sits in (outermost first). */
export function folderPlace(rel: string): { province: string | null; prefecture: string | null; county: string | null } {
  const out = { province: null as string | null, prefecture: null as string | null, county: null as string | null };
  for (const seg of rel.split(/[\\/]/).slice(0, -1)) {
    const p = parsePlace(seg.replace(/(?:人民政府|政府)$/, ''));
    if (!p || p.township) continue;
    if (p.province) out.province ??= p.province;
    if (p.prefecture) out.prefecture ??= p.prefecture;
    // a lone X市 folder above a county folder is the prefecture
    if (p.county && /市$/.test(p.county) && !out.prefecture && !out.county) out.prefecture = p.county;
    else if (p.county) out.county = p.county;
  }
  return out;
}

export function ingestOne(path: string, rel: string): IngestResult {
  try {
    const bytes = readFileSync(path);
    const ex = readReport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), path);
    const folder = folderPlace(rel);
    const m = ex.meta;
    const countyLevel = m.unit_type === '县' || m.unit_type === '区' || m.unit_type === '县级市' || m.unit_type === '市';
    return {
      ok: true,
      file: rel,
      text: ex.text,
      meta: {
        title: m.title,
        unit_name: m.unit_name,
        unit_type: m.unit_type,
        county: m.county ?? (countyLevel ? m.unit_name : folder.county),
        prefecture: m.prefecture ?? folder.prefecture,
        province: m.province ?? folder.province,
        year: m.report_year,
        publication_date: m.publication_date,
      },
      facts: ex.facts,
      candidates: candidatesOf(ex),
      violations: ex.violations,
    };
  } catch (e) {
    const p = e instanceof ImportProblemError ? e.problems[0] : undefined;
    return { ok: false, file: rel, why_zh: p ? `${p.problem_zh}${p.fix_zh ? `——${p.fix_zh}` : ''}` : String(e), why_en: p ? `${p.problem_en}${p.fix_en ? ` — ${p.fix_en}` : ''}` : String(e) };
  }
}

parentPort?.on('message', (msg: { id: number; files: [string, string][] }) => {
  parentPort!.postMessage({ id: msg.id, results: msg.files.map(([path, rel]) => ingestOne(path, rel)) });
});
