/**
 * npm run bench:extract — extraction throughput.
 * Builds 1,000 reports of about 8,000 characters from the project's own fixtures (seeded, so every run
 * extracts the same input), extracts them all and prints reports per second. Not a timed test.
 */
import { readFileSync } from 'node:fs';
import { extractReport } from '../src/lib/extract/index';
import { rng } from './lib/rng.ts';

const N = Number(process.env.BENCH_REPORTS ?? 1000);
const TARGET_CHARS = 8000;


const seed = readFileSync('tests/fixtures/reports/puchang-2024.txt', 'utf8');
const paragraphs = seed.split('\n').map((l) => l.trim()).filter((l) => l.length > 20);
// sentences in this project's own words, in the catalog's phrasings
const extra = [
  '全年召开法治政府建设专题会议3次,党委理论学习中心组专题学习习近平法治思想6次。',
  '组织领导班子会前学法12次,开展执法人员业务培训4场次,参训人员260人次。',
  '开展合法性审查22件,审查合同43份,出具法律意见书7份。',
  '全年排查矛盾纠纷120起,调解各类纠纷115件,调解成功112件,调解成功率97.4%。',
  '举办法律讲座12场,发放宣传资料6000余份,覆盖群众两万余人次。',
  '受理12345热线诉求655件,办结率、满意率均为100%。',
  '下一步,每年开展专题学习不少于4次,力争调解成功率达到98%以上。',
  '调处矛盾纠纷数同比增长23%,全镇14个村(社区)均聘请法律顾问。',
];
const pool = [...paragraphs, ...extra];
const FULL = '０１２３４５６７８９';

function makeReport(r: () => number, i: number): string {
  const parts = [`某某${i}镇${2019 + (i % 6)}年法治政府建设工作报告`, `发布时间: ${2020 + (i % 6)}-0${1 + (i % 9)}-1${i % 10}`];
  let len = 0;
  while (len < TARGET_CHARS) {
    let p = pool[Math.floor(r() * pool.length)]!;
    // vary the numbers; sometimes write them full-width
    p = p.replace(/\d+/g, (d) => {
      const v = String(Math.max(1, Math.round(Number(d) * (0.5 + r()))));
      return r() < 0.15 ? [...v].map((c) => FULL[Number(c)]).join('') : v;
    });
    parts.push(p);
    len += p.length + 1;
  }
  return parts.join('\n');
}

const r = rng(20240314);
const reports = Array.from({ length: N }, (_, i) => makeReport(r, i));
const chars = reports.reduce((s, t) => s + t.length, 0);

// warm-up (JIT), not timed
for (let i = 0; i < 20; i++) extractReport(reports[i]!);

const t0 = performance.now();
const c0 = process.cpuUsage();
let facts = 0;
for (const t of reports) facts += extractReport(t).facts.length;
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSecs = (cpu.user + cpu.system) / 1e6;

console.log(`reports: ${N} · avg ${Math.round(chars / N)} chars · facts: ${facts}`);
console.log(`wall: ${secs.toFixed(2)} s · ${(N / secs).toFixed(0)} reports/s · ${(chars / secs / 1e6).toFixed(2)} M chars/s`);
// on a shared machine wall time depends on other load; CPU time of this process is the steadier figure
console.log(`cpu:  ${cpuSecs.toFixed(2)} s · ${(N / cpuSecs).toFixed(0)} reports per CPU-second`);
