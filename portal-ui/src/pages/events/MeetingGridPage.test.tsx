import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import MeetingGridPage from './MeetingGridPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const slot = { id: 's1', startsAt: '2026-04-10T06:00:00Z', endsAt: '2026-04-10T06:30:00Z', localStartsAt: '2026-04-10T14:00:00', localEndsAt: '2026-04-10T14:30:00' };
const plan = { body: { exchangeEventId: 'e1', timeZone: 'Asia/Shanghai', slots: [slot], tables: [{ id: 't1', name: 'Table A' }, { id: 't2', name: 'Table B' }], tableCount: 2, version: 1 } };
const grid = { body: {
  exchangeEventId: 'e1', timeZone: 'Asia/Shanghai', tables: [{ id: 't1', name: 'Table A' }, { id: 't2', name: 'Table B' }],
  slots: [{ slot, tables: [{ tableId: 't1', tableName: 'Table A', meeting: { id: 'm1', requesterEnterpriseId: 'ent-1', inviteeEnterpriseId: 'ent-2' } }, { tableId: 't2', tableName: 'Table B', meeting: null }] }],
  counts: { REQUESTED: 2, ACCEPTED: 1 },
} };
const show = () => renderPage(<MeetingGridPage />, { path: '/events/:eventId/meetings', at: '/events/e1/meetings', session: secretariat });

describe('MeetingGridPage', () => {
  it('shows which meeting sits at which table in each slot', async () => {
    stubApi({ 'GET /api/events/events/e1/meeting-slots': plan, 'GET /api/events/events/e1/meetings': grid });
    show();
    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1];
    expect(within(row).getByRole('rowheader')).toHaveTextContent('2:00 PM–2:30 PM');
    expect(row).toHaveTextContent('ent-1 ↔ ent-2');
    expect(row).toHaveTextContent('free');
    expect(screen.getByText('Requested: 2 · Accepted: 1')).toBeInTheDocument();
  });

  it('saves the slots and tables, keeping their ids, and refuses a table without a name', async () => {
    const calls = stubApi({
      'GET /api/events/events/e1/meeting-slots': plan, 'GET /api/events/events/e1/meetings': grid,
      'PUT /api/events/events/e1/meeting-slots': plan,
    });
    show();
    await screen.findByDisplayValue('Table A');
    await userEvent.click(screen.getByRole('button', { name: 'Add a table' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save slots and tables' }));
    expect(screen.getByLabelText('Table 3')).toHaveAccessibleDescription('Required.');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    fireEvent.change(screen.getByLabelText('Table 3'), { target: { value: 'Table C' } });
    await userEvent.click(screen.getByRole('button', { name: 'Save slots and tables' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      slots: [{ id: 's1', startsAt: '2026-04-10T14:00:00', endsAt: '2026-04-10T14:30:00' }],
      tables: [{ id: 't1', name: 'Table A' }, { id: 't2', name: 'Table B' }, { name: 'Table C' }],
    }));
  });
});
