import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import BrandKitPage from './BrandKitPage';
import { licenceOf } from './MemberBadge';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const member = sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' });
const me = (status = 'ACTIVE') => ({ body: { memberships: [{ clusterId: 'lighting', clusterName: 'Lighting', status }], secretariatOf: [] } });
const list = { body: { content: [{ id: 'a1', clusterId: 'lighting', kind: 'LOGO', title: 'Cluster logo', tags: ['logo', 'primary'], currentVersion: 2, updatedAt: '2026-03-01T02:00:00Z', version: 4 }], page: 0, size: 20, totalElements: 1, totalPages: 1 } };
const show = (session = member) => renderPage(<BrandKitPage />, { path: '/brand-kit', session });

beforeEach(() => {
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:badge'), revokeObjectURL: vi.fn() }));
});
afterEach(() => vi.unstubAllGlobals());

describe('BrandKitPage', () => {
  it('lists the assets the member may use', async () => {
    stubApi({ 'GET /api/membership/me': me(), 'GET /api/assets/clusters/lighting/assets': list });
    show();
    expect(await screen.findByRole('link', { name: 'Cluster logo' })).toHaveAttribute('href', '/brand-kit/assets/a1');
    expect(screen.getByText('logo, primary')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Upload an asset' })).not.toBeInTheDocument();
  });

  it('searches by kind, tag and words, and refuses words nothing can be found by', async () => {
    const calls = stubApi({ 'GET /api/membership/me': me(), 'GET /api/assets/clusters/lighting/assets': list });
    show();
    await screen.findByRole('link', { name: 'Cluster logo' });
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: 'a !' } });
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByLabelText('Words')).toHaveAccessibleDescription(/two or more letters or digits/);
    expect(calls.filter((c) => c.path === '/api/assets/clusters/lighting/assets')).toHaveLength(1);
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'LOGO');
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'primary' } });
    fireEvent.change(screen.getByLabelText('Words'), { target: { value: '标志' } });
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => {
      const last = calls.filter((c) => c.path === '/api/assets/clusters/lighting/assets').at(-1)!;
      expect(new URLSearchParams(last.search).get('kind')).toBe('LOGO');
      expect(new URLSearchParams(last.search).get('tag')).toBe('primary');
      expect(new URLSearchParams(last.search).get('q')).toBe('标志');
    });
  });

  it('gives a member in good standing the badge with its licence link', async () => {
    const calls = stubApi({
      'GET /api/membership/me': me(), 'GET /api/assets/clusters/lighting/assets': list,
      'GET /api/assets/clusters/lighting/badge': {
        body: '<svg/>',
        headers: { 'Content-Type': 'image/svg+xml', Link: '<https://portal.example/api/assets/licences/lic-42>; rel="license"' },
      },
    });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Get the badge (SVG)' }));
    expect(await screen.findByRole('link', { name: 'Its licence, as others see it' })).toHaveAttribute('href', '/licences/lic-42');
    expect(screen.getByRole('img', { name: 'Your member badge' })).toHaveAttribute('src', 'blob:badge');
    expect(screen.getByRole('link', { name: 'Save the SVG file' })).toHaveAttribute('download', 'member-badge-lighting.svg');
    expect(calls.find((c) => c.path === '/api/assets/clusters/lighting/badge')?.search).toBe('?format=svg');
  });

  it('explains to a lapsed member why there is no badge and what to do', async () => {
    stubApi({
      'GET /api/membership/me': me('LAPSED'), 'GET /api/assets/clusters/lighting/assets': { body: { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 } },
      'GET /api/assets/clusters/lighting/badge': {
        status: 403,
        body: { type: 'urn:brandcluster:problem:membership-lapsed', title: 'Membership lapsed', status: 403, detail: 'Your membership LIGHT-2026-0042 of cluster \'lighting\' has lapsed: renew it to use the cluster\'s brand assets again.', membershipStatus: 'LAPSED' },
      },
    });
    show();
    expect(await screen.findByText(/you see the public assets only/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Get the badge (PNG)' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your membership has lapsed');
    expect(alert).toHaveTextContent('LIGHT-2026-0042');
    expect(alert).toHaveTextContent('Renew the membership');
  });

  it('downloads the whole kit with progress', async () => {
    const calls = stubApi({
      'GET /api/membership/me': me(), 'GET /api/assets/clusters/lighting/assets': list,
      'GET /api/assets/clusters/lighting/kit.zip': { body: 'zip-bytes', headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="lighting-brand-kit.zip"' } },
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Download the kit (zip)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls.some((c) => c.path === '/api/assets/clusters/lighting/kit.zip')).toBe(true);
    expect(screen.getByRole('link', { name: 'Direct link, for a very large kit' })).toHaveAttribute('href', '/api/assets/clusters/lighting/kit.zip');
  });

  it('offers the secretariat uploads and download records', async () => {
    stubApi({ 'GET /api/membership/me': { body: { memberships: [], secretariatOf: ['lighting'] } }, 'GET /api/assets/clusters/lighting/assets': list });
    show(sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] }));
    expect(await screen.findByRole('link', { name: 'Upload an asset' })).toHaveAttribute('href', '/brand-kit/new?cluster=lighting');
    expect(screen.getByRole('link', { name: 'Download records' })).toHaveAttribute('href', '/brand-kit/downloads?cluster=lighting');
    expect(screen.queryByRole('button', { name: 'Get the badge (SVG)' })).not.toBeInTheDocument();
  });
});

describe('licenceOf', () => {
  it('reads the licence id of the badge\'s Link header', () => {
    expect(licenceOf('<http://h/api/assets/licences/abc>; rel="license"')).toBe('abc');
    expect(licenceOf('<http://h/other>; rel="next"')).toBeUndefined();
    expect(licenceOf(null)).toBeUndefined();
  });
});
