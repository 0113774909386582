/** Plan clauses as each language cites them (src/i18n/index.ts, clauseLabel and clauseList). */
import { describe, expect, it } from 'vitest';
import { clauseLabel, clauseList } from '../../src/i18n';

describe('clauseLabel', () => {
  it('keeps the Chinese form in Chinese', () => {
    expect(clauseLabel('五（五）', 'zh')).toBe('五（五）');
    expect(clauseLabel('六（二）3', 'zh')).toBe('六（二）3');
  });

  it('numbers part, section and item in English', () => {
    expect(clauseLabel('五（五）', 'en')).toBe('§5.5');
    expect(clauseLabel('六（二）3', 'en')).toBe('§6.2.3');
    expect(clauseLabel('一（一）14', 'en')).toBe('§1.1.14');
    expect(clauseLabel('三（十）', 'en')).toBe('§3.10');
    expect(clauseLabel('七（九）', 'en')).toBe('§7.9');
  });

  it('leaves text that is not a clause as it is', () => {
    expect(clauseLabel('', 'en')).toBe('');
    expect(clauseLabel('五', 'en')).toBe('五');
    expect(clauseLabel('五（五）x', 'en')).toBe('五（五）x');
  });

  it('lists several with each language’s separator', () => {
    expect(clauseList(['五（一）', '五（二）'], 'zh')).toBe('五（一）、五（二）');
    expect(clauseList(['五（一）', '六（二）3'], 'en')).toBe('§5.1, §6.2.3');
  });
});
