import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanClauses } from '../../src/loaders/plan-clauses';

const plan = parsePlanClauses(readFileSync(new URL('../../data/plan/plan-2021-10.txt', import.meta.url), 'utf8'));

describe('plan clauses', () => {
  it('indexes every section of parts 一 to 七', () => {
    for (const id of ['一（一）', '一（二）', '二（四）', '三（一）', '三（九）', '四（一）', '四（六）', '五（一）', '五（五）', '六（二）', '七（五）'])
      expect(plan.has(id), id).toBe(true);
    expect(plan.has('三（十）')).toBe(false);
    expect(plan.has('五（六）')).toBe(false);
  });

  it('splits numbered items, including items right after a heading and after an ASCII colon', () => {
    expect(plan.get('三（七）3')!.startsWith('3．新型显示')).toBe(true);
    expect(plan.get('六（一）1')!.startsWith('1．产业基础再造工程')).toBe(true);
    expect(plan.get('三（八）1')!.startsWith('1．先进基础材料')).toBe(true);
    expect(plan.get('六（二）3')!.startsWith('３．大飞机配套体系')).toBe(true);
  });

  it('does not take decimals for items (2.2万家)', () => {
    expect(plan.get('一（一）4')).toContain('张江科学城汇聚2.2万家创新型企业');
    expect(plan.has('一（一）2') && plan.get('一（一）2')!.startsWith('2．创新能力持续提升')).toBe(true);
  });

  it('joins words broken across lines in the source', () => {
    // the source wraps 科技 / 中介 … and 发 / 展; whitespace is removed
    expect(plan.get('五（三）')).toContain('工业互联网、科技中介等高技术服务业');
    expect(plan.get('五（四）')).toContain('高端船舶和海洋工程装备');
  });
});
