import { describe, expect, it, vi } from 'vitest';
import { onSessionEnded, request, send } from './http';
import { ApiProblem } from './problem';
import { stubApi } from '../test/render';

describe('requests to the gateway', () => {
  it('sends the CSRF cookie\'s value as X-XSRF-TOKEN on unsafe requests only', async () => {
    document.cookie = 'XSRF-TOKEN=token%2Fvalue';
    const calls = stubApi({ 'POST /api/session/refresh': { body: {} }, 'GET /api/session': { body: {} } });

    await request('POST', '/api/session/refresh');
    await request('GET', '/api/session');

    expect(calls[0].headers.get('X-XSRF-TOKEN')).toBe('token/value');
    expect(calls[1].headers.get('X-XSRF-TOKEN')).toBeNull();
  });

  it('tells the session listeners when the gateway says the session ended', async () => {
    stubApi({ 'GET /api/membership/me': { status: 401, body: { type: 'urn:brandcluster:problem:session-ended', status: 401 } } });
    const ended = vi.fn();
    const stop = onSessionEnded(ended);

    const response = await send(new Request(new URL('/api/membership/me', window.location.origin)));

    expect(response.status).toBe(401);
    expect(ended).toHaveBeenCalledOnce();
    stop();
  });

  it('does not treat any other 401 as an ended session', async () => {
    stubApi({ 'GET /api/session': { status: 401, body: { type: 'urn:brandcluster:problem:unauthorized', status: 401 } } });
    const ended = vi.fn();
    const stop = onSessionEnded(ended);

    await expect(request('GET', '/api/session')).rejects.toBeInstanceOf(ApiProblem);

    expect(ended).not.toHaveBeenCalled();
    stop();
  });

  it('turns a failed connection into a network problem', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(request('GET', '/api/session')).rejects.toMatchObject({ status: 0, slug: 'network' });
  });
});
