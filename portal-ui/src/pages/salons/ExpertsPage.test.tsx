import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ExpertsPage from './ExpertsPage';

const me = { memberships: [{ clusterId: 'lighting', clusterName: 'Lighting', status: 'ACTIVE' }] };
const matches = {
  enterpriseId: 'opal', clusters: ['lighting'], experts: [{
    rank: 1, expertId: 'expert-wang', name: 'Wang Li', title: 'Professor', organisation: 'Institute', languages: ['zh-CN'],
    clusters: ['lighting'], score: 85, nextFreeSlot: { start: '2026-03-02T02:00:00Z', end: '2026-03-02T03:00:00Z' },
    reasons: [{ signal: 'TOPICS', points: 50, values: ['PACKAGING'], detail: '' }],
  }], salons: [],
};
const directory = { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 };
const notStated = { status: 409, body: { type: 'urn:brandcluster:problem:needs-not-stated', title: 'Needs not stated' } };

describe('ExpertsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the needs, states them and shows the best experts with their next free slot in my zone', async () => {
    let stated = false;
    const calls = stubApi({
      'GET /api/salons/needs': { status: 404, body: { title: 'Not found' } },
      'GET /api/membership/me': { body: me },
      'GET /api/salons/matches': () => (stated ? { body: matches } : notStated),
      'GET /api/salons/experts': { body: directory },
      'PUT /api/salons/needs': () => { stated = true; return { status: 201, body: {} }; },
    });
    renderPage(<ExpertsPage />, { session: sessionOf({ roles: ['enterprise'], enterprise_id: 'opal' }), timeZone: 'Asia/Shanghai' });
    expect(await screen.findByText(/State your needs above/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save needs and find matches' }));
    expect(screen.getByText('Choose at least one topic')).toBeInTheDocument();
    expect(screen.getByLabelText('What we need')).toHaveAccessibleDescription(expect.stringContaining('Required'));
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Packaging' }));
    await userEvent.type(screen.getByLabelText('What we need'), 'New gift boxes');
    await userEvent.type(screen.getByLabelText('Preferred languages (optional)'), 'zh-CN');
    await userEvent.click(screen.getByRole('button', { name: 'Save needs and find matches' }));
    expect(await screen.findByRole('link', { name: 'Wang Li' })).toHaveAttribute('href', '/salons/experts/expert-wang');
    expect(screen.getByText('Next free slot: Mar 2, 2026, 10:00 AM')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      topics: ['PACKAGING'], description: 'New gift boxes', languages: ['zh-CN'], clusters: [],
    });
  });

  it('shows the server\'s field error next to the needs field it names', async () => {
    stubApi({
      'GET /api/salons/needs': { body: { topics: ['DESIGN'], description: 'Logo', languages: [], clusters: [] } },
      'GET /api/membership/me': { body: me },
      'GET /api/salons/matches': { body: { ...matches, experts: [] } },
      'GET /api/salons/experts': { body: directory },
      'PUT /api/salons/needs': {
        status: 400, body: { title: 'Invalid request', errors: [{ field: 'description', message: 'must not be blank' }] },
      },
    });
    renderPage(<ExpertsPage />, { session: sessionOf({ roles: ['enterprise'], enterprise_id: 'opal' }) });
    expect(await screen.findByDisplayValue('Logo')).toBeInTheDocument();
    expect(screen.getByText(/No expert of your clusters covers these topics/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save needs and find matches' }));
    expect(await screen.findByLabelText('What we need')).toHaveAccessibleDescription(expect.stringContaining('must not be blank'));
  });
});
