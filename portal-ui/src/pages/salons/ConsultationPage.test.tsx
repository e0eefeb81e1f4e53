import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ConsultationPage from './ConsultationPage';

const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const consultation = (over: Record<string, unknown> = {}) => ({
  id: 'c-1', clusterId: 'lighting', enterpriseId: 'opal', expertId: 'expert-wang', expertName: 'Wang Li',
  expertTimeZone: 'Asia/Shanghai', topic: 'PACKAGING', note: null, start: later(5), end: later(5.04), minutes: 60,
  state: 'CONFIRMED', cancellationCutoffAt: later(4), cancellation: null, flag: null, version: 2,
  history: [{ state: 'PENDING', at: later(-1), by: 'u' }, { state: 'CONFIRMED', at: later(-0.5), by: 'expert-wang' }],
  ...over,
});
const slot = { start: '2099-03-02T02:00:00Z', end: '2099-03-02T03:00:00Z', localStart: '2099-03-02T10:00:00+08:00' };

function show(session: ReturnType<typeof sessionOf>, answers: Parameters<typeof stubApi>[0], c = consultation()) {
  const calls = stubApi({
    'GET /api/salons/consultations/c-1': { body: c },
    'GET /api/salons/experts/expert-wang/slots': { body: { slots: [slot] } },
    ...answers,
  });
  renderPage(<ConsultationPage />, { path: '/salons/consultations/:consultationId', at: '/salons/consultations/c-1', session });
  return calls;
}
const opal = sessionOf({ roles: ['enterprise'], enterprise_id: 'opal' });

describe('ConsultationPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the consultation and lets the booking enterprise move it to another slot', async () => {
    const calls = show(opal, { 'POST /api/salons/consultations/c-1/reschedule': { body: consultation({ state: 'PENDING' }) } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Consultation with Wang Li' })).toBeInTheDocument();
    expect(screen.getByText('Packaging')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Move the consultation' }));
    expect(screen.getAllByText('Choose a free slot').length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.click(await screen.findByRole('radio', { name: '10:00 AM–11:00 AM' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move the consultation' }));
    expect(await screen.findByText(/^Moved to/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ start: slot.start });
  });

  it('needs a reason to cancel and shows the server\'s problem with the reason', async () => {
    const calls = show(opal, {
      'POST /api/salons/consultations/c-1/cancellation': {
        status: 400, body: { title: 'Invalid request', errors: [{ field: 'reason', message: 'size must be at most 500' }] },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel the consultation' }));
    expect(screen.getByLabelText('Reason')).toHaveAccessibleDescription('Required');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Reason'), 'Plans changed');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the consultation' }));
    expect(await screen.findByLabelText('Reason')).toHaveAccessibleDescription('size must be at most 500');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ reason: 'Plans changed' });
  });

  it('lets the expert confirm a pending consultation, and not reschedule it', async () => {
    const calls = show(sessionOf({ roles: ['expert'], subject: 'expert-wang' }), {
      'POST /api/salons/consultations/c-1/confirmation': { body: consultation() },
    }, consultation({ state: 'PENDING' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Confirmed. The enterprise is told.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Move the consultation' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/confirmation'))).toBe(true);
  });

  it('tells the enterprise when the time for moving has passed', async () => {
    show(opal, {}, consultation({ cancellationCutoffAt: later(-0.1) }));
    expect(await screen.findByText(/The time for moving this consultation has passed/)).toBeInTheDocument();
    expect(screen.getByText('The free cancellation time has passed: the hours stay used.')).toBeInTheDocument();
  });
});
