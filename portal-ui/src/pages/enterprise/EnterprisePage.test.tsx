import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderPage, sessionOf, stubApi } from '../../test/render';
import EnterprisePage from './EnterprisePage';
import { ENTERPRISE_ID, me, problem } from './fixtures';

const registering = () => sessionOf({ roles: ['enterprise'] });
const member = () => sessionOf({ roles: ['enterprise'], enterprise_id: ENTERPRISE_ID, subject: 'subject-1' });

const profile = {
  id: ENTERPRISE_ID, legalName: 'Opal Lighting Co., Ltd.', creditCode: '91350100M000100Y43', region: 'Fujian',
  industry: 'Lighting', size: 'MEDIUM', website: 'https://opal.example', trademarks: ['OPAL'],
  contacts: [{ name: 'Li Wei', role: 'Brand manager', email: 'li@opal.example' }], registeredAt: '2026-02-01T01:00:00Z',
};
const colleagues = [
  { userId: 'subject-1', email: 'admin@opal.example', role: 'ADMIN', since: '2026-02-01T01:00:00Z', status: 'ACTIVE' },
  { userId: 'user-2', email: 'staff@opal.example', role: 'STAFF', since: '2026-02-03T01:00:00Z', status: 'ACTIVE' },
];
const registeredApi = (extra = {}) => stubApi({
  [`GET /api/membership/enterprises/${ENTERPRISE_ID}`]: { body: profile },
  [`GET /api/membership/enterprises/${ENTERPRISE_ID}/colleagues`]: { body: colleagues },
  'GET /api/membership/me': { body: me },
  'GET /api/membership/clusters/lighting/conventions/current': problem(404, 'not-found', 'No convention'),
  ...extra,
});

async function fillRegistration(code: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Legal name'), 'Opal Lighting Co., Ltd.');
  await user.type(screen.getByLabelText('Unified social credit code'), code);
  await user.type(screen.getByLabelText('Region'), 'Fujian');
  await user.type(screen.getByLabelText('Industry'), 'Lighting');
  return user;
}

describe('registering the enterprise', () => {
  it('checks the credit code\'s GB 32100 check character before sending anything', async () => {
    const calls = stubApi({});
    renderPage(<EnterprisePage />, { session: registering() });

    const user = await fillRegistration('91350100M000100Y44');
    await user.click(screen.getByRole('button', { name: 'Register the enterprise' }));

    expect(screen.getByLabelText('Unified social credit code')).toHaveAccessibleDescription(/last character does not match/);
    expect(calls).toHaveLength(0);
  });

  it('registers with the normalised code and refreshes the session so the enterprise applies at once', async () => {
    const calls = stubApi({
      'POST /api/membership/enterprises': { status: 201, body: { enterprise: profile, tokenRefreshRequired: true } },
    });
    const session = registering();
    renderPage(<EnterprisePage />, { session });

    const user = await fillRegistration(' 91350100m000100y43 ');
    await user.selectOptions(screen.getByLabelText('Size'), 'MEDIUM');
    await user.type(screen.getByLabelText('Registered trademarks'), 'OPAL{enter}Opal Star');
    await user.click(screen.getByRole('button', { name: 'Add a contact' }));
    await user.type(screen.getByLabelText('Name'), 'Li Wei');
    await user.click(screen.getByRole('button', { name: 'Register the enterprise' }));

    await waitFor(() => expect(session.refresh).toHaveBeenCalledOnce());
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toEqual({
      legalName: 'Opal Lighting Co., Ltd.', creditCode: '91350100M000100Y43', region: 'Fujian', industry: 'Lighting',
      size: 'MEDIUM', trademarks: ['OPAL', 'Opal Star'], contacts: [{ name: 'Li Wei' }],
    });
  });

  it('shows the server\'s field errors next to their fields', async () => {
    stubApi({
      'POST /api/membership/enterprises': problem(400, 'validation', '1 field is invalid.', {
        errors: [{ field: 'creditCode', message: 'is registered already' }],
      }),
    });
    const session = registering();
    renderPage(<EnterprisePage />, { session });

    const user = await fillRegistration('91350100M000100Y43');
    await user.click(screen.getByRole('button', { name: 'Register the enterprise' }));

    await waitFor(() => expect(screen.getByLabelText('Unified social credit code')).toHaveAccessibleDescription(/is registered already/));
    expect(screen.getByRole('alert')).toHaveTextContent('1 field is invalid.');
    expect(session.refresh).not.toHaveBeenCalled();
  });
});

