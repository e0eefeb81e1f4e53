import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import OfficersPage from './OfficersPage';
import { lightingSecretariat, page } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/secretariat/:clusterId/officers', at: '/secretariat/lighting/officers' };
const officers = '/api/membership/clusters/lighting/officers';
const slate = {
  clusterId: 'lighting', version: 4, setAt: '2026-03-01T00:00:00Z',
  officers: [{ seat: 'CHAIRMAN', enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd', person: 'Li Wei', termStart: '2026-03-01', termEnd: '2029-02-28' }],
};
const history = [{ version: 4, setAt: '2026-03-01T00:00:00Z', setBy: 'u1', setByName: 'Wang Fang', reason: 'Plenary election', officers: slate.officers }];
const activeMembers = page([
  { enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd' },
  { enterpriseId: 'ent-2', enterpriseName: 'Glow Co' },
]);

describe('OfficersPage', () => {
  it('shows the current slate and the earlier ones', async () => {
    stubApi({ [`GET ${officers}`]: { body: slate }, [`GET ${officers}/history`]: { body: history } });
    renderPage(<OfficersPage />, { ...at, session: lightingSecretariat() });
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Chairman' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Li Wei' })).toBeInTheDocument();
    expect(await screen.findByText(/Set by Wang Fang · Plenary election/)).toBeInTheDocument();
  });

  it('replaces the slate with the version it read', async () => {
    const calls = stubApi({
      [`GET ${officers}`]: { body: slate },
      [`GET ${officers}/history`]: { body: history },
      'GET /api/membership/clusters/lighting/members': { body: activeMembers },
      [`PUT ${officers}`]: { body: { ...slate, version: 5 } },
    });
    renderPage(<OfficersPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Replace the slate' }));
    await screen.findByRole('option', { name: 'Glow Co' });
    await user.click(screen.getByRole('button', { name: 'Add an officer' }));
    const second = screen.getByRole('group', { name: 'Officer 2' });
    await user.selectOptions(within(second).getByLabelText('Seat'), 'VICE_CHAIRMAN');
    await user.selectOptions(within(second).getByLabelText('Member enterprise'), 'ent-2');
    await user.type(within(second).getByLabelText('Person'), 'Zhao Min');
    await user.type(within(second).getByLabelText('Term starts'), '2026-03-01');
    await user.type(within(second).getByLabelText('Term ends'), '2029-02-28');
    await user.click(screen.getByRole('button', { name: 'Put the slate in place' }));
    expect(await screen.findByText('The new slate is in place.')).toBeInTheDocument();
    const members = calls.find((c) => c.path.endsWith('/members'));
    expect(new URLSearchParams(members?.search).get('status')).toBe('ACTIVE');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      expectedVersion: 4,
      officers: [
        { seat: 'CHAIRMAN', enterpriseId: 'ent-1', person: 'Li Wei', termStart: '2026-03-01', termEnd: '2029-02-28' },
        { seat: 'VICE_CHAIRMAN', enterpriseId: 'ent-2', person: 'Zhao Min', termStart: '2026-03-01', termEnd: '2029-02-28' },
      ],
    });
  });

  it('checks the slate before sending, and shows the server\'s error at the officer it concerns', async () => {
    const calls = stubApi({
      [`GET ${officers}`]: { body: slate },
      [`GET ${officers}/history`]: { body: history },
      'GET /api/membership/clusters/lighting/members': { body: activeMembers },
      [`PUT ${officers}`]: {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid', errors: [{ field: 'officers[0].person', message: 'is too long' }] },
      },
    });
    renderPage(<OfficersPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Replace the slate' }));
    await user.click(screen.getByRole('button', { name: 'Add an officer' }));
    const second = screen.getByRole('group', { name: 'Officer 2' });
    await user.selectOptions(within(second).getByLabelText('Seat'), 'CHAIRMAN');
    await user.click(screen.getByRole('button', { name: 'Put the slate in place' }));
    expect(within(second).getByText('Only one officer may hold this seat.')).toBeInTheDocument();
    expect(within(second).getAllByText('Required.')).toHaveLength(4);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await user.click(within(second).getByRole('button', { name: 'Remove officer 2' }));
    await user.click(screen.getByRole('button', { name: 'Put the slate in place' }));
    const first = screen.getByRole('group', { name: 'Officer 1' });
    expect(await within(first).findByText('is too long')).toBeInTheDocument();
  });
});
