import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ProfilePage from './ProfilePage';

const clusters = [{ id: 'lighting', name: 'Lighting' }, { id: 'coking-coal', name: 'Coking coal' }];
const session = sessionOf({ roles: ['expert'], subject: 'expert-li', name: 'Li Na' });
const notFound = { status: 404, body: { title: 'Not found' } };

describe('ProfilePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the profile after checking it, with the chosen topics, languages and clusters', async () => {
    const calls = stubApi({
      'GET /api/salons/experts/expert-li': notFound,
      'GET /api/membership/clusters': { body: clusters },
      'POST /api/salons/experts': { status: 201, body: {} },
    });
    renderPage(<ProfilePage />, { session, timeZone: 'Asia/Shanghai' });
    await userEvent.click(await screen.findByRole('button', { name: 'Create my profile' }));
    expect(screen.getByText('Choose at least one topic')).toBeInTheDocument();
    expect(screen.getByLabelText('Languages I consult in')).toHaveAccessibleDescription(expect.stringContaining('Required'));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.click(screen.getByRole('checkbox', { name: 'Design' }));
    await userEvent.type(screen.getByLabelText('Languages I consult in'), 'zh-CN, en');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Lighting' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create my profile' }));
    await screen.findByText('Saved.');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Li Na', topics: ['DESIGN'], languages: ['zh-CN', 'en'], timeZone: 'Asia/Shanghai', clusters: ['lighting'],
    });
  }, 20_000);

  it('edits an existing profile with a merge patch that clears emptied fields and shows field errors', async () => {
    const calls = stubApi({
      'GET /api/salons/experts/expert-li': {
        body: { id: 'expert-li', name: 'Li Na', title: 'Dr', topics: ['DESIGN'], languages: ['zh-CN'], timeZone: 'Asia/Shanghai', clusters: [] },
      },
      'GET /api/membership/clusters': { body: clusters },
      'PATCH /api/salons/experts/expert-li': {
        status: 400, body: { title: 'Invalid request', errors: [{ field: 'timeZone', message: 'is not a known zone' }] },
      },
    });
    renderPage(<ProfilePage />, { session });
    await userEvent.clear(await screen.findByDisplayValue('Dr'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByLabelText('My time zone')).toHaveAccessibleDescription(expect.stringContaining('is not a known zone'));
    expect(calls.find((c) => c.method === 'PATCH')!.body).toMatchObject({ name: 'Li Na', title: null, topics: ['DESIGN'] });
  });
});
