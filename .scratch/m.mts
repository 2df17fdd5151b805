import { gazetteerIndex } from '/work/i13/scripts/lib/gazetteer.ts';
import { matchUnit } from '/work/i13/src/lib/gazetteer/match.ts';
import { readFileSync } from 'node:fs';
const t0 = performance.now();
const { index, towns } = await gazetteerIndex();
console.log('index', towns.length, (performance.now() - t0).toFixed(0), 'ms');
for (const q of [{ name: '蒲场镇', county: '绥阳县' }, { name: '绥阳镇' }, { name: '绥阳镇', province: '黑龙江省' }, { name: '绥阳县蒲场镇人民政府' }, { name: '蒲场乡' }, { name: '霍城鎮' }])
  console.log(JSON.stringify(q), JSON.stringify(matchUnit(q, index)));
const rows = readFileSync('../shared/eval/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let n = 0, m = 0, a = 0, u = 0, countyOk = 0;
for (const r of rows) {
  if (!r.unit_name) continue;
  n++;
  const res = matchUnit({ name: r.unit_name, county: r.county, prefecture: r.prefecture, province: r.province, title: r.title, level: ['县', '区', '县级市', '市'].includes(r.unit_type) ? 'county' : 'township' }, index);
  if (res.status === 'matched') { m++; const c = res.candidates[0]!; if (!r.county || c.county === r.county || c.name === r.county) countyOk++; else console.log('COUNTY?', r.id, r.unit_name, r.county, '→', c.code, c.county); }
  else if (res.status === 'ambiguous') { a++; console.log('AMB', r.id, r.unit_name, r.county, r.province, res.candidates.length, res.candidates.slice(0, 3).map((c) => c.province + c.county + c.name).join(' ')); }
  else { u++; console.log('UNK', r.id, r.unit_name, r.county, r.province); }
  if (res.notes.length) console.log('  notes', r.id, res.notes.join('; '));
}
console.log({ n, m, a, u, countyOk });
