import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import TiersPage from './TiersPage';
import { lighting, lightingSecretariat } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/secretariat/:clusterId/tiers', at: '/secretariat/lighting/tiers' };

describe('TiersPage', () => {
  it('shows the tiers for editing and sends the whole list', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'PUT /api/membership/clusters/lighting/tiers': { body: lighting },
    });
    renderPage(<TiersPage />, { ...at, session: lightingSecretariat() });
    const premium = await screen.findByRole('group', { name: 'Tier 2' });
    expect(within(premium).getByLabelText('Name')).toHaveValue('Premium');
    await user.clear(within(premium).getByLabelText('Annual fee (CNY)'));
    await user.type(within(premium).getByLabelText('Annual fee (CNY)'), '25000');
    await user.type(screen.getByLabelText('Reason (optional)'), 'Fee review 2027');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      reason: 'Fee review 2027',
      tiers: [lighting.tiers[0], { ...lighting.tiers[1], annualFee: 25000 }],
    });
  });

  it('checks codes and numbers before sending', async () => {
    const calls = stubApi({ 'GET /api/membership/clusters/lighting': { body: lighting } });
    renderPage(<TiersPage />, { ...at, session: lightingSecretariat() });
    await screen.findByRole('group', { name: 'Tier 2' });
    await user.click(screen.getByRole('button', { name: 'Add a tier' }));
    const third = screen.getByRole('group', { name: 'Tier 3' });
    await user.type(within(third).getByLabelText('Code'), 'premium');
    await user.clear(within(third).getByLabelText('Rank'));
    await user.type(within(third).getByLabelText('Rank'), '101');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(within(third).getByText('Another tier has this code.')).toBeInTheDocument();
    expect(within(third).getByText('A whole number from 1 to 100.')).toBeInTheDocument();
    expect(within(third).getByText('Required.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('shows that a tier still held cannot go', async () => {
    stubApi({
      'GET /api/membership/clusters/lighting': { body: lighting },
      'PUT /api/membership/clusters/lighting/tiers': {
        status: 409,
        body: { type: 'urn:brandcluster:problem:tier-in-use', title: 'Tier in use', detail: 'Members still hold the tier premium.' },
      },
    });
    renderPage(<TiersPage />, { ...at, session: lightingSecretariat() });
    await user.click(await screen.findByRole('button', { name: 'Remove tier 2' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Members still hold the tier premium.')).toBeInTheDocument();
  });
});
