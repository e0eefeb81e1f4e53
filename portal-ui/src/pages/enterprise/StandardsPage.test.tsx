import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import StandardsPage from './StandardsPage';
import { isValidStandardCode, normaliseStandardCode } from './checks';
import { ENTERPRISE_ID, me, problem } from './fixtures';

const member = () => sessionOf({ roles: ['enterprise'], enterprise_id: ENTERPRISE_ID });
const path = `/api/membership/clusters/lighting/members/${ENTERPRISE_ID}/standards`;
const certified = {
  id: 'ad-1', clusterId: 'lighting', enterpriseId: ENTERPRISE_ID, code: 'GB/T 29187-2012', title: 'Brand evaluation',
  kind: 'A', declaredOn: '2026-03-02', status: 'CERTIFIED', version: 2,
  certification: { certificateNumber: 'ZJ-2026-77', certificationBody: 'Zhejiang Brand Certification Alliance', expiresOn: '2028-03-01' },
  pastCertifications: [],
};
const api = (extra = {}) => stubApi({
  'GET /api/membership/me': { body: me },
  [`GET ${path}`]: { body: [certified] },
  ...extra,
});

describe('standards', () => {
  it('shows the declared standards and the certificates the secretariat recorded', async () => {
    api();
    renderPage(<StandardsPage />, { session: member() });

    const row = within(await screen.findByRole('table')).getAllByRole('row')[1];
    expect(row).toHaveTextContent(/GB\/T 29187-2012.*Brand evaluation.*A: good enterprise.*Mar 2, 2026.*Certified/);
    expect(row).toHaveTextContent('No. ZJ-2026-77, Zhejiang Brand Certification Alliance, valid until Mar 1, 2028');
  });

  it('checks the standard code and the kind before sending', async () => {
    const calls = api();
    renderPage(<StandardsPage />, { session: member() });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Standard code'), 'quality first');
    await user.type(screen.getByLabelText('Title'), 'Good service');
    await user.click(screen.getByRole('button', { name: 'Declare' }));

    expect(screen.getByLabelText('Standard code')).toHaveAccessibleDescription(/Enter a code such as GB\/T 29187-2012/);
    expect(screen.getByLabelText('Kind')).toHaveAccessibleDescription('Choose A, B or C.');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('declares a standard with the normalised code and lists it', async () => {
    let declared = false;
    const service = { id: 'ad-2', code: 'T/ZZB 0001-2018', title: 'Good service', kind: 'C', status: 'SELF_DECLARED', version: 1, declaredOn: '2026-07-01' };
    const calls = api({
      [`GET ${path}`]: () => ({ body: declared ? [certified, service] : [certified] }),
      [`POST ${path}`]: () => { declared = true; return { status: 201, body: service }; },
    });
    renderPage(<StandardsPage />, { session: member() });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Standard code'), ' t/zzb  0001-2018 ');
    await user.type(screen.getByLabelText('Title'), 'Good service');
    await user.selectOptions(screen.getByLabelText('Kind'), 'C');
    await user.type(screen.getByLabelText('Link to the evidence'), 'https://opal.example/service.pdf');
    await user.click(screen.getByRole('button', { name: 'Declare' }));

    expect(await screen.findByText('T/ZZB 0001-2018 is declared.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      code: 'T/ZZB 0001-2018', title: 'Good service', kind: 'C', evidenceUrl: 'https://opal.example/service.pdf',
    });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3));
  });

  it('shows the server\'s field errors by their fields', async () => {
    api({
      [`POST ${path}`]: problem(400, 'validation', '1 field is invalid.', { errors: [{ field: 'declaredOn', message: 'must be a date in the past or in the present' }] }),
    });
    renderPage(<StandardsPage />, { session: member() });
    const user = userEvent.setup();

    await user.type(await screen.findByLabelText('Standard code'), 'GB/T 29187-2012');
    await user.type(screen.getByLabelText('Title'), 'Brand evaluation');
    await user.selectOptions(screen.getByLabelText('Kind'), 'A');
    await user.click(screen.getByRole('button', { name: 'Declare' }));

    await waitFor(() => expect(screen.getByLabelText('Adopted on')).toHaveAccessibleDescription(/must be a date in the past or in the present/));
  });

  it('lets only active members declare', async () => {
    api({ 'GET /api/membership/me': { body: { ...me, memberships: [{ ...me.memberships[0], status: 'LAPSED' }] } } });
    renderPage(<StandardsPage />, { session: member() });

    expect(await screen.findByText('Active members declare standards.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Declare' })).not.toBeInTheDocument();
  });
});

describe('standard codes', () => {
  it.each(['GB/T 29187-2012', 'T/ZZB 0001-2018', 'ISO 9001:2015', 'GB 7000.1-2015'])('accepts %s', (code) => {
    expect(isValidStandardCode(code)).toBe(true);
  });

  it.each(['quality', 'GB/T29187-2012', 'GB/T 29187', 'GB/T 29187-1899'])('refuses %s', (code) => {
    expect(isValidStandardCode(code)).toBe(false);
  });

  it('reads codes as the service does: blanks collapsed, capitals', () => {
    expect(normaliseStandardCode('  gb/t   29187-2012 ')).toBe('GB/T 29187-2012');
  });
});