describe('my registered enterprise', () => {
  it('shows the profile, the colleagues and the next steps', async () => {
    registeredApi();
    renderPage(<EnterprisePage />, { session: member() });

    expect(await screen.findByRole('heading', { level: 1, name: 'Opal Lighting Co., Ltd.' })).toBeInTheDocument();
    expect(screen.getByText('91350100M000100Y43')).toBeInTheDocument();
    expect(screen.getByText(/Li Wei · Brand manager/)).toBeInTheDocument();
    const table = await screen.findByRole('table');
    expect(within(table).getByText('staff@opal.example')).toBeInTheDocument();
    expect(await screen.findByText(/has not adopted a convention yet/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Declare standards' })).toHaveAttribute('href', '/membership/standards');
  });

  it('lets an admin edit the profile with the whole profile as a merge patch', async () => {
    const calls = registeredApi({
      [`PATCH /api/membership/enterprises/${ENTERPRISE_ID}`]: { body: { ...profile, region: 'Zhejiang' } },
    });
    renderPage(<EnterprisePage />, { session: member() });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Edit the profile' }));
    await user.clear(screen.getByLabelText('Region'));
    await user.type(screen.getByLabelText('Region'), 'Zhejiang');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The profile is saved.')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toMatchObject({ legalName: 'Opal Lighting Co., Ltd.', region: 'Zhejiang', trademarks: ['OPAL'] });
    expect(patch?.body).not.toHaveProperty('creditCode');
  });

  it('does not offer editing or inviting to staff', async () => {
    registeredApi();
    renderPage(<EnterprisePage />, { session: sessionOf({ roles: ['enterprise'], enterprise_id: ENTERPRISE_ID, subject: 'user-2' }) });

    expect(await screen.findByText('The administrators of your enterprise edit its profile.')).toBeInTheDocument();
    await screen.findByRole('table');
    expect(screen.queryByRole('button', { name: 'Edit the profile' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send the invitation' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Leave the enterprise' })).toBeInTheDocument();
  });

  it('invites a colleague and refreshes the session; a bad address is refused before sending', async () => {
    const calls = registeredApi({
      [`POST /api/membership/enterprises/${ENTERPRISE_ID}/colleagues`]: {
        status: 201, body: { userId: 'user-3', email: 'new@opal.example', role: 'ADMIN', status: 'ACTIVE' },
      },
    });
    const session = member();
    renderPage(<EnterprisePage />, { session });
    const user = userEvent.setup();
    const email = await screen.findByRole('textbox', { name: 'E-mail' });

    await user.type(email, 'not-an-address');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));
    expect(email).toHaveAccessibleDescription(/Enter an e-mail address/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(email);
    await user.type(email, 'new@opal.example');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'ADMIN');
    await user.click(screen.getByRole('button', { name: 'Send the invitation' }));

    expect(await screen.findByText('new@opal.example is invited.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'new@opal.example', role: 'ADMIN' });
    expect(session.refresh).toHaveBeenCalled();
  });

  it('changes a colleague\'s role', async () => {
    const calls = registeredApi({
      [`PUT /api/membership/enterprises/${ENTERPRISE_ID}/colleagues/user-2`]: { body: { ...colleagues[1], role: 'ADMIN' } },
    });
    renderPage(<EnterprisePage />, { session: member() });
    const user = userEvent.setup();

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of staff@opal.example' }), 'ADMIN');

    expect(await screen.findByText('staff@opal.example is now Administrator.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ role: 'ADMIN' });
  });

  it('shows the service\'s 409 when the last admin would go', async () => {
    registeredApi({
      [`DELETE /api/membership/enterprises/${ENTERPRISE_ID}/colleagues/subject-1`]:
        problem(409, 'last-admin', 'An enterprise keeps at least one ADMIN.'),
    });
    const session = member();
    renderPage(<EnterprisePage />, { session });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Leave the enterprise' }));
    expect(screen.getByText('You will no longer act for this enterprise. Leave?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Leave the enterprise' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('An enterprise keeps at least one ADMIN.');
    expect(session.refresh).not.toHaveBeenCalled();
  });
});
