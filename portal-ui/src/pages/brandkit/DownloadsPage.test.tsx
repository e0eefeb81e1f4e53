import { describe, expect, it } from 'vitest';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import DownloadsPage from './DownloadsPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const pageOf = (content: unknown[]) => ({ body: { content, page: 0, size: 20, totalElements: content.length, totalPages: 1 } });

describe('DownloadsPage', () => {
  it('shows downloads per asset, then the members with outdated versions', async () => {
    const calls = stubApi({
      'GET /api/assets/clusters/lighting/downloads?by=ASSET&page=0&size=20': pageOf([{ assetId: 'a1', title: 'Cluster logo', currentVersion: 2, downloads: 17, enterprises: 5, lastDownloadAt: '2026-03-01T02:00:00Z' }]),
      'GET /api/assets/clusters/lighting/downloads?by=OUTDATED&page=0&size=20': pageOf([{ enterpriseId: 'ent-3', assetId: 'a1', title: 'Cluster logo', downloadedVersion: 1, currentVersion: 2, downloadedAt: '2026-01-01T02:00:00Z' }]),
    });
    renderPage(<DownloadsPage />, { path: '/brand-kit/downloads', at: '/brand-kit/downloads?cluster=lighting', session: secretariat });
    expect(await screen.findByRole('link', { name: 'Cluster logo' })).toHaveAttribute('href', '/brand-kit/assets/a1');
    expect(screen.getByText('17')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'OUTDATED');
    expect(await screen.findByText('ent-3')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Version they have' })).toBeInTheDocument();
    await waitFor(() => expect(calls).toHaveLength(2));
  });

  it('is not for members', () => {
    stubApi({});
    renderPage(<DownloadsPage />, { path: '/brand-kit/downloads', at: '/brand-kit/downloads?cluster=lighting', session: sessionOf({ roles: ['enterprise'] }) });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Not available to you');
  });
});
