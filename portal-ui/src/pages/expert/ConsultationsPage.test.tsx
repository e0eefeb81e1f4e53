import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ConsultationsPage from './ConsultationsPage';

const page = (content: unknown[]) => ({ content, page: 0, size: 10, totalElements: content.length, totalPages: 1 });
const pending = { id: 'c-1', start: '2099-03-02T02:00:00Z', topic: 'DESIGN', note: 'Logo', state: 'PENDING' };
const profile = { id: 'expert-li', name: 'Li', topics: ['DESIGN'], languages: ['zh-CN'], timeZone: 'Asia/Shanghai', clusters: ['lighting'] };
const openSalon = {
  salonId: 'salon-1', clusterId: 'lighting', theme: 'Brand Home', title: 'Spring salon', startsAt: '2099-04-01T02:00:00Z',
  openSlots: [{ id: 'slot-1', kind: 'TALK', title: 'Pricing talk', startsAt: '2099-04-01T02:00:00Z', endsAt: '2099-04-01T03:00:00Z', state: 'OPEN' }],
};

describe('expert ConsultationsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists pending consultations to confirm and open salon sessions to book, and sends both actions', async () => {
    const calls = stubApi({
      'GET /api/salons/experts/expert-li': { body: profile },
      'GET /api/salons/consultations': (r) => ({ body: page(new URL(r.url).searchParams.get('state') === 'PENDING' ? [pending] : []) }),
      'POST /api/salons/consultations/c-1/confirmation': { body: { ...pending, state: 'CONFIRMED' } },
      'GET /api/salons/experts/expert-li/open-sessions': { body: page([openSalon]) },
      'GET /api/salons/clusters/lighting/salons': { body: page([]) },
      'POST /api/salons/salons/salon-1/programme/slot-1/booking': {
        status: 409, body: { type: 'urn:brandcluster:problem:session-slot-taken', title: 'Taken', detail: 'Another expert holds this session.' },
      },
    });
    renderPage(<ConsultationsPage />, { session: sessionOf({ roles: ['expert'], subject: 'expert-li' }) });
    expect(await screen.findByText('Logo')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/confirmation'))).toBe(true));
    const pendingQuery = new URLSearchParams(calls.find((c) => c.search.includes('PENDING'))!.search);
    expect(pendingQuery.get('from')).toBeTruthy();

    await userEvent.click(await screen.findByRole('button', { name: 'Lead this session' }));
    expect(await screen.findByText('Another expert holds this session.')).toBeInTheDocument();
    expect(screen.getByText('You lead no salon session yet. Book an open one below.')).toBeInTheDocument();
  });
});
