import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import AssetPage from './AssetPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const version = (number: number, status: string) => ({
  number, status, filename: `logo-v${number}.svg`, contentType: 'image/svg+xml', size: 2048 * number, sha256: 'x',
  uploadedAt: '2026-03-01T02:00:00Z', content: `/api/assets/assets/a1/content?version=${number}`,
});
const asset = {
  id: 'a1', clusterId: 'lighting', kind: 'LOGO', title: 'Cluster logo', tags: ['logo'], accessLevel: 'MEMBERS',
  usageNotes: 'Keep clear space.', status: 'PUBLISHED', currentVersion: 2,
  versions: [version(1, 'RETIRED'), version(2, 'PUBLISHED'), version(3, 'DRAFT')], version: 5,
};
const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const show = (session = secretariat) => renderPage(<AssetPage />, { path: '/brand-kit/assets/:assetId', at: '/brand-kit/assets/a1', session });

describe('AssetPage', () => {
  it('shows a member the published version with its logo renditions', async () => {
    stubApi({ 'GET /api/assets/assets/a1': { body: { ...asset, versions: [version(2, 'PUBLISHED')] } } });
    show(sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' }));
    expect(await screen.findByRole('button', { name: 'Download version 2' })).toBeInTheDocument();
    for (const px of [256, 512, 1024]) expect(screen.getByRole('button', { name: `PNG ${px} px` })).toBeInTheDocument();
    expect(screen.getByText('Keep clear space.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish' })).not.toBeInTheDocument();
    expect(screen.queryByText('Share links')).not.toBeInTheDocument();
  });

  it('explains a lapsed member\'s refusal of a download', async () => {
    stubApi({
      'GET /api/assets/assets/a1': { body: { ...asset, versions: [version(2, 'PUBLISHED')] } },
      'GET /api/assets/assets/a1/content': { status: 403, body: { type: 'urn:brandcluster:problem:membership-lapsed', title: 'Membership lapsed', status: 403, detail: 'Your membership LIGHT-2026-0042 has lapsed.' } },
    });
    show(sessionOf({ roles: ['enterprise'], enterprise_id: 'ent-1' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Download version 2' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your membership has lapsed');
    expect(alert).toHaveTextContent('Renew the membership');
  });

  it('lets the secretariat publish a draft and retire the published version', async () => {
    const calls = stubApi({
      'GET /api/assets/assets/a1': { body: asset },
      'GET /api/assets/assets/a1/share-links': { body: [] },
      'POST /api/assets/assets/a1/versions/3/publication': { body: asset },
    });
    show();
    const draftRow = (await screen.findByText('logo-v3.svg')).closest('tr')!;
    expect(within(screen.getByText('logo-v2.svg').closest('tr')!).getByRole('button', { name: 'Retire' })).toBeInTheDocument();
    await userEvent.click(within(draftRow).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/assets/assets/a1/versions/3/publication')).toBe(true));
  });

  it('creates a share link after checking it, shows its URL once, and revokes links', async () => {
    const link = { id: 'l1', assetId: 'a1', expiresAt: '2030-01-01T00:00:00Z', downloads: 3, maxDownloads: 10, note: 'Printer', state: 'ACTIVE', version: 2 };
    const calls = stubApi({
      'GET /api/assets/assets/a1': { body: asset },
      'GET /api/assets/assets/a1/share-links': { body: [link] },
      'POST /api/assets/assets/a1/share-links': { status: 201, body: { id: 'l2', url: '/api/assets/shared/tok-secret', link: { ...link, id: 'l2' } } },
      'DELETE /api/assets/share-links/l1': { status: 204 },
    });
    show();
    expect(await screen.findByText('3 / 10')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }));
    expect(screen.getByLabelText('Expires')).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('For whom and why')).toHaveAccessibleDescription(/Required\./);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '2030-06-30T18:00' } });
    fireEvent.change(screen.getByLabelText('Most downloads'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('For whom and why'), { target: { value: 'Agency' } });
    await userEvent.selectOptions(screen.getByLabelText('Version'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }));
    expect(await screen.findByText(`${window.location.origin}/api/assets/shared/tok-secret`)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      version: 2, expiresAt: new Date('2030-06-30T18:00').toISOString(), maxDownloads: 5, note: 'Agency',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/assets/share-links/l1')).toBe(true));
  });

  it('shows the server\'s refusal of a share link\'s expiry next to it', async () => {
    stubApi({
      'GET /api/assets/assets/a1': { body: asset },
      'GET /api/assets/assets/a1/share-links': { body: [] },
      'POST /api/assets/assets/a1/share-links': { status: 400, body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', status: 400, errors: [{ field: 'expiresAt', message: 'must be a future date' }] } },
    });
    show();
    await screen.findByText(/No share links/);
    fireEvent.change(screen.getByLabelText('Expires'), { target: { value: '2030-06-30T18:00' } });
    fireEvent.change(screen.getByLabelText('For whom and why'), { target: { value: 'Agency' } });
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }));
    await waitFor(() => expect(screen.getByLabelText('Expires')).toHaveAccessibleDescription('must be a future date'));
  });

  it('uploads a new version with progress', async () => {
    const sent: { url?: string; form?: FormData } = {};
    class FakeXhr {
      upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
      onload?: () => void;
      onerror?: () => void;
      status = 201;
      responseText = JSON.stringify(asset);
      withCredentials = false;
      open(_method: string, url: string) { sent.url = url; }
      setRequestHeader() {}
      send(form: FormData) {
        sent.form = form;
        this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
        setTimeout(() => this.onload?.());
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    stubApi({ 'GET /api/assets/assets/a1': { body: asset }, 'GET /api/assets/assets/a1/share-links': { body: [] } });
    show();
    await userEvent.click(await screen.findByRole('button', { name: 'Upload' }));
    expect(screen.getByLabelText('File', { selector: 'input' })).toHaveAccessibleDescription('Choose a file.');
    expect(sent.url).toBeUndefined();
    const file = new File(['<svg/>'], 'logo-v4.svg', { type: 'image/svg+xml' });
    await userEvent.upload(screen.getByLabelText('File', { selector: 'input' }), file);
    fireEvent.change(screen.getByLabelText('What changed'), { target: { value: 'Thicker stroke' } });
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText(/Uploaded as a draft/)).toBeInTheDocument();
    expect(sent.url).toBe('/api/assets/assets/a1/versions?notes=Thicker%20stroke');
    expect((sent.form!.get('file') as File).name).toBe('logo-v4.svg');
    vi.unstubAllGlobals();
  });
});
