import { describe, expect, it } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import BoardPage from './BoardPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const me = { body: { memberships: [{ clusterId: 'lighting', clusterName: 'Lighting', status: 'ACTIVE' }], secretariatOf: [] } };
const post = (id: string, enterpriseId: string, title: string) => ({
  id, clusterId: 'lighting', enterpriseId, enterpriseName: enterpriseId === 'ent-1' ? 'Our Co' : 'Bright Lamps', kind: 'NEED',
  category: 'SUPPLY', title, description: 'LED drivers, 10k units', region: 'CN-ZJ', tags: ['led'],
  validUntil: '2030-01-01T00:00:00Z', status: 'OPEN', version: 0,
});
const posts = { body: { content: [post('p1', 'ent-2', 'Need LED drivers'), post('p2', 'ent-1', 'Our own need')], page: 0, size: 20, totalElements: 2, totalPages: 1 } };
const enterprise = sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' });
const show = () => renderPage(<BoardPage />, { path: '/events/board', session: enterprise });

describe('BoardPage', () => {
  it('lists needs and offers and lets an enterprise close only its own post', async () => {
    const calls = stubApi({
      'GET /api/membership/me': me, 'GET /api/events/clusters/lighting/posts': posts,
      'POST /api/events/posts/p2/withdrawal': { body: { ...post('p2', 'ent-1', 'Our own need'), status: 'WITHDRAWN' } },
    });
    show();
    const other = (await screen.findByText('Need LED drivers')).closest('li')!;
    expect(other).toHaveTextContent('Bright Lamps · Supply · CN-ZJ');
    expect(within(other).queryByRole('button', { name: 'Close this post' })).not.toBeInTheDocument();
    const own = screen.getByText('Our own need').closest('li')!;
    await userEvent.click(within(own).getByRole('button', { name: 'Close this post' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/events/posts/p2/withdrawal')).toBe(true));
  });

  it('filters by kind and words', async () => {
    const calls = stubApi({ 'GET /api/membership/me': me, 'GET /api/events/clusters/lighting/posts': posts });
    show();
    await screen.findByText('Need LED drivers');
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'OFFER');
    await userEvent.type(screen.getByLabelText('Words'), 'drivers');
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      const last = calls.filter((c) => c.path === '/api/events/clusters/lighting/posts').at(-1)!;
      expect(last.search).toContain('kind=OFFER');
      expect(last.search).toContain('q=drivers');
    });
  });

  it('checks a new post before sending it', async () => {
    const calls = stubApi({ 'GET /api/membership/me': me, 'GET /api/events/clusters/lighting/posts': posts });
    show();
    await userEvent.click(await screen.findByText('Post a need or an offer'));
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'Zhejiang' } });
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(screen.getByLabelText('Region')).toHaveAccessibleDescription(/Use a code such as CN or CN-GD/);
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Required.');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('posts a need valid through the chosen day and shows the server\'s field errors', async () => {
    let answer = { status: 400, body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', status: 400, errors: [{ field: 'region', message: 'must be an ISO 3166 country or subdivision code such as CN or CN-GD' }] } } as { status: number; body: unknown };
    const calls = stubApi({
      'GET /api/membership/me': me, 'GET /api/events/clusters/lighting/posts': posts,
      'POST /api/events/clusters/lighting/posts': () => answer,
    });
    show();
    await userEvent.click(await screen.findByText('Post a need or an offer'));
    await userEvent.selectOptions(screen.getByLabelText('Need or offer'), 'NEED');
    await userEvent.selectOptions(screen.getByLabelText('Category'), 'TECHNOLOGY');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Optics partner' } });
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Lens design' } });
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'xx-zz' } });
    fireEvent.change(screen.getByLabelText('Valid until (inclusive)'), { target: { value: '2030-06-30' } });
    fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'optics, lens' } });
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(screen.getByLabelText('Region')).toHaveAccessibleDescription(/must be an ISO 3166/));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      kind: 'NEED', category: 'TECHNOLOGY', title: 'Optics partner', description: 'Lens design', region: 'XX-ZZ',
      validUntil: new Date('2030-06-30T23:59:59').toISOString(), tags: ['optics', 'lens'],
    });
    answer = { status: 201, body: post('p3', 'ent-1', 'Optics partner') };
    fireEvent.change(screen.getByLabelText('Region'), { target: { value: 'CN-ZJ' } });
    await userEvent.click(screen.getByRole('button', { name: 'Post' }));
    expect(await screen.findByText(/Posted: members of the cluster see it now/)).toBeInTheDocument();
  });
});
