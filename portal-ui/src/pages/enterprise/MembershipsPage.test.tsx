import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import MembershipPage from './MembershipPage';
import MembershipsPage from './MembershipsPage';
import { admittedApplication, ENTERPRISE_ID, lighting, me, membershipView, problem } from './fixtures';

const member = () => sessionOf({ roles: ['enterprise'], enterprise_id: ENTERPRISE_ID });
const convention = { id: 'conv-2', clusterId: 'lighting', conventionVersion: 2, title: 'Lighting cluster convention', status: 'ADOPTED', body: 'Article 1', version: 4 };
const api = (extra = {}) => stubApi({
  'GET /api/membership/clusters': { body: [lighting] },
  'GET /api/membership/me': { body: me },
  [`GET /api/membership/clusters/lighting/members/${ENTERPRISE_ID}`]: { body: membershipView },
  'GET /api/membership/applications/app-admitted': { body: admittedApplication },
  'GET /api/membership/clusters/lighting/conventions/current': { body: convention },
  ...extra,
});
const detail = { path: '/membership/memberships/:membershipId', at: '/membership/memberships/app-admitted' };

describe('my memberships', () => {
  it('lists every membership with status, tier and validity, linking to it', async () => {
    api();
    renderPage(<MembershipsPage />, { session: member() });

    const row = within(await screen.findByRole('table')).getAllByRole('row')[1];
    expect(row).toHaveTextContent(/National Lighting Brand Cluster.*LIGHT-2026-0042.*Member.*Active.*Feb 28, 2027/);
    expect(within(row).getByRole('link')).toHaveAttribute('href', '/membership/memberships/app-admitted');
  });

  it('says what to do when the enterprise is no member yet', async () => {
    stubApi({ 'GET /api/membership/clusters': { body: [lighting] }, 'GET /api/membership/me': { body: { ...me, memberships: [] } } });
    renderPage(<MembershipsPage />, { session: member() });

    expect(await screen.findByText(/not a member of any cluster yet/)).toBeInTheDocument();
  });
});

describe('one membership', () => {
  it('finds the membership by its id and shows the renewal date and the history, newest first', async () => {
    api();
    renderPage(<MembershipPage />, { session: member(), ...detail });

    expect(await screen.findByRole('heading', { level: 1, name: 'Membership of National Lighting Brand Cluster' })).toBeInTheDocument();
    expect(screen.getByText('Valid until (renewal date)').nextElementSibling).toHaveTextContent('Feb 28, 2027');
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/Tier changed.*Council member.*Upgrade agreed/);
    expect(rows[1]).toHaveTextContent(/Admitted/);
    // instants in the viewer's time zone (Asia/Shanghai in tests)
    expect(rows[0]).toHaveTextContent('Jun 1, 2026, 2:30 PM');
  });

  it('accepts the cluster\'s current convention', async () => {
    const calls = api({
      'POST /api/membership/conventions/conv-2/acceptances': {
        status: 201, body: { conventionId: 'conv-2', conventionVersion: 2, enterpriseId: ENTERPRISE_ID, acceptedAt: '2026-07-01T01:00:00Z' },
      },
    });
    renderPage(<MembershipPage />, { session: member(), ...detail });
    const user = userEvent.setup();

    expect(await screen.findByRole('link', { name: 'Lighting cluster convention' })).toHaveAttribute('href', '/membership/conventions/conv-2');
    await user.click(screen.getByRole('button', { name: 'Accept the convention' }));

    expect(await screen.findByText('Your enterprise accepted this convention on Jul 1, 2026, 9:00 AM.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('reads the 409 of an acceptance made before as the answer', async () => {
    api({
      'POST /api/membership/conventions/conv-2/acceptances': problem(409, 'convention-accepted-already',
        'The enterprise accepted version 2 of this convention already.', { acceptedAt: '2026-06-15T04:00:00Z' }),
    });
    renderPage(<MembershipPage />, { session: member(), ...detail });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Accept the convention' }));

    expect(await screen.findByText('Your enterprise had accepted this convention already, on Jun 15, 2026, 12:00 PM.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows why a suspended member cannot accept', async () => {
    api({ [`GET /api/membership/clusters/lighting/members/${ENTERPRISE_ID}`]: { body: { ...membershipView, status: 'SUSPENDED' } } });
    renderPage(<MembershipPage />, { session: member(), ...detail });

    expect(await screen.findByText('Active members accept the convention.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept the convention' })).not.toBeInTheDocument();
  });

  it('says so when there is no such membership', async () => {
    stubApi({
      'GET /api/membership/clusters': { body: [lighting] },
      'GET /api/membership/applications/nope': problem(404, 'not-found', 'No application nope'),
    });
    renderPage(<MembershipPage />, { session: member(), path: detail.path, at: '/membership/memberships/nope' });

    await waitFor(() => expect(screen.getByText('There is no such membership.')).toBeInTheDocument());
  });
});

describe('a membership read by the secretariat', () => {
  it('shows the membership without the enterprise\'s acceptance', async () => {
    api();
    renderPage(<MembershipPage />, { session: sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }), ...detail });

    expect(await screen.findByRole('link', { name: 'Lighting cluster convention' })).toBeInTheDocument();
    expect(screen.getByText('LIGHT-2026-0042')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Accept the convention' })).not.toBeInTheDocument();
  });
});
