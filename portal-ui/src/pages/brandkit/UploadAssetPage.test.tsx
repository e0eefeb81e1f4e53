import { afterEach, describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage, sessionOf } from '../../test/render';
import UploadAssetPage from './UploadAssetPage';

// the machine may be busy with other builds: give the first render (lazy modules, jsdom) time
configure({ asyncUtilTimeout: 5000 });

const secretariat = sessionOf({ roles: ['secretariat'], secretariat_of: ['lighting'] });
const routes = [
  { path: '/brand-kit/new', element: <UploadAssetPage /> },
  { path: '/brand-kit/assets/:assetId', element: <p>asset page</p> },
];

/** Answers every upload with this status and body, and keeps what was sent. */
function fakeXhr(status: number, body: unknown) {
  const sent: { url?: string; form?: FormData } = {};
  vi.stubGlobal('XMLHttpRequest', class {
    upload = {};
    status = status;
    responseText = JSON.stringify(body);
    withCredentials = false;
    onload?: () => void;
    open(_method: string, url: string) { sent.url = url; }
    setRequestHeader() {}
    send(form: FormData) { sent.form = form; setTimeout(() => this.onload?.()); }
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

async function fill() {
  await userEvent.upload(screen.getByLabelText('File'), new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
  await userEvent.selectOptions(screen.getByLabelText('Kind'), 'LOGO');
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Cluster logo' } });
  fireEvent.change(screen.getByLabelText('Tags'), { target: { value: 'logo, primary' } });
}

describe('UploadAssetPage', () => {
  it('asks for the file, kind, title and a tier rank before uploading', async () => {
    const sent = fakeXhr(201, {});
    renderPage(<></>, { routes, at: '/brand-kit/new?cluster=lighting', session: secretariat });
    await userEvent.selectOptions(screen.getByLabelText('Who may use it'), 'TIER');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByLabelText('File')).toHaveAccessibleDescription('Choose a file.');
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText('Lowest tier rank')).toHaveAccessibleDescription(/A whole number from 1 to 1000/);
    expect(sent.url).toBeUndefined();
  });

  it('uploads the file with its details as a JSON part and opens the new asset', async () => {
    const sent = fakeXhr(201, { id: 'a9', version: 0 });
    const { router } = renderPage(<></>, { routes, at: '/brand-kit/new?cluster=lighting', session: secretariat });
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/brand-kit/assets/a9'));
    expect(sent.url).toBe('/api/assets/clusters/lighting/assets');
    const metadata = sent.form!.get('metadata') as Blob;
    expect(metadata.type).toBe('application/json');
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(metadata);
    });
    expect(JSON.parse(text)).toEqual({ kind: 'LOGO', title: 'Cluster logo', tags: ['logo', 'primary'], accessLevel: 'MEMBERS' });
  });

  it('shows the server\'s refusal of a field next to it', async () => {
    fakeXhr(400, { type: 'urn:brandcluster:problem:validation', title: 'Invalid request', status: 400, errors: [{ field: 'title', message: 'size must be between 0 and 200' }] });
    renderPage(<></>, { routes, at: '/brand-kit/new?cluster=lighting', session: secretariat });
    await fill();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('size must be between 0 and 200'));
  });
});
