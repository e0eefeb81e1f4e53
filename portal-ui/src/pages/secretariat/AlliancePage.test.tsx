import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import AlliancePage from './AlliancePage';
import { lighting } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const admin = () => sessionOf({ roles: ['alliance-admin'] });
const routes = [
  { path: '/alliance', element: <AlliancePage /> },
  { path: '/alliance/clusters/:clusterId', element: <p>appointment page</p> },
];

describe('AlliancePage', () => {
  it('lists every cluster with the way to its secretariat', async () => {
    stubApi({ 'GET /api/membership/clusters': { body: [lighting] } });
    renderPage(<AlliancePage />, { routes, at: '/alliance', session: admin() });
    expect(await screen.findByRole('link', { name: 'Secretariat of Lighting Brand Cluster' }))
      .toHaveAttribute('href', '/alliance/clusters/lighting');
  });

  it('founds a cluster after checking the form, then opens its secretariat', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters': { body: [] },
      'POST /api/membership/clusters': { status: 201, body: { ...lighting, id: 'coal' } },
    });
    renderPage(<AlliancePage />, { routes, at: '/alliance', session: admin() });
    await screen.findByText(/No cluster yet/);
    await user.click(screen.getByRole('button', { name: 'Found a cluster' }));
    await user.type(screen.getByLabelText('Identifier'), 'Coal!');
    await user.click(screen.getByRole('button', { name: 'Found the cluster' }));
    expect(screen.getByText(/Lower-case letters, digits and hyphens, 2 to 40/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Identifier'));
    await user.type(screen.getByLabelText('Identifier'), 'coal');
    const form = screen.getByRole('button', { name: 'Found the cluster' }).closest('form') as HTMLElement;
    await user.type(within(form).getAllByLabelText('Name')[0], 'Coking Coal Cluster');
    await user.type(screen.getByLabelText('Industry'), 'Coal');
    await user.type(screen.getByLabelText('Region'), 'CN-SX');
    await user.type(screen.getByLabelText('Member number prefix (optional)'), 'COAL');
    const tier = screen.getByRole('group', { name: 'Tier 1' });
    await user.type(within(tier).getByLabelText('Code'), 'member');
    await user.type(within(tier).getByLabelText('Name'), 'Member');
    await user.click(screen.getByRole('button', { name: 'Found the cluster' }));
    expect(await screen.findByText('appointment page')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      id: 'coal', name: 'Coking Coal Cluster', industry: 'Coal', region: 'CN-SX', memberNumberPrefix: 'COAL',
      tiers: [{ code: 'member', name: 'Member', rank: 1, annualFee: 0, consultationHoursPerYear: 0, seatsPerEvent: 1, assetAccessRank: 0 }],
    });
  });

  it('shows a conflict from the server next to the identifier', async () => {
    stubApi({
      'GET /api/membership/clusters': { body: [] },
      'POST /api/membership/clusters': {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid', errors: [{ field: 'id', message: 'is taken' }] },
      },
    });
    renderPage(<AlliancePage />, { routes, at: '/alliance', session: admin() });
    await user.click(await screen.findByRole('button', { name: 'Found a cluster' }));
    await user.type(screen.getByLabelText('Identifier'), 'lighting');
    const form = screen.getByRole('button', { name: 'Found the cluster' }).closest('form') as HTMLElement;
    await user.type(within(form).getAllByLabelText('Name')[0], 'Lighting');
    await user.type(screen.getByLabelText('Industry'), 'Lighting');
    await user.type(screen.getByLabelText('Region'), 'CN');
    const tier = screen.getByRole('group', { name: 'Tier 1' });
    await user.type(within(tier).getByLabelText('Code'), 'member');
    await user.type(within(tier).getByLabelText('Name'), 'Member');
    await user.click(screen.getByRole('button', { name: 'Found the cluster' }));
    expect(await screen.findByText('is taken')).toBeInTheDocument();
    expect(screen.getByLabelText('Identifier')).toHaveAttribute('aria-invalid', 'true');
  });

  it('is not for the secretariat', () => {
    stubApi({});
    renderPage(<AlliancePage />, { routes, at: '/alliance', session: sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }) });
    expect(screen.getByRole('heading', { name: 'Not available to you' })).toBeInTheDocument();
  });
});
