import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ApplicationPage from './ApplicationPage';
import ApplicationsPage from './ApplicationsPage';
import { admittedApplication, coking, ENTERPRISE_ID, lighting, me, membershipView, openApplication, problem } from './fixtures';

const member = () => sessionOf({ roles: ['enterprise'], enterprise_id: ENTERPRISE_ID });
const api = (extra = {}) => stubApi({
  'GET /api/membership/clusters': { body: [lighting, coking] },
  'GET /api/membership/me': { body: me },
  [`GET /api/membership/clusters/lighting/members/${ENTERPRISE_ID}`]: { body: membershipView },
  [`GET /api/membership/enterprises/${ENTERPRISE_ID}/applications`]: { body: [openApplication, admittedApplication] },
  'GET /api/membership/applications/app-admitted': { body: admittedApplication },
  'GET /api/membership/applications/app-open': { body: openApplication },
  ...extra,
});
const routes = [
  { path: '/membership/applications', element: <ApplicationsPage /> },
  { path: '/membership/applications/:applicationId', element: <ApplicationPage /> },
];

describe('applications', () => {
  it('lists the enterprise\'s applications as the service returns them, newest first', async () => {
    api();
    renderPage(<ApplicationsPage />, { session: member() });

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/Coking Coal Brand Cluster.*Council member.*Submitted/);
    expect(rows[1]).toHaveTextContent(/National Lighting Brand Cluster.*Member.*Approved/);
    expect(within(rows[0]).getByRole('link')).toHaveAttribute('href', '/membership/applications/app-open');
  });

  it('asks for a cluster before sending an application', async () => {
    const calls = api();
    renderPage(<ApplicationsPage />, { session: member() });
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Coking Coal Brand Cluster' });

    await user.click(screen.getByRole('button', { name: 'Submit the application' }));

    expect(screen.getByLabelText('Cluster')).toHaveAccessibleDescription('Choose the cluster to apply to.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('applies with the chosen tier and motivation, then shows the application', async () => {
    const calls = api({
      'POST /api/membership/clusters/coking-coal/applications': { status: 201, body: openApplication },
    });
    renderPage(<ApplicationsPage />, { session: member(), routes, at: '/membership/applications' });
    const user = userEvent.setup();

    await screen.findByRole('option', { name: 'Coking Coal Brand Cluster' });
    await user.selectOptions(screen.getByLabelText('Cluster'), 'coking-coal');
    await user.selectOptions(screen.getByLabelText('Tier'), 'council');
    await user.type(screen.getByLabelText('Motivation'), 'We supply coke ovens.');
    await user.click(screen.getByRole('button', { name: 'Submit the application' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Application to Coking Coal Brand Cluster' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ tier: 'council', motivation: 'We supply coke ovens.' });
  });

  it('shows the 409 of a second open application next to the cluster', async () => {
    api({
      'POST /api/membership/clusters/lighting/applications':
        problem(409, 'application-open', 'Your enterprise has an open application to this cluster already.'),
    });
    renderPage(<ApplicationsPage />, { session: member() });
    const user = userEvent.setup();

    await screen.findByRole('option', { name: 'National Lighting Brand Cluster' });
    await user.selectOptions(screen.getByLabelText('Cluster'), 'lighting');
    await user.click(screen.getByRole('button', { name: 'Submit the application' }));

    await waitFor(() => expect(screen.getByLabelText('Cluster'))
      .toHaveAccessibleDescription('Your enterprise has an open application to this cluster already.'));
  });

  it('sends an enterprise without a registration to register first', () => {
    stubApi({ 'GET /api/membership/clusters': { body: [lighting] } });
    renderPage(<ApplicationsPage />, { session: sessionOf({ roles: ['enterprise'] }) });
    expect(screen.getByRole('link', { name: 'Register my enterprise' })).toHaveAttribute('href', '/enterprise');
  });
});

describe('one application', () => {
  it('shows the status and history, and withdraws an open application', async () => {
    const calls = api({
      'POST /api/membership/applications/app-open/withdrawal': { body: { ...openApplication, status: 'WITHDRAWN' } },
    });
    renderPage(<ApplicationPage />, { session: member(), path: '/membership/applications/:applicationId', at: '/membership/applications/app-open' });
    const user = userEvent.setup();

    expect(await screen.findByText('We supply coke ovens.')).toBeInTheDocument();
    expect(screen.getByText(/secretariat reviews your application/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Withdraw the application' }));
    await user.click(screen.getByRole('button', { name: 'Withdraw the application' }));

    await waitFor(() => expect(calls.filter((c) => c.path === '/api/membership/applications/app-open/withdrawal')).toHaveLength(1));
  });

  it('shows a refused withdrawal\'s problem', async () => {
    api({
      'POST /api/membership/applications/app-open/withdrawal':
        problem(409, 'application-decided', 'The application was approved meanwhile.'),
    });
    renderPage(<ApplicationPage />, { session: member(), path: '/membership/applications/:applicationId', at: '/membership/applications/app-open' });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Withdraw the application' }));
    await user.click(screen.getByRole('button', { name: 'Withdraw the application' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The application was approved meanwhile.');
  });

  it('sends the cluster\'s secretariat to its review queue', async () => {
    api();
    renderPage(<ApplicationPage />, {
      session: sessionOf({ roles: ['secretariat'], secretariat_of: ['coking-coal'] }),
      path: '/membership/applications/:applicationId', at: '/membership/applications/app-open',
    });

    expect(await screen.findByRole('link', { name: /application queue/ })).toHaveAttribute('href', '/secretariat/coking-coal/applications');
    expect(screen.queryByRole('button', { name: 'Withdraw the application' })).not.toBeInTheDocument();
  });

  it('links an admitted application to its membership', async () => {
    api();
    renderPage(<ApplicationPage />, { session: member(), path: '/membership/applications/:applicationId', at: '/membership/applications/app-admitted' });

    expect(await screen.findByRole('link', { name: 'See the membership' })).toHaveAttribute('href', '/membership/memberships/app-admitted');
    expect(screen.queryByRole('link', { name: /application queue/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw the application' })).not.toBeInTheDocument();
  });
});
