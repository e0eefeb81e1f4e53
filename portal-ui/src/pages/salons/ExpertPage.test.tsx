import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ExpertPage from './ExpertPage';

const expert = {
  id: 'expert-wang', name: 'Wang Li', title: 'Professor', organisation: 'Brand Institute', bio: 'Brands.',
  topics: ['BRAND_STRATEGY', 'PACKAGING'], languages: ['zh-CN', 'en'], timeZone: 'Asia/Shanghai', clusters: ['lighting'],
};
const me = {
  subject: 's', roles: ['enterprise'], secretariatOf: [], enterprise: { id: 'opal', legalName: 'Opal' },
  memberships: [{ clusterId: 'lighting', clusterName: 'Lighting', memberNumber: 'LIGHT-1', tier: 'gold', status: 'ACTIVE', validUntil: '2027-01-01' }],
};
// 10:00 in Shanghai is 03:00 in Berlin (CET, UTC+1).
const slots = {
  expertId: 'expert-wang', expertTimeZone: 'Asia/Shanghai', timeZone: 'Europe/Berlin', slotMinutes: 60,
  from: '2026-03-01T23:00:00Z', to: '2026-03-08T23:00:00Z',
  slots: [{ start: '2026-03-02T02:00:00Z', end: '2026-03-02T03:00:00Z', localStart: '2026-03-02T03:00:00+01:00', localEnd: '2026-03-02T04:00:00+01:00' }],
};

function show(extra: Record<string, Parameters<typeof stubApi>[0][string]> = {}) {
  const calls = stubApi({
    'GET /api/salons/experts/expert-wang': { body: expert },
    'GET /api/membership/me': { body: me },
    'GET /api/salons/experts/expert-wang/slots': { body: slots },
    ...extra,
  });
  renderPage(<ExpertPage />, {
    path: '/salons/experts/:expertId', at: '/salons/experts/expert-wang', timeZone: 'Europe/Berlin',
    session: sessionOf({ roles: ['enterprise'], enterprise_id: 'opal' }),
    routes: [
      { path: '/salons/experts/:expertId', element: <ExpertPage /> },
      { path: '/salons/consultations/:id', element: <p>consultation page</p> },
    ],
  });
  return calls;
}

describe('ExpertPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the profile and the free slots in the viewer\'s time zone, asking the service for that zone', async () => {
    const calls = show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Wang Li' })).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: '3:00 AM–4:00 AM' })).toBeInTheDocument();
    const query = new URLSearchParams(calls.find((c) => c.path.endsWith('/slots'))!.search);
    expect(query.get('tz')).toBe('Europe/Berlin');
    expect(query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('asks for a slot and a topic before sending anything', async () => {
    const calls = show();
    await screen.findByRole('radio', { name: '3:00 AM–4:00 AM' });
    await userEvent.click(screen.getByRole('button', { name: 'Book this slot' }));
    expect(screen.getByText('Choose a free slot')).toBeInTheDocument();
    expect(screen.getByLabelText('Topic')).toHaveAccessibleDescription('Required');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('books the chosen slot with an idempotency key and opens the consultation', async () => {
    const calls = show({ 'POST /api/salons/consultations': { status: 201, body: { id: 'c-1' } } });
    await userEvent.click(await screen.findByRole('radio', { name: '3:00 AM–4:00 AM' }));
    await userEvent.selectOptions(screen.getByLabelText('Topic'), 'PACKAGING');
    await userEvent.type(screen.getByLabelText('Note for the expert (optional)'), 'Our new boxes');
    await userEvent.click(screen.getByRole('button', { name: 'Book this slot' }));
    expect(await screen.findByText('consultation page')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({
      expertId: 'expert-wang', clusterId: 'lighting', start: '2026-03-02T02:00:00Z', topic: 'PACKAGING', note: 'Our new boxes',
    });
    expect(post.headers.get('Idempotency-Key')).toMatch(/^[\x21-\x7E]{1,255}$/);
  });

  it('shows the server\'s field error next to its field and a refused slot as an alert', async () => {
    show({
      'POST /api/salons/consultations': {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', errors: [{ field: 'note', message: 'is not accepted' }] },
      },
    });
    await userEvent.click(await screen.findByRole('radio', { name: '3:00 AM–4:00 AM' }));
    await userEvent.selectOptions(screen.getByLabelText('Topic'), 'BRAND_STRATEGY');
    await userEvent.click(screen.getByRole('button', { name: 'Book this slot' }));
    expect(await screen.findByLabelText('Note for the expert (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('is not accepted'));
    expect(within(screen.getByRole('alert')).getByText('Please check the fields marked below.')).toBeInTheDocument();
  });

  it('reloads the free slots when the chosen one was taken meanwhile', async () => {
    const calls = show({
      'POST /api/salons/consultations': {
        status: 409, body: { type: 'urn:brandcluster:problem:slot-taken', title: 'Slot taken', detail: 'Someone else booked this slot.' },
      },
    });
    await userEvent.click(await screen.findByRole('radio', { name: '3:00 AM–4:00 AM' }));
    await userEvent.selectOptions(screen.getByLabelText('Topic'), 'BRAND_STRATEGY');
    await userEvent.click(screen.getByRole('button', { name: 'Book this slot' }));
    expect(await screen.findByText('Someone else booked this slot.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith('/slots'))).toHaveLength(2);
    expect(await screen.findByRole('radio', { name: '3:00 AM–4:00 AM' })).not.toBeChecked();
  });
});
