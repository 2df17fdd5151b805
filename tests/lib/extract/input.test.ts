import { describe, it, expect } from 'vitest';
import { extractReport, ExtractInputError } from '../../../src/lib/extract/index';
import { decodeBytes } from '../../../src/lib/extract/decode';
import { htmlToText, looksLikeHtml, decodeEntities } from '../../../src/lib/extract/html';
import { normalizeText, toVisibleSpan } from '../../../src/lib/extract/normalize';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof ExtractInputError ? e.code : 'other';
  }
  return 'none';
};

describe('decode', () => {
  it('empty, whitespace-only and binary inputs throw typed errors', () => {
    expect(codeOf(() => extractReport(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => extractReport('  \n\t '))).toBe('empty');
    expect(codeOf(() => extractReport(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3])))).toBe('binary');
    expect(codeOf(() => extractReport('abc\u0000def'))).toBe('binary');
  });
  it('GB18030 text that is not UTF-8 is decoded', () => {
    // "调处纠纷5件" in GBK
    const gbk = new Uint8Array([0xb5, 0xf7, 0xb4, 0xa6, 0xbe, 0xc0, 0xb7, 0xd7, 0x35, 0xbc, 0xfe]);
    expect(decodeBytes(gbk)).toEqual({ text: '调处纠纷5件', encoding: 'gb18030' });
  });
  it('bytes that are neither UTF-8, UTF-16 nor GB18030 are an encoding error', () => {
    expect(codeOf(() => extractReport(new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0x81])))).toBe('encoding');
  });
  it('a very long line without punctuation is processed (windows are capped) and repeats collapse', () => {
    const r = extractReport('某镇2024年报告\n' + '调处矛盾纠纷289件'.repeat(20000));
    expect(r.facts.map((f) => [f.indicator_id, f.value])).toEqual([['med_cases_total', 289]]);
  });
  it('UTF-16 with a BOM is decoded', () => {
    const u16 = new Uint8Array([0xff, 0xfe, 0x03, 0x8c, 0x04, 0x59, 0x35, 0x00]);
    expect(decodeBytes(u16).text).toBe('调处5');
  });
});

describe('html', () => {
  it('detects pages and keeps the article text with block breaks', () => {
    const page = '<html><body><div class="nav"><a>首页</a></div><div class="content"><p>第一段&nbsp;文字</p><p>第二段&ldquo;引号&rdquo;&#x4e00;&#20108;</p></div><footer>版权所有</footer></body></html>';
    expect(looksLikeHtml(page)).toBe(true);
    expect(htmlToText(page)).toBe('第一段 文字\n\n第二段“引号”一二');
    expect(looksLikeHtml('普通文本 a < b')).toBe(false);
    expect(decodeEntities('&amp;&lt;&unknown;')).toBe('&<&unknown;');
  });
  it('drops what follows a 相关链接 heading after the article', () => {
    const page = `<div><p>${'正文'.repeat(120)}</p><h3>相关链接</h3><p>开展普法宣传活动99场</p></div><p>x</p><p>y</p><p>z</p>`;
    expect(htmlToText(page)).not.toContain('99场');
  });
});

describe('normalize', () => {
  it('maps matching-text spans back to the visible text', () => {
    const text = '调处纠纷 ２８９ 件，出庭應(yīng)訴率１００％';
    const n = normalizeText(text);
    expect(n.norm).toBe('调处纠纷289件,出庭应诉率100%');
    const s = n.norm.indexOf('289');
    const [vs, ve] = toVisibleSpan(n, s, s + 4);
    expect(text.slice(vs, ve)).toBe('２８９ 件');
    const r = n.norm.indexOf('出庭');
    const [rs, re] = toVisibleSpan(n, r, n.norm.length);
    expect(text.slice(rs, re)).toBe('出庭應(yīng)訴率１００％');
  });
  it('keeps a blank between two ASCII words', () => {
    expect(normalizeText('A 1 与 2').norm).toBe('A 1与2');
  });
});
