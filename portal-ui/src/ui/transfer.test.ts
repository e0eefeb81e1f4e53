import { describe, expect, it } from 'vitest';
import { fileName } from './transfer';

describe('download file names', () => {
  it('prefers the RFC 5987 name, which keeps Chinese characters', () => {
    expect(fileName('attachment; filename="kit.zip"; filename*=UTF-8\'\'%E5%93%81%E7%89%8C.zip')).toBe('品牌.zip');
    expect(fileName('attachment; filename="kit.zip"')).toBe('kit.zip');
    expect(fileName(null)).toBeUndefined();
  });
});
