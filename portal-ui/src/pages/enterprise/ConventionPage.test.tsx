import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi, type Stubbed } from '../../test/render';
import ConventionPage from './ConventionPage';
import { ENTERPRISE_ID, lighting, problem } from './fixtures';

const member = () => sessionOf({ roles: ['enterprise'], enterprise_id: ENTERPRISE_ID });
const future = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString();
const inBallot = {
  id: 'conv-3', clusterId: 'lighting', conventionVersion: 3, title: 'Lighting cluster convention, 2026 revision',
  body: 'Article 1. Members use the cluster mark.\n\nArticle 2. Members pay the annual fee.', status: 'BALLOT',
  changeSummary: 'Adds article 2.', version: 5,
  ballot: { openedAt: '2026-06-01T01:00:00Z', closesAt: future, quorumPercent: 50, electorate: 9 },
};
const adopted = {
  ...inBallot, status: 'ADOPTED', adoptedAt: '2026-06-10T02:00:00Z', ballot: { ...inBallot.ballot, closesAt: '2026-06-09T01:00:00Z' },
  result: { electorate: 9, votesFor: 6, votesAgainst: 1, abstentions: 1, quorumReached: true, outcome: 'ADOPTED', talliedAt: '2026-06-10T02:00:00Z' },
};
const at = { path: '/membership/conventions/:conventionId', at: '/membership/conventions/conv-3' };
const api = (convention: object, extra: Record<string, Stubbed | ((r: Request) => Stubbed)> = {}) => stubApi({
  'GET /api/membership/clusters': { body: [lighting] },
  'GET /api/membership/conventions/conv-3': { body: convention },
  ...extra,
});

describe('a convention in ballot', () => {
  it('shows the text and the ballot, and asks for a choice before sending a vote', async () => {
    const calls = api(inBallot, { 'GET /api/membership/conventions/conv-3/votes/mine': problem(404, 'not-found', 'No vote') });
    renderPage(<ConventionPage />, { session: member(), ...at });
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Lighting cluster convention, 2026 revision' })).toBeInTheDocument();
    expect(screen.getByText('Article 2. Members pay the annual fee.')).toBeInTheDocument();
    expect(screen.getByText('Adds article 2.')).toBeInTheDocument();
    expect(screen.getByText('Enterprises entitled to vote').nextElementSibling).toHaveTextContent('9');

    await user.click(await screen.findByRole('button', { name: 'Cast the vote' }));
    expect(screen.getByText('Choose for, against or abstain.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('casts the enterprise\'s vote and shows it afterwards', async () => {
    let cast = false;
    const calls = api(inBallot, {
      'GET /api/membership/conventions/conv-3/votes/mine': () => cast
        ? { body: { conventionId: 'conv-3', enterpriseId: ENTERPRISE_ID, choice: 'AGAINST', castAt: '2026-06-02T03:00:00Z' } }
        : problem(404, 'not-found', 'No vote'),
      'POST /api/membership/conventions/conv-3/votes': () => {
        cast = true;
        return { body: { conventionId: 'conv-3', enterpriseId: ENTERPRISE_ID, choice: 'AGAINST', castAt: '2026-06-02T03:00:00Z' } };
      },
    });
    renderPage(<ConventionPage />, { session: member(), ...at });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('radio', { name: 'Against' }));
    await user.click(screen.getByRole('button', { name: 'Cast the vote' }));

    expect(await screen.findByText(/Your enterprise voted: Against \(Jun 2, 2026, 11:00 AM\)/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ choice: 'AGAINST' });
    expect(screen.queryByRole('button', { name: 'Cast the vote' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Change the vote' })).toBeInTheDocument();
  });

  it('shows the 409 when the ballot closed meanwhile', async () => {
    api(inBallot, {
      'GET /api/membership/conventions/conv-3/votes/mine': problem(404, 'not-found', 'No vote'),
      'POST /api/membership/conventions/conv-3/votes': problem(409, 'ballot-closed', 'The ballot closed at 2026-06-09T01:00:00Z; its votes are being counted.'),
    });
    renderPage(<ConventionPage />, { session: member(), ...at });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('radio', { name: 'For' }));
    await user.click(screen.getByRole('button', { name: 'Cast the vote' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('its votes are being counted');
  });

  it('tells an enterprise outside the electorate that it does not vote', async () => {
    api(inBallot, { 'GET /api/membership/conventions/conv-3/votes/mine': problem(403, 'forbidden', 'Not in the electorate') });
    renderPage(<ConventionPage />, { session: member(), ...at });

    expect(await screen.findByText(/not in this ballot's electorate/)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('shows no voting to a secretariat', async () => {
    api(inBallot);
    renderPage(<ConventionPage />, { session: sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }), ...at });

    expect(await screen.findByRole('heading', { name: 'Ballot' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });
});

describe('an adopted convention', () => {
  it('shows the result of the tally and lets a member accept it', async () => {
    const calls = api(adopted, {
      'POST /api/membership/conventions/conv-3/acceptances': {
        status: 201, body: { conventionId: 'conv-3', conventionVersion: 3, enterpriseId: ENTERPRISE_ID, acceptedAt: '2026-06-11T01:00:00Z' },
      },
    });
    renderPage(<ConventionPage />, { session: member(), ...at });
    const user = userEvent.setup();

    const result = (await screen.findByRole('heading', { name: 'Result' })).closest('section')!;
    expect(within(result).getByText('Adopted')).toBeInTheDocument();
    expect(within(result).getByRole('row', { name: /For 6 67%/ })).toBeInTheDocument();
    expect(within(result).getByRole('row', { name: /Did not vote 1 11%/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Accept the convention' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(await screen.findByText(/accepted this convention on Jun 11, 2026/)).toBeInTheDocument();
  });

  it('shows a refused acceptance\'s problem', async () => {
    api(adopted, {
      'POST /api/membership/conventions/conv-3/acceptances': problem(403, 'forbidden', 'Only the ACTIVE members of cluster \'lighting\' accept its convention.'),
    });
    renderPage(<ConventionPage />, { session: member(), ...at });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Accept the convention' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only the ACTIVE members');
  });
});
