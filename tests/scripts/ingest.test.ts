// `npm run ingest` at small size over a seeded, labelled synthetic tree (省/市/县/ folders of .txt UTF-8 and
// GBK, .html and .docx reports, and two broken files): the published layout, the facts against the labels,
// places from titles and folders, the review file, failures with why, and `npm run data -- --from`. Then
// real unit names against the 2023 list: unique → keyed by the official code, two 绥阳镇 → kept for a person
// to choose (units.csv lists both), a name the list lacks → kept, not in the list.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportTree, type TreeLabel } from '../../scripts/lib/report-tree.ts';
import { NodeDuck } from '../../scripts/lib/duckdb-node.ts';
import { folderPlace } from '../../scripts/lib/ingest-worker.ts';

let dir: string;
let labels: TreeLabel[];
let run: ReturnType<typeof spawnSync>;
const out = () => join(dir, 'out');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rol-ingest-'));
  labels = writeReportTree(join(dir, 'tree'), { n: 60, seed: 7, broken: 2 });
  run = spawnSync('npx', ['tsx', 'scripts/ingest.ts', join(dir, 'tree'), '--out', out(), '--workers', '2', '--synthetic'], { encoding: 'utf8', timeout: 120_000 });
}, 150_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = async (sql: string) => {
  const db = await NodeDuck.open();
  try {
    return await db.rows(sql.replaceAll('$OUT', out()));
  } finally {
    db.close();
  }
};

