import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import ClusterPickerPage from './ClusterPickerPage';
import { lighting } from './testing';

describe('ClusterPickerPage', () => {
  it('lists the clusters the user serves, by name', async () => {
    stubApi({ 'GET /api/membership/clusters': { body: [lighting, { ...lighting, id: 'coal', name: 'Coking Coal' }] } });
    renderPage(<ClusterPickerPage />, { session: sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }) });
    expect(await screen.findByRole('link', { name: 'Lighting Brand Cluster' })).toHaveAttribute('href', '/secretariat/lighting');
    expect(screen.queryByText('Coking Coal')).not.toBeInTheDocument();
  });

  it('sends the alliance office to its own pages', async () => {
    stubApi({ 'GET /api/membership/clusters': { body: [lighting] } });
    renderPage(<ClusterPickerPage />, { session: sessionOf({ roles: ['alliance-admin'] }) });
    expect(await screen.findByText(/Open the alliance office/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Alliance office' })).toHaveAttribute('href', '/alliance');
  });

  it('asks an anonymous visitor to sign in', () => {
    stubApi({});
    renderPage(<ClusterPickerPage />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});
