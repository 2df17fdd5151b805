// Untrusted text in imported rows may only display: links are http(s) only, paths stay inside the app's
// own data. Checked by the schemas every import and the data build go through.
import { describe, expect, it } from 'vitest';
import { Report } from '../../../src/lib/catalog/schemas.ts';
import { parseCsv } from '../../../src/lib/import/csv.ts';
import { ImportProblemError, type ImportProblem } from '../../../src/lib/import/problems.ts';
import { importTable, type TableContext } from '../../../src/lib/import/table-import.ts';
import { webHref, appTextPath } from '../../../src/lib/links.ts';

const ctx: TableContext = {
  fileName: 't.csv',
  knownTowns: [{ town_id: 'puchang', name_zh: '蒲场镇', unit_type: '镇', county: '某县', province: '湖南省' }],
  importedAt: '2025-01-01T00:00:00Z',
};
const problemsOf = (csv: string): ImportProblem[] => {
  try {
    importTable(parseCsv(csv), ctx);
  } catch (e) {
    if (e instanceof ImportProblemError) return e.problems;
    throw e;
  }
  return [];
};

const report = { report_id: 'r-1', town_id: 'puchang', year: 2024, title: null, publisher: null, publication_date: null, url: null, text_path: null, full_text_hash: null, genre: 'report', source: 'import', is_synthetic: false };

describe('links and paths in imported and bundled rows', () => {
  it('accepts only http: and https: source URLs (report url, fact source_url)', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>1</script>', 'file:///etc/passwd', 'vbscript:x', 'not a url'])
      expect(Report.safeParse({ ...report, url }).success, url).toBe(false);
    for (const url of ['https://www.gov.cn/a.html', 'http://example.gov.cn/b?x=1']) expect(Report.safeParse({ ...report, url }).success, url).toBe(true);
    const issue = Report.safeParse({ ...report, url: 'javascript:alert(1)' }).error!.issues[0]!;
    expect(issue.path).toEqual(['url']);
    expect(issue.message).toMatch(/http/);
  });

  it("accepts text paths inside the app's own data only", () => {
    for (const text_path of ['data/texts/puchang-2024.txt', 'indexeddb:imp-1a2b']) expect(Report.safeParse({ ...report, text_path }).success, text_path).toBe(true);
    for (const text_path of ['http://evil.example/x.txt', '//evil.example/x.txt', '/data/texts/../../x', 'data/texts/../secret.txt', 'data/texts/a.txt?x', 'javascript:alert(1)', 'indexeddb:../x'])
      expect(Report.safeParse({ ...report, text_path }).success, text_path).toBe(false);
  });

  it('refuses such cells at import with a clear message on the cell', () => {
    const p = problemsOf('乡镇,年份,调处矛盾纠纷总件数,report_url,report_text_path\n蒲场镇,2024,3,javascript:alert(1),//evil.example/t.txt\n');
    expect(p.map((x) => [x.row, x.column])).toEqual([
      [2, 'report_url'],
      [2, 'report_text_path'],
    ]);
    expect(p[0]!.problem_zh).toContain('http');
    expect(p[0]!.fix_zh).toMatch(/http:\/\/|https:\/\//);
    expect(p[1]!.problem_zh).toContain('本站');
    const q = problemsOf('town_id,year,indicator_id,value,source_url\npuchang,2024,med_oral,1,javascript:alert(1)\n');
    expect(q.map((x) => [x.row, x.column])).toEqual([[2, 'source_url']]);
  });

  it('renders anything but http(s) as text, and fetches only paths inside the app', () => {
    expect(webHref('https://www.gov.cn/a.html')).toBe('https://www.gov.cn/a.html');
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref(' javascript:alert(1)')).toBeNull();
    expect(webHref(null)).toBeNull();
    expect(appTextPath('data/texts/puchang-2024.txt')).toBe('data/texts/puchang-2024.txt');
    expect(appTextPath('//evil.example/x')).toBeNull();
    expect(appTextPath('http://evil.example/x')).toBeNull();
  });
});
