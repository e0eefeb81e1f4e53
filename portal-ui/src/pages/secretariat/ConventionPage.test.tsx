import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import ConventionPage from './ConventionPage';
import { lightingSecretariat } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/secretariat/:clusterId/conventions/:conventionId', at: '/secretariat/lighting/conventions/conv-2' };
const draft = {
  id: 'conv-2', clusterId: 'lighting', conventionVersion: 2, title: 'Charter 2027', body: 'Article 1.\n\nArticle 2.',
  status: 'DRAFT', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z', version: 3,
};
const url = '/api/membership/conventions/conv-2';

describe('ConventionPage', () => {
  it('saves the edited draft text', async () => {
    const calls = stubApi({ [`GET ${url}`]: { body: draft }, [`PUT ${url}`]: { body: { ...draft, title: 'Charter 2027, amended' } } });
    renderPage(<ConventionPage />, { ...at, session: lightingSecretariat() });
    const title = await screen.findByLabelText('Title');
    expect(title).toHaveValue('Charter 2027');
    await user.clear(title);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Required.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await user.type(title, 'Charter 2027, amended');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ title: 'Charter 2027, amended', body: 'Article 1.\n\nArticle 2.' });
  });

  it('opens the ballot with the closing time read in the viewer\'s time zone', async () => {
    const calls = stubApi({
      [`GET ${url}`]: { body: draft },
      [`POST ${url}/ballot`]: { body: { ...draft, status: 'BALLOT' } },
    });
    renderPage(<ConventionPage />, { ...at, session: lightingSecretariat(), timeZone: 'Asia/Shanghai' });
    const closes = await screen.findByLabelText('Ballot closes at');
    expect(screen.getByText('In your time zone (Asia/Shanghai).')).toBeInTheDocument();
    await user.type(closes, '2030-06-01T18:00');
    await user.clear(screen.getByLabelText('Quorum (percent of the electorate)'));
    await user.type(screen.getByLabelText('Quorum (percent of the electorate)'), '60');
    await user.click(screen.getByRole('button', { name: 'Open the ballot' }));
    expect(await screen.findByText('The ballot is open; the members are told.')).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/ballot'))?.body).toEqual({ closesAt: '2030-06-01T10:00:00.000Z', quorumPercent: 60 });
  });

  it('checks the ballot form before sending and shows the server\'s field error', async () => {
    const calls = stubApi({
      [`GET ${url}`]: { body: draft },
      [`POST ${url}/ballot`]: {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid', errors: [{ field: 'closesAt', message: 'must be within a year' }] },
      },
    });
    renderPage(<ConventionPage />, { ...at, session: lightingSecretariat() });
    const closes = await screen.findByLabelText('Ballot closes at');
    await user.type(closes, '2001-01-01T10:00');
    await user.clear(screen.getByLabelText('Quorum (percent of the electorate)'));
    await user.type(screen.getByLabelText('Quorum (percent of the electorate)'), '0');
    await user.click(screen.getByRole('button', { name: 'Open the ballot' }));
    expect(screen.getByText('The closing time must be in the future.')).toBeInTheDocument();
    expect(screen.getByText('A whole number from 1 to 100.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.clear(closes);
    await user.type(closes, '2099-01-01T10:00');
    await user.clear(screen.getByLabelText('Quorum (percent of the electorate)'));
    await user.type(screen.getByLabelText('Quorum (percent of the electorate)'), '50');
    await user.click(screen.getByRole('button', { name: 'Open the ballot' }));
    expect(await screen.findByText('must be within a year')).toBeInTheDocument();
    expect(screen.getByLabelText('Ballot closes at')).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps the count for after the close, then shows the result and the acceptances', async () => {
    const ballot = { openedAt: '2026-11-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z', quorumPercent: 50, electorate: 9 };
    stubApi({ [`GET ${url}`]: { body: { ...draft, status: 'BALLOT', ballot } } });
    const { unmount } = renderPage(<ConventionPage />, { ...at, session: lightingSecretariat() });
    expect(await screen.findByRole('button', { name: 'Count the votes' })).toBeDisabled();
    expect(screen.getByText('The ballot is still open; count it after it closes.')).toBeInTheDocument();
    unmount();

    let counted = false;
    const closed = { ...draft, status: 'BALLOT', ballot: { ...ballot, closesAt: '2026-11-10T00:00:00Z' } };
    const calls = stubApi({
      [`GET ${url}`]: () => ({
        body: counted ? {
          ...closed, status: 'ADOPTED', adoptedAt: '2026-11-11T00:00:00Z',
          result: { electorate: 9, votesFor: 6, votesAgainst: 1, abstentions: 1, quorumReached: true, outcome: 'ADOPTED', talliedAt: '2026-11-11T00:00:00Z' },
        } : closed,
      }),
      [`POST ${url}/tally`]: () => { counted = true; return { body: {} }; },
      [`GET ${url}/acceptances`]: {
        body: {
          conventionId: 'conv-2', conventionVersion: 2, status: 'ADOPTED',
          accepted: [{ enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd', acceptedAt: '2026-11-12T00:00:00Z', conventionVersion: 2 }],
          notAccepted: [{ enterpriseId: 'ent-2', enterpriseName: 'Glow Co', memberNumber: 'LIGHT-2026-0002' }],
        },
      },
    });
    renderPage(<ConventionPage />, { ...at, session: lightingSecretariat() });
    await user.click(await screen.findByRole('button', { name: 'Count the votes' }));
    expect(await screen.findByText('The votes are counted.')).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'For' })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: 'For 6' })).toBeInTheDocument();
    expect(await screen.findByText('Glow Co (LIGHT-2026-0002)')).toBeInTheDocument();
    expect(screen.getByText(/Bright Lamps Ltd/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/tally'))).toBe(true);
  });
});
