import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, stubApi } from '../../test/render';
import StandardsPage from './StandardsPage';
import { lightingSecretariat, page } from './testing';

/** Typing without a pause between keys: the forms are long, and the machine may be busy. */
const user = userEvent.setup({ delay: null });

const at = { path: '/secretariat/:clusterId/standards', at: '/secretariat/lighting/standards' };
const members = page([
  { enterpriseId: 'ent-1', enterpriseName: 'Bright Lamps Ltd', standards: [{ code: 'GB/T 29187-2012', status: 'SELF_DECLARED' }] },
  { enterpriseId: 'ent-2', enterpriseName: 'No Standards Co', standards: [] },
]);
const adoption = {
  id: 'ad-1', clusterId: 'lighting', enterpriseId: 'ent-1', code: 'GB/T 29187-2012', title: 'Brand evaluation', kind: 'A',
  declaredOn: '2026-05-01', status: 'SELF_DECLARED', version: 1,
};
const standards = '/api/membership/clusters/lighting/members/ent-1/standards';

describe('StandardsPage', () => {
  it('lists the members who declared standards and shows one member\'s adoptions', async () => {
    stubApi({ 'GET /api/membership/clusters/lighting/members': { body: members }, [`GET ${standards}`]: { body: [adoption] } });
    renderPage(<StandardsPage />, { ...at, session: lightingSecretariat() });
    await user.click(await screen.findByRole('button', { name: 'Show the standards of Bright Lamps Ltd' }));
    expect(screen.queryByText('No Standards Co')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: /GB\/T 29187-2012 · Brand evaluation/ })).toBeInTheDocument();
    expect(screen.getByText(/A: good enterprise/)).toBeInTheDocument();
  });

  it('records a certificate, checked before sending', async () => {
    const calls = stubApi({
      'GET /api/membership/clusters/lighting/members': { body: members },
      [`GET ${standards}`]: { body: [adoption] },
      [`POST ${standards}/ad-1/certification`]: { body: { ...adoption, status: 'CERTIFIED' } },
    });
    renderPage(<StandardsPage />, { at: '/secretariat/lighting/standards?enterprise=ent-1', path: at.path, session: lightingSecretariat() });
    await screen.findByRole('heading', { name: /Brand evaluation/ });
    await user.type(screen.getByLabelText('Expires on'), '2001-01-01');
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(screen.getByText('The certificate must expire in the future.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await user.type(screen.getByLabelText('Certificate number'), 'CQC-1');
    await user.type(screen.getByLabelText('Certification body'), 'CQC');
    await user.clear(screen.getByLabelText('Expires on'));
    await user.type(screen.getByLabelText('Expires on'), '2099-12-31');
    await user.click(screen.getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(screen.getByLabelText('Certificate number')).toHaveValue(''));
    expect(calls.filter((c) => c.method === 'GET' && c.path === standards)).toHaveLength(2);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ certificateNumber: 'CQC-1', certificationBody: 'CQC', expiresOn: '2099-12-31' });
  });

  it('shows the server\'s refusal next to the field', async () => {
    stubApi({
      'GET /api/membership/clusters/lighting/members': { body: members },
      [`GET ${standards}`]: { body: [adoption] },
      [`POST ${standards}/ad-1/certification`]: {
        status: 400,
        body: { type: 'urn:brandcluster:problem:validation', title: 'Invalid', errors: [{ field: 'certificateNumber', message: 'already recorded' }] },
      },
    });
    renderPage(<StandardsPage />, { at: '/secretariat/lighting/standards?enterprise=ent-1', path: at.path, session: lightingSecretariat() });
    await screen.findByRole('heading', { name: /Brand evaluation/ });
    await user.type(screen.getByLabelText('Certificate number'), 'CQC-1');
    await user.type(screen.getByLabelText('Certification body'), 'CQC');
    await user.type(screen.getByLabelText('Expires on'), '2099-12-31');
    await user.click(screen.getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('already recorded')).toBeInTheDocument();
    expect(screen.getByLabelText('Certificate number')).toHaveAttribute('aria-invalid', 'true');
  });
});
