import { describe, expect, it } from 'vitest';
import { checkCharacter, creditCodeProblem, isValidCreditCode, normaliseCreditCode } from './creditCode';

// The same cases as membership-service's UnifiedSocialCreditCodeTest, so that the browser and the service agree.
describe('unified social credit code (GB 32100)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '914403001922038216', '91440300MA5DC12341'])(
    'accepts %s, whose check character is right', (code) => {
      expect(isValidCreditCode(code)).toBe(true);
    });

  it.each([
    ['91350100M000100Y44', 'checksum'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y431', 'length'],
    ['91350100M00010OY43', 'characters'],
    ['91350100I000100Y43', 'characters'],
    ['913501-0M000100Y43', 'characters'],
    ['', 'length'],
  ])('refuses %s (%s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('reads what people type, ignoring blanks and case', () => {
    expect(normaliseCreditCode('  91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('computes the check character, wrapping 31 to 0', () => {
    expect(checkCharacter('00000000000000000')).toBe('0');
    expect(checkCharacter('91350100M000100Y4')).toBe('3');
  });
});
