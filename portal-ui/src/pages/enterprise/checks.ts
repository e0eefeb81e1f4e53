// membership-service's StandardCode: issuer (with up to two /-parts), number with up to three .-parts, year;
// 'GB/T 29187-2012', 'T/ZZB 0001-2018', 'ISO 9001:2015'.
const STANDARD_CODE = /^[A-Z][A-Z0-9]{0,7}(?:\/[A-Z]{1,6}){0,2} [0-9]{1,6}(?:\.[0-9]{1,4}){0,3}[-:](?:19|20)[0-9]{2}$/;
const MAX_LENGTH = 60;

/** A code as a person typed it: blanks collapsed, capitals, as the service reads it. */
export const normaliseStandardCode = (code: string) => code.trim().replace(/\s+/g, ' ').toUpperCase();

export const isValidStandardCode = (normalised: string) =>
  normalised.length <= MAX_LENGTH && STANDARD_CODE.test(normalised);

/** An e-mail address as the service takes it (something@domain.tld). */
export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** An absolute http(s) address, as the service's `https?://\S+` wants it. */
export const isHttpUrl = (value: string) => /^https?:\/\/\S+$/.test(value);
