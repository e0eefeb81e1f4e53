import { describe, expect, it } from 'vitest';
import { ApiProblem, problemOf } from './problem';

describe('problem details', () => {
  it('reads the type slug, the detail and the field errors of a validation problem', async () => {
    const response = new Response(JSON.stringify({
      type: 'urn:brandcluster:problem:validation', title: 'Invalid request', status: 400,
      detail: '2 fields are invalid.', traceId: 'abc',
      errors: [{ field: 'legalName', message: 'must not be blank' }, { field: 'contacts[0].email', message: 'must be an e-mail' }],
    }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });

    const problem = await problemOf(response);

    expect(problem.status).toBe(400);
    expect(problem.slug).toBe('validation');
    expect(problem.detail).toBe('2 fields are invalid.');
    expect(problem.traceId).toBe('abc');
    expect(problem.fieldError('legalName')).toBe('must not be blank');
    expect(problem.fieldError('contacts[0].email')).toBe('must be an e-mail');
    expect(problem.fieldError('website')).toBeUndefined();
  });

  it('falls back to a slug by status when the body is not a problem detail', async () => {
    const problem = await problemOf(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(problem.slug).toBe('server-error');
    expect(problem.fieldErrors).toEqual([]);
    expect(new ApiProblem(409, {}).slug).toBe('conflict');
    expect(ApiProblem.network().status).toBe(0);
  });
});
