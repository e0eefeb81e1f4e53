import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import ConventionsPage from './ConventionsPage';
import { lightingSecretariat } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const routes = [
  { path: '/secretariat/:clusterId/conventions', element: <ConventionsPage /> },
  { path: '/secretariat/:clusterId/conventions/:conventionId', element: <p>convention page</p> },
];
const list = '/api/membership/clusters/lighting/conventions';

describe('ConventionsPage', () => {
  it('lists the versions, newest first', async () => {
    stubApi({
      [`GET ${list}`]: {
        body: [
          { id: 'c1', conventionVersion: 1, title: 'Founding charter', status: 'ADOPTED', updatedAt: '2026-01-01T00:00:00Z', version: 1 },
          { id: 'c2', conventionVersion: 2, title: 'Charter 2027', status: 'DRAFT', updatedAt: '2026-11-01T00:00:00Z', version: 1 },
        ],
      },
    });
    renderPage(<ConventionsPage />, { routes, at: '/secretariat/lighting/conventions', session: lightingSecretariat() });
    const links = await screen.findAllByRole('link', { name: /charter/i });
    expect(links.map((l) => l.textContent)).toEqual(['Charter 2027', 'Founding charter']);
    expect(links[0]).toHaveAttribute('href', '/secretariat/lighting/conventions/c2');
  });

  it('creates a draft after checking it, and opens it', async () => {
    const calls = stubApi({
      [`GET ${list}`]: { body: [] },
      [`POST ${list}`]: { status: 201, body: { id: 'c3', conventionVersion: 1, status: 'DRAFT', version: 0 } },
    });
    renderPage(<ConventionsPage />, { routes, at: '/secretariat/lighting/conventions', session: lightingSecretariat() });
    expect(await screen.findByText(/No convention yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New draft' }));
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.type(screen.getByLabelText('Title'), 'Charter');
    await user.type(screen.getByLabelText('Text'), 'Article 1.');
    await user.click(screen.getByRole('button', { name: 'Create the draft' }));
    expect(await screen.findByText('convention page')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ title: 'Charter', body: 'Article 1.' });
  });
});
