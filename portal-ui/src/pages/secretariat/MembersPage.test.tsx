import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import MembersPage from './MembersPage';
import { lighting, lightingSecretariat, page } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/secretariat/:clusterId/members', at: '/secretariat/lighting/members' };
const bright = {
  enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd', memberNumber: 'LIGHT-2026-0001', tier: 'premium',
  status: 'SUSPENDED', validUntil: '2027-01-31',
};

describe('MembersPage', () => {
  it('lists the members with tier names, status and validity, and pages through them', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/members': (request) => ({
        body: new URL(request.url).searchParams.get('page') === '1'
          ? page([{ ...bright, enterpriseId: 'ent-2', enterpriseName: 'Second Page Co' }], 21, 1, 2)
          : page([bright], 21, 0, 2),
      }),
    });
    renderPage(<MembersPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByRole('link', { name: 'Bright Lamps Ltd' })).toHaveAttribute('href', '/secretariat/lighting/members/ent-1');
    expect(await screen.findByRole('cell', { name: 'Premium' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Suspended' })).toBeInTheDocument();
    expect(screen.getByText('21 members')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'Second Page Co' })).toBeInTheDocument();
    expect(calls.at(-1)?.search).toContain('page=1');
  });

  it('filters by status and tier', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/members': { body: page([]) },
    });
    renderPage(<MembersPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByText('No members yet: approve applications to admit members.')).toBeInTheDocument();
    await screen.findByRole('option', { name: 'Premium' });
    await user.selectOptions(screen.getByLabelText('Status'), 'SUSPENDED');
    await user.selectOptions(screen.getByLabelText('Tier'), 'premium');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(await screen.findByText('No member matches these filters. Change or clear them.')).toBeInTheDocument();
    const query = new URLSearchParams(calls.filter((c) => c.path.endsWith('/members')).at(-1)?.search);
    expect(query.get('status')).toBe('SUSPENDED');
    expect(query.get('tier')).toBe('premium');
    expect(query.get('page')).toBe('0');
  });

  it('shows the problem when the register cannot be read', async () => {
    stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'GET /api/membership/clusters/lighting/members': { status: 503, body: { type: 'urn:brandcluster:problem:service-unavailable', title: 'Unavailable' } },
    });
    renderPage(<MembersPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByRole('alert')).toHaveTextContent('This part of the portal is not available right now.');
  });
});
