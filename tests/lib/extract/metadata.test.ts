import { describe, expect, it } from 'vitest';
import { breadcrumbPlace, extractMeta, namePrefix, parsePlace } from '../../../src/lib/extract/metadata.ts';

const meta = (text: string, file?: string) => {
  const m = extractMeta(text, file);
  return { unit_name: m.unit_name, unit_type: m.unit_type, county: m.county, prefecture: m.prefecture, province: m.province, report_year: m.report_year };
};

describe('place names', () => {
  it('split into province, prefecture, county and township', () => {
    expect(parsePlace('广东省汕尾市海丰县海城镇')).toEqual({ province: '广东省', prefecture: '汕尾市', county: '海丰县', township: '海城镇' });
    expect(parsePlace('重庆市梁平区七星镇')).toEqual({ province: '重庆市', prefecture: null, county: '梁平区', township: '七星镇' });
    expect(parsePlace('石柱土家族自治县黄水镇')).toEqual({ province: null, prefecture: null, county: '石柱土家族自治县', township: '黄水镇' });
    expect(parsePlace('湛江市廉江市吉水镇')).toEqual({ province: null, prefecture: '湛江市', county: '廉江市', township: '吉水镇' });
    expect(parsePlace('廉江市吉水镇')).toEqual({ province: null, prefecture: null, county: '廉江市', township: '吉水镇' });
    expect(parsePlace('番禺区市桥街道')).toEqual({ province: null, prefecture: null, county: '番禺区', township: '市桥街道' });
    expect(parsePlace('湖南省长沙市宁乡市花明楼镇')).toEqual({ province: '湖南省', prefecture: '长沙市', county: '宁乡市', township: '花明楼镇' });
    expect(parsePlace('乡宁县昌宁镇')).toEqual({ province: null, prefecture: null, county: '乡宁县', township: '昌宁镇' });
    expect(parsePlace('大河乡')).toEqual({ province: null, prefecture: null, county: null, township: '大河乡' });
    expect(parsePlace('海丰县')).toEqual({ province: null, prefecture: null, county: '海丰县', township: null });
    expect(parsePlace('某某街道办事处')).toMatchObject({ township: '某某街道' });
    expect(parsePlace('深入推进依法行政')).toBeNull();
  });
  it('the name part of a title ends before 人民政府, 关于, the year', () => {
    expect(namePrefix('丰都县树人镇人民政府2025年法治政府建设情况报告')).toBe('丰都县树人镇');
    expect(namePrefix('中共某某镇委员会关于2023年法治建设的报告')).toBe('某某镇');
    expect(namePrefix('海丰县2023年法治政府建设年度报告')).toBe('海丰县');
  });
});

describe('metadata from the title', () => {
  it('towns with county, prefecture and province', () => {
    expect(meta('广东省汕尾市海丰县海城镇2023年法治政府建设工作报告\n全年调处纠纷5件。')).toEqual({
      unit_name: '海城镇', unit_type: '镇', county: '海丰县', prefecture: '汕尾市', province: '广东省', report_year: 2023,
    });
    expect(meta('海丰县海城镇2023年法治政府建设工作报告\n正文')).toMatchObject({ unit_name: '海城镇', county: '海丰县', prefecture: null });
  });
  it('sub-districts', () => {
    expect(meta('重庆市梁平区双桂街道2024年度法治政府建设情况报告\n正文')).toEqual({
      unit_name: '双桂街道', unit_type: '街道', county: '梁平区', prefecture: null, province: '重庆市', report_year: 2024,
    });
    expect(meta('番禺区市桥街道办事处关于2022年法治政府建设情况的报告\n正文')).toMatchObject({ unit_name: '市桥街道', unit_type: '街道', county: '番禺区' });
  });
  it('counties and districts are their own county', () => {
    expect(meta('海丰县2023年法治政府建设年度报告\n2023年,我县深入推进依法行政。')).toEqual({
      unit_name: '海丰县', unit_type: '县', county: '海丰县', prefecture: null, province: null, report_year: 2023,
    });
    expect(meta('汕尾市城区人民政府关于2024年度法治政府建设情况的报告\n正文')).toMatchObject({ unit_name: '城区', unit_type: '区', county: '城区', prefecture: '汕尾市' });
    expect(meta('湛江市廉江市2024年法治政府建设年度报告\n正文')).toMatchObject({ unit_name: '廉江市', unit_type: '县级市', county: '廉江市', prefecture: '湛江市' });
  });
  it('a title that opens with its year', () => {
    expect(meta('2024年度某某路街道法治政府建设情况报告\n正文')).toMatchObject({ unit_name: '某某路街道', unit_type: '街道', report_year: 2024 });
    expect(meta('2023年海丰县海城镇法治政府建设年度报告\n正文')).toMatchObject({ unit_name: '海城镇', county: '海丰县', report_year: 2023 });
  });
  it('a 民族乡', () => {
    expect(meta('某县某某民族乡2021年法治政府建设工作总结\n内容')).toMatchObject({ unit_name: '某某民族乡', unit_type: '民族乡', county: '某县' });
  });
});

describe('metadata from other sources', () => {
  it('a saved page breadcrumb gives the county and prefecture of a title that names only the town', () => {
    const text = '当前位置:首页 > 汕尾市人民政府 > 海丰县 > 政务公开 > 法治政府建设\n海城镇2023年法治政府建设工作报告\n全年调处纠纷5件。';
    expect(meta(text)).toMatchObject({ unit_name: '海城镇', county: '海丰县', prefecture: '汕尾市' });
    expect(breadcrumbPlace(['首页 › 广东省 › 汕尾市 › 海丰县'])).toEqual({ province: '广东省', prefecture: '汕尾市', county: '海丰县', township: null });
  });
  it('the file name', () => {
    expect(meta('2023年法治政府建设工作报告\n全年调处纠纷5件。', '/reports/广东省汕尾市海丰县海城镇2023年法治政府建设工作报告.docx')).toMatchObject({
      unit_name: '海城镇', county: '海丰县', prefecture: '汕尾市', province: '广东省',
    });
  });
  it('the publisher line and the byline', () => {
    expect(meta('海城镇2023年法治政府建设工作报告\n发布机构:海丰县人民政府 发布日期:2024-01-05\n正文')).toMatchObject({ unit_name: '海城镇', county: '海丰县' });
    expect(meta('海城镇2023年法治政府建设工作报告\n正文。\n海丰县海城镇人民政府\n2024年1月5日')).toMatchObject({ unit_name: '海城镇', county: '海丰县' });
  });
  it('does not take a county from a source about another town', () => {
    expect(meta('海城镇2023年法治政府建设工作报告\n正文。\n海丰县梅陇镇人民政府\n2024年1月5日')).toMatchObject({ unit_name: '海城镇', county: null });
  });
});
