import { describe, expect, it } from 'vitest';
import { zonedToInstant } from './shared';

describe('zonedToInstant', () => {
  it('reads a local date-time in the given zone', () => {
    expect(zonedToInstant('2030-06-01T18:00', 'Asia/Shanghai')).toBe('2030-06-01T10:00:00.000Z');
    expect(zonedToInstant('2030-01-15T09:30', 'Europe/Berlin')).toBe('2030-01-15T08:30:00.000Z');
  });

  it('follows daylight saving time', () => {
    expect(zonedToInstant('2030-07-15T09:30', 'Europe/Berlin')).toBe('2030-07-15T07:30:00.000Z');
    expect(zonedToInstant('2030-07-15T09:30', 'America/New_York')).toBe('2030-07-15T13:30:00.000Z');
  });

  it('refuses what is not a local date-time', () => {
    expect(() => zonedToInstant('tomorrow', 'UTC')).toThrow(RangeError);
  });
});
