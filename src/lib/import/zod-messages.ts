/** zod issues → the bilingual problem and fix the import's error report shows, per field. */
import type { z } from 'zod';
import { msg, type Bilingual } from './problems.ts';

const shown = (v: unknown) => (v === undefined || v === null || v === '' ? '(空)' : JSON.stringify(v));

const FIX: Record<string, [string, string]> = {
  year: ['写四位数的年份,如 2024', 'write a four-digit year such as 2024'],
  value: ['写不带单位的数字,如 289 或 96.5;比率写 0–100 的百分数,不写 % 号', 'write a plain number such as 289 or 96.5; a rate as a percentage 0–100'],
  value_high: ['写区间的上限数字,或留空', 'write the upper end of the range, or leave it empty'],
  indicator_id: ['使用“指标目录”页中的指标编号或名称,如 med_cases_total 或 调处矛盾纠纷总件数', 'use an id or label from the Indicators page, e.g. med_cases_total'],
  town_id: ['只用小写字母、数字和连字符,或留空并填写乡镇名称', 'use lower-case letters, digits and hyphens, or leave it empty and give the town name'],
  report_id: ['只用小写字母、数字和连字符,或留空由系统生成', 'use lower-case letters, digits and hyphens, or leave it empty to have one made'],
  evidence: ['填写数字所出自的原文短语,或删除该列', 'give the source phrase the number comes from, or drop the column'],
  evidence_end: ['起止位置之差须等于原文短语的字数;不确定时两列都留空', 'end − start must equal the phrase length; leave both empty if unsure'],
  url: ['写以 http:// 或 https:// 开头的网址,或留空', 'give an address starting with http:// or https://, or leave it empty'],
  source_url: ['写以 http:// 或 https:// 开头的网址,或留空', 'give an address starting with http:// or https://, or leave it empty'],
  text_path: ['留空(导入的报告原文由本站自行保存)', 'leave it empty (the app keeps the text of an imported report itself)'],
};

export function issueMessage(issue: z.core.$ZodIssue, value: unknown): Bilingual {
  const field = String(issue.path.at(-1) ?? '');
  const got = shown(value);
  let zh: string;
  let fixZh: string | undefined;
  let fixEn: string | undefined;
  const i = issue as z.core.$ZodIssue & { values?: unknown[]; minimum?: unknown; maximum?: unknown; expected?: string };
  switch (issue.code) {
    case 'invalid_value':
      zh = `${got} 不是允许的取值`;
      fixZh = `改为以下之一:${(i.values ?? []).join('、')}`;
      fixEn = `use one of: ${(i.values ?? []).join(', ')}`;
      break;
    case 'invalid_type':
      zh = value === null || value === undefined || value === '' ? '缺少必填值' : `${got} 的类型不对(应为${i.expected === 'number' ? '数字' : i.expected === 'boolean' ? '是/否' : '文本'})`;
      break;
    case 'too_small':
      zh = `${got} 太小(最小 ${String(i.minimum)})`;
      break;
    case 'too_big':
      zh = `${got} 太大(最大 ${String(i.maximum)})`;
      break;
    case 'invalid_format':
      zh = /text path points inside/.test(issue.message) ? `${got} 不在本站自带的数据中,不能作为原文路径` : `${got} 的格式不对`;
      break;
    default:
      zh = /rate lies/.test(issue.message)
        ? `比率 ${got} 不在 0–100 之间`
        : /never negative/.test(issue.message)
          ? `数值 ${got} 为负数`
          : /range needs/.test(issue.message)
            ? '区间值缺少上限(value_high)'
            : /http:\/\/ or https:\/\//.test(issue.message)
              ? `${got} 不是 http/https 网址,不能作为来源链接`
              : `${got}:${issue.message}`;
  }
  const f = FIX[field];
  return msg(
    zh,
    `${issue.message} (got ${got === '(空)' ? 'nothing' : got})`,
    fixZh ?? f?.[0] ?? (field.includes('date') || field.startsWith('period_') ? '写成 YYYY-MM-DD,如 2024-12-31' : '改正该单元格后重新导入'),
    fixEn ?? f?.[1] ?? (field.includes('date') || field.startsWith('period_') ? 'write it as YYYY-MM-DD, e.g. 2024-12-31' : 'correct the cell and import again'),
  );
}
