/**
 * The unified social credit code of a Chinese organisation (GB 32100-2015), checked as membership-service checks it:
 * 18 characters from a 31-character alphabet (digits and capitals without I, O, S, V, Z), the last one a check
 * character that makes the sum of the first 17, weighted by 3^i mod 31, plus the check character a multiple of 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A code as a person typed it: surrounding blanks dropped, letters in capitals. */
export function normaliseCreditCode(input: string): string {
  return input.trim().toUpperCase();
}

/** The check character of the first 17 characters (which must be from the alphabet). */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
  const check = 31 - (sum % 31);
  return ALPHABET.charAt(check === 31 ? 0 : check);
}

export type CreditCodeProblem = 'length' | 'characters' | 'checksum';

/** What is wrong with a normalised code, or undefined when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | undefined {
  if (code.length !== 18) return 'length';
  if ([...code].some((c) => !ALPHABET.includes(c))) return 'characters';
  return checkCharacter(code.substring(0, 17)) === code.charAt(17) ? undefined : 'checksum';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}