describe('npm run ingest', () => {
  it('prints progress, the failed files with why, and a summary with reports/s', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/ingest: 62 \/ 62 files/);
    expect(run.stderr).toMatch(/failed 损坏\/图片0\.txt: .*二进制/);
    expect(run.stderr).toMatch(/failed 损坏\/空文件1\.txt: .*空的/);
    expect(run.stdout).toMatch(/ingested 60 reports \(\d+ towns, \d+ facts\) from 62 files .* reports\/s/);
  });

  it('writes the published layout: Parquet extracts, rol.duckdb, texts, manifest, review and failed files', () => {
    const files = readdirSync(out());
    for (const f of ['towns.parquet', 'reports.parquet', 'facts.parquet', 'violations.parquet', 'indicators.parquet', 'rol.duckdb', 'manifest.json', 'review.jsonl', 'review.csv', 'failed.csv', 'facts.csv', 'texts'])
      expect(files).toContain(f);
    expect(readdirSync(join(out(), 'texts'))).toHaveLength(60);
    expect(JSON.parse(readFileSync(join(out(), 'manifest.json'), 'utf8'))).toMatchObject({ synthetic: true, files: 62, failed: 2 });
    expect(readFileSync(join(out(), 'failed.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('every report’s facts are the ones its text states; unit, county, prefecture and province from title or folders', async () => {
    const got = await rows(`SELECT t.name_zh, t.unit_type, t.level, t.county, t.prefecture, t.province, r.year, r.is_synthetic,
        list(f.indicator_id || '=' || f.value::BIGINT ORDER BY f.indicator_id) AS facts
      FROM read_parquet('$OUT/reports.parquet') r JOIN read_parquet('$OUT/towns.parquet') t USING (town_id)
      JOIN read_parquet('$OUT/facts.parquet') f USING (report_id)
      GROUP BY ALL ORDER BY ALL`);
    const want = labels
      .map((l) => ({
        name_zh: l.unit, unit_type: l.unit_type, level: ['县', '区'].includes(l.unit_type) ? 'county' : 'township', county: l.county,
        prefecture: l.prefecture, province: l.province, year: l.year, is_synthetic: true,
        facts: l.facts.map((f) => `${f.indicator}=${f.value}`).sort(),
      }))
      .sort((a, b) => JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b))));
    const norm = (xs: Record<string, unknown>[]) => xs.map((x) => JSON.stringify(x)).sort();
    expect(norm(got)).toEqual(norm(want));
    expect(labels.some((l) => l.unit_type === '县' || l.unit_type === '区')).toBe(true);
  });

  it('the review file lists the numbers left for a person, with their clause', async () => {
    const lines = readFileSync(join(out(), 'review.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(labels.reduce((n, l) => n + l.unclaimed, 0));
    expect(lines[0]).toMatchObject({ status: 'unclaimed', unit_raw: '场' });
    expect(lines[0].context).toMatch(/^召开院坝会\d+场$/);
    expect(readFileSync(join(out(), 'review.csv'), 'utf8').split('\n')[0]).toBe('\ufeffreport_id,file,unit,county,year,candidate_id,number,context,value,unit_raw,qualifier,status,reason,suggestions');
  });

  it('npm run data -- --from builds the site’s data from it, beside the bundled reports', async () => {
    const site = join(dir, 'site');
    const r = spawnSync('npx', ['tsx', 'scripts/build-data.ts', '--from', out(), '--out', site], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const [n] = await rows(`SELECT count(*)::INT AS n FROM read_parquet('${site}/reports.parquet') WHERE source = 'import'`);
    expect(n).toEqual({ n: 60 });
    expect(readdirSync(join(site, 'texts')).length).toBeGreaterThan(60);
  });

  it('reads places from folder names', () => {
    expect(folderPlace('广东省/汕尾市/海丰县/海城镇.txt')).toEqual({ province: '广东省', prefecture: '汕尾市', county: '海丰县' });
    expect(folderPlace('汕尾市/海丰县/报告/a.txt')).toEqual({ province: null, prefecture: '汕尾市', county: '海丰县' });
    expect(relative('a', 'a/b')).toBe('b');
  });
});

describe('npm run ingest: units against the 2023 list', () => {
  let d: string;
  beforeAll(() => {
    d = mkdtempSync(join(tmpdir(), 'rol-ingest-units-'));
    const put = (rel: string, text: string) => {
      mkdirSync(join(d, 'tree', rel, '..'), { recursive: true });
      writeFileSync(join(d, 'tree', rel), text);
    };
    put('广东省/汕尾市/海丰县/海城镇2024.txt', '海城镇2024年法治政府建设工作报告(示例数据)\n全年调处矛盾纠纷40件。');
    put('广东省/汕尾市/海丰县2024.txt', '海丰县2024年法治政府建设年度报告(示例数据)\n全县调处矛盾纠纷900件。');
    put('绥阳镇2024.txt', '绥阳镇2024年法治政府建设工作报告(示例数据)\n全镇调处矛盾纠纷12件。');
    put('期路白乡2024.txt', '期路白乡2024年法治政府建设工作报告(示例数据)\n全乡调处矛盾纠纷3件。');
    const r = spawnSync('npx', ['tsx', 'scripts/ingest.ts', join(d, 'tree'), '--out', join(d, 'out'), '--workers', '1', '--synthetic'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('units in the 2023 list: 2 matched, 1 ambiguous, 1 not in the list, 0 in another place than given');
  }, 150_000);
  afterAll(() => rmSync(d, { recursive: true, force: true }));

  it('a unique name is keyed by its code; an ambiguous or unknown one is kept, not in the list, with the candidates listed', async () => {
    const db = await NodeDuck.open();
    try {
      const towns = await db.rows(`SELECT town_id, name_zh, adcode, county, prefecture, province, n_villages FROM read_parquet('${join(d, 'out')}/towns.parquet') ORDER BY name_zh`);
      expect(towns.find((t) => t.name_zh === '海城镇')).toEqual({ town_id: '441521115', name_zh: '海城镇', adcode: '441521115', county: '海丰县', prefecture: '汕尾市', province: '广东省', n_villages: 24 });
      expect(towns.find((t) => t.name_zh === '海丰县')).toMatchObject({ town_id: '441521', adcode: '441521' });
      for (const n of ['绥阳镇', '期路白乡']) expect(towns.find((t) => t.name_zh === n)).toMatchObject({ adcode: null, town_id: expect.stringMatching(/^imp-/) });
      expect(await db.rows(`SELECT count(*)::INT AS n FROM read_parquet('${join(d, 'out')}/reports.parquet')`)).toEqual([{ n: 4 }]);
    } finally {
      db.close();
    }
    const units = readFileSync(join(d, 'out', 'units.csv'), 'utf8').trim().split('\n');
    expect(units[0]).toBe('file,report_id,town_id,unit,county,prefecture,province,status,code,why,candidates');
    const suiyang = units.find((l) => l.startsWith('绥阳镇2024.txt'))!;
    expect(suiyang).toContain(',ambiguous,');
    expect(suiyang).toContain('绥阳镇 · 东宁市 · 牡丹江市 · 黑龙江省 (231086105); 绥阳镇 · 凤冈县 · 遵义市 · 贵州省 (520327106)');
    expect(units.find((l) => l.startsWith('期路白乡2024.txt'))).toContain(',unknown,');
  });
});
