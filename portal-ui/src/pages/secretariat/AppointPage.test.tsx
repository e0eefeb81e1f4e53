import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import AppointPage from './AppointPage';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/alliance/clusters/:clusterId', at: '/alliance/clusters/lighting' };
const url = '/api/membership/clusters/lighting/secretariat';
const current = {
  clusterId: 'lighting', changeInProgress: false,
  members: [{ userId: 'u1', username: 'wang.fang', email: 'wang@example.com', since: '2026-01-01T00:00:00Z' }],
};

describe('AppointPage', () => {
  it('shows the secretariat and appoints one more, refreshing the session\'s claims', async () => {
    const session = sessionOf({ roles: ['alliance-admin'] });
    const calls = stubApi({ [`GET ${url}`]: { body: current }, [`PUT ${url}`]: { body: current } });
    renderPage(<AppointPage />, { ...at, session });
    expect(await screen.findByRole('rowheader', { name: 'wang.fang' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Username or e-mail'), 'li.na@example.com');
    await user.type(screen.getByLabelText('Reason (optional)'), 'New staff');
    await user.click(screen.getByRole('button', { name: 'Appoint' }));
    expect(await screen.findByText('li.na@example.com now serves this cluster.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ users: ['wang.fang', 'li.na@example.com'], reason: 'New staff' });
    expect(session.refresh).toHaveBeenCalled();
  });

  it('removes a member of the secretariat', async () => {
    const calls = stubApi({ [`GET ${url}`]: { body: current }, [`PUT ${url}`]: { body: { ...current, members: [] } } });
    renderPage(<AppointPage />, { ...at, session: sessionOf({ roles: ['alliance-admin'] }) });
    await user.click(await screen.findByRole('button', { name: 'Remove wang.fang' }));
    expect(await screen.findByText('wang.fang no longer serves this cluster.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ users: [] });
  });

  it('checks the user before sending and shows unknown users from the server', async () => {
    const calls = stubApi({
      [`GET ${url}`]: { body: current },
      [`PUT ${url}`]: {
        status: 400,
        body: { type: 'urn:brandcluster:problem:unknown-users', title: 'Unknown users', errors: [{ field: 'users', message: 'nobody.here is not a user' }] },
      },
    });
    renderPage(<AppointPage />, { ...at, session: sessionOf({ roles: ['alliance-admin'] }) });
    await screen.findByRole('rowheader', { name: 'wang.fang' });
    await user.click(screen.getByRole('button', { name: 'Appoint' }));
    expect(screen.getByText('Required.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Username or e-mail'), 'wang.fang');
    await user.click(screen.getByRole('button', { name: 'Appoint' }));
    expect(screen.getByText('This user already serves the cluster.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Username or e-mail'));
    await user.type(screen.getByLabelText('Username or e-mail'), 'nobody.here');
    await user.click(screen.getByRole('button', { name: 'Appoint' }));
    expect(await screen.findByText('nobody.here is not a user')).toBeInTheDocument();
    expect(screen.getByLabelText('Username or e-mail')).toHaveAttribute('aria-invalid', 'true');
  });
});
