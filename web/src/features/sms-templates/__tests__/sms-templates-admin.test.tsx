import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { buildSmsTemplate, demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

function renderAdmin(api: FakeApi = createFakeApi()) {
  const session = api.signIn(demoAgents.admin);
  return { ...renderApp({ path: '/admin', api }), session };
}

function requestsTo(api: FakeApi, method: string, path: string) {
  return api.requests.filter((r) => r.method === method && r.path === path);
}

const section = () => screen.getByRole('region', { name: 'Text templates' });
const findSection = () => screen.findByRole('region', { name: 'Text templates' });
const table = async () => within(await findSection()).findByRole('table', { name: 'Templates' });
const row = (name: string) =>
  within(section()).getByRole('row', { name: new RegExp(`^${name}\\b`) });
const cells = (name: string) =>
  within(row(name))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const form = (name = 'New template') => within(section()).getByRole('form', { name });
const nameBox = (formName?: string) =>
  within(form(formName)).getByRole('textbox', { name: 'Name' });
const kindSelect = (formName?: string) =>
  within(form(formName)).getByRole('combobox', { name: 'Kind' });
const textBox = (formName?: string) =>
  within(form(formName)).getByRole('textbox', { name: 'Text' });
const saveButton = (formName?: string) =>
  within(form(formName)).getByRole('button', { name: 'Save template' });
const notice = () =>
  within(section())
    .getAllByRole('status')
    .find((element) => element.getAttribute('aria-live') === 'polite');

beforeEach(() => {
  // Tuesday 24 Nov 2026, 11:00 in the UK.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the list of templates', () => {
  it('lists every template by name, retired too: kind, version, state, last change', async () => {
    const api = createFakeApi();
    api.addTemplate(
      buildSmsTemplate({
        id: '3',
        name: 'Spring offer',
        kind: 'marketing',
        body: 'Hi {firstName}, a spring offer. Reply STOP to opt out',
        version: 4,
        active: false,
        changedAt: '2026-11-23T09:30:00Z',
      }),
    );
    renderAdmin(api);

    const rows = within(await table()).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').firstChild?.textContent)).toEqual([
      'Documents waiting',
      'Missed call',
      'Spring offer',
    ]);
    expect(cells('Missed call')).toEqual([
      'Service',
      'v1',
      'In use',
      'Shipped with the dialler',
      'EditRetire',
    ]);
    expect(cells('Spring offer')).toEqual([
      'Marketing',
      'v4',
      'Retired',
      'Mon 23 Nov, 09:30',
      'EditRestore',
    ]);
    expect(row('Missed call')).toHaveTextContent('We tried to call you about your claim.');
    expect(requestsTo(api, 'GET', '/api/sms/templates?includeRetired=true')).not.toHaveLength(0);
    expect(screen.getByRole('heading', { level: 1, name: 'Admin' })).toBeInTheDocument();
  });

  it('shows that it is loading', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/sms/templates', () => new Promise<Response>(() => {}));
    renderAdmin(api);

    expect(await within(await findSection()).findByText('Loading templates…')).toBeInTheDocument();
  });

  it('says when there are none', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/sms/templates', () => jsonResponse(200, { templates: [] }));
    renderAdmin(api);

    expect(await within(await findSection()).findByText(/No templates yet/)).toBeInTheDocument();
    expect(within(section()).queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when it cannot be read, and reads it again on Try again', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/sms/templates', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);

    expect(
      await within(await findSection()).findByText(
        'The templates could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    api.off('GET', '/api/sms/templates');
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    expect(await table()).toBeInTheDocument();
  });
});

describe('adding a template', () => {
  it('shows the placeholders, and the opt-out rule for marketing', async () => {
    const { user } = renderAdmin();
    await table();

    expect(textBox()).toHaveAccessibleDescription(
      "Placeholders: {firstName} the customer's first name; {agentName} the name of the agent " +
        'sending it. 918 characters left.',
    );
    expect(within(form()).queryByText(/opt out/)).not.toBeInTheDocument();

    await user.selectOptions(kindSelect(), 'Marketing');

    expect(within(form()).getByText(/Marketing texts must say how to opt out/)).toBeVisible();
    expect(textBox()).toHaveAccessibleDescription(/with a line such as “Reply STOP to opt out”/);
  });

  it('asks for a name and words before saving', async () => {
    const { user, api } = renderAdmin();
    await table();

    await user.click(saveButton());

    await waitFor(() => expect(nameBox()).toHaveFocus());
    expect(nameBox()).toHaveAccessibleDescription('Name the template.');
    expect(nameBox()).toHaveAttribute('aria-invalid', 'true');
    expect(textBox()).toHaveAttribute('aria-invalid', 'true');
    expect(textBox()).toHaveAccessibleDescription(/^Write the text\./);
    expect(requestsTo(api, 'POST', '/api/sms/templates')).toHaveLength(0);
  });

  it("shows the server's refusal at the text, then saves it and lists it as v1", async () => {
    const { user, api, session } = renderAdmin();
    await table();

    await user.type(nameBox(), 'Spring offer');
    await user.selectOptions(kindSelect(), 'Marketing');
    await user.type(textBox(), 'Hi {{firstName}, our spring offer is here.');
    await user.click(saveButton());

    // Named by the server (field "body"): shown at the Text field, which takes the focus.
    await waitFor(() => expect(textBox()).toHaveAttribute('aria-invalid', 'true'));
    const refusal =
      'The text is marketing and must say how to opt out, e.g. "Reply STOP to opt out"';
    expect(textBox()).toHaveAccessibleDescription(new RegExp(`^${refusal}`));
    await waitFor(() => expect(textBox()).toHaveFocus());
    expect(nameBox()).not.toHaveAttribute('aria-invalid');
    expect(within(section()).queryByRole('row', { name: /^Spring offer/ })).toBeNull();

    await user.type(textBox(), ' Reply STOP to opt out');
    expect(textBox()).not.toHaveAttribute('aria-invalid');
    await user.click(saveButton());

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Added "Spring offer" (v1). Agents can choose it now.'),
    );
    const [, saved] = requestsTo(api, 'POST', '/api/sms/templates');
    expect(saved?.body).toEqual({
      name: 'Spring offer',
      kind: 'marketing',
      body: 'Hi {firstName}, our spring offer is here. Reply STOP to opt out',
    });
    expect(saved?.headers.get('X-CSRF-Token')).toBe(session.csrfToken);
    expect(cells('Spring offer').slice(0, 4)).toEqual([
      'Marketing',
      'v1',
      'In use',
      'Tue 24 Nov, 11:00',
    ]);
    // An empty form for the next one, ready to type in.
    expect(nameBox()).toHaveValue('');
    expect(textBox()).toHaveValue('');
    expect(kindSelect()).toHaveDisplayValue('Service');
    await waitFor(() => expect(nameBox()).toHaveFocus());
  });

  it('shows a placeholder the server does not know at the text', async () => {
    const { user } = renderAdmin();
    await table();

    await user.type(nameBox(), 'Hello');
    await user.type(textBox(), 'Hi {{first}');
    await user.click(saveButton());

    await waitFor(() =>
      expect(textBox()).toHaveAccessibleDescription(
        /^The text uses \{first\}: the placeholders are \{firstName\} and \{agentName\}/,
      ),
    );
  });

  it('shows a name another template has at the name', async () => {
    const { user, api } = renderAdmin();
    await table();

    await user.type(nameBox(), 'Missed call');
    await user.type(textBox(), 'Sorry we missed you.');
    await user.click(saveButton());

    await waitFor(() =>
      expect(nameBox()).toHaveAccessibleDescription('another template has this name'),
    );
    expect(nameBox()).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(nameBox()).toHaveFocus());
    expect(api.templates).toHaveLength(2);
  });

  it("shows the server's message for other failures", async () => {
    const api = createFakeApi();
    api.on('POST', '/api/sms/templates', () =>
      errorResponse(503, 'unavailable', 'The server is busy.'),
    );
    const { user } = renderAdmin(api);
    await table();

    await user.type(nameBox(), 'Hello');
    await user.type(textBox(), 'Hello there');
    await user.click(saveButton());

    expect(await within(form()).findByRole('alert')).toHaveTextContent('The server is busy.');
    expect(nameBox()).toHaveValue('Hello');
  });
});

describe('editing a template', () => {
  it('fills the form, sends the version changed, and says what changed', async () => {
    const { user, api } = renderAdmin();
    await table();

    await user.click(within(section()).getByRole('button', { name: 'Edit Missed call' }));

    const editing = 'Edit Missed call';
    await waitFor(() => expect(nameBox(editing)).toHaveFocus());
    expect(nameBox(editing)).toHaveValue('Missed call');
    expect(kindSelect(editing)).toHaveDisplayValue('Service');
    expect(textBox(editing)).toHaveValue(api.templates.find((t) => t.id === '1')?.body);
    expect(form(editing)).toHaveTextContent('Now v1. Saving makes v2');
    expect(row('Missed call')).toHaveAttribute('aria-current', 'true');

    await user.clear(textBox(editing));
    await user.type(textBox(editing), 'Hi {{firstName}, sorry we missed you. {{agentName}');
    await user.click(saveButton(editing));

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Saved "Missed call" as v2: text changed.'),
    );
    expect(requestsTo(api, 'PUT', '/api/sms/templates/1')[0]?.body).toEqual({
      name: 'Missed call',
      kind: 'service',
      body: 'Hi {firstName}, sorry we missed you. {agentName}',
      version: 1,
    });
    expect(cells('Missed call').slice(0, 4)).toEqual([
      'Service',
      'v2',
      'In use',
      'Tue 24 Nov, 11:00',
    ]);
    // Back to a new template, and the keyboard back on the row's Edit.
    expect(form()).toBeInTheDocument();
    const edit = within(section()).getByRole('button', { name: 'Edit Missed call' });
    await waitFor(() => expect(edit).toHaveFocus());

    // The next edit starts from v2.
    await user.click(edit);
    await user.selectOptions(kindSelect(editing), 'Marketing');
    await user.clear(nameBox(editing));
    await user.type(nameBox(editing), 'Missed you');
    await user.type(textBox(editing), ' Reply STOP to opt out');
    await user.click(saveButton(editing));

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Saved "Missed you" as v3: name, kind and text changed.'),
    );
    expect(requestsTo(api, 'PUT', '/api/sms/templates/1')[1]?.body).toMatchObject({
      name: 'Missed you',
      kind: 'marketing',
      version: 2,
    });
  });

  it('saves nothing when nothing changed, and Cancel goes back to a new template', async () => {
    const { user, api } = renderAdmin();
    await table();

    await user.click(within(section()).getByRole('button', { name: 'Edit Documents waiting' }));
    const editing = 'Edit Documents waiting';
    await user.click(saveButton(editing));

    expect(await within(form(editing)).findByRole('alert')).toHaveTextContent(
      'Nothing has changed',
    );
    expect(requestsTo(api, 'PUT', '/api/sms/templates/2')).toHaveLength(0);

    await user.click(within(form(editing)).getByRole('button', { name: 'Cancel' }));

    expect(nameBox()).toHaveValue('');
    await waitFor(() =>
      expect(
        within(section()).getByRole('button', { name: 'Edit Documents waiting' }),
      ).toHaveFocus(),
    );
  });

  it('says when someone else changed it meanwhile, and reloads their version', async () => {
    const { user, api } = renderAdmin();
    await table();
    await user.click(within(section()).getByRole('button', { name: 'Edit Missed call' }));
    const editing = 'Edit Missed call';
    // Another admin saves first.
    api.updateTemplate('1', { version: 2, body: 'Their words, {firstName}.' });

    await user.type(textBox(editing), ' Thanks.');
    await user.click(saveButton(editing));

    const alert = await within(form(editing)).findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed this template while you were editing');
    expect(requestsTo(api, 'PUT', '/api/sms/templates/1')[0]?.body).toMatchObject({ version: 1 });

    await user.click(within(alert).getByRole('button', { name: 'Reload template' }));

    await waitFor(() => expect(textBox(editing)).toHaveValue('Their words, {firstName}.'));
    expect(form(editing)).toHaveTextContent('Now v2. Saving makes v3');
    expect(within(form(editing)).queryByRole('alert')).not.toBeInTheDocument();
    expect(notice()).toHaveTextContent('Reloaded "Missed call" (v2).');
    expect(cells('Missed call')[1]).toBe('v2');

    await user.type(textBox(editing), ' Thanks.');
    await user.click(saveButton(editing));

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Saved "Missed call" as v3: text changed.'),
    );
    expect(requestsTo(api, 'PUT', '/api/sms/templates/1')[1]?.body).toMatchObject({
      body: 'Their words, {firstName}. Thanks.',
      version: 2,
    });
  });
});

describe('retiring and restoring', () => {
  it('retires a template and restores it, keeping the focus on the button', async () => {
    const { user, api } = renderAdmin();
    await table();

    const button = within(section()).getByRole('button', { name: 'Retire Missed call' });
    await user.click(button);

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Retired "Missed call": agents no longer see it.'),
    );
    expect(cells('Missed call')[2]).toBe('Retired');
    expect(button).toHaveAccessibleName('Restore Missed call');
    expect(button).toHaveFocus();
    expect(requestsTo(api, 'POST', '/api/sms/templates/1/retire')).toHaveLength(1);
    expect(api.templates.find((t) => t.id === '1')?.active).toBe(false);

    await user.click(button);

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Restored "Missed call": agents can choose it again.'),
    );
    expect(cells('Missed call')[2]).toBe('In use');
    expect(button).toHaveAccessibleName('Retire Missed call');
    expect(requestsTo(api, 'POST', '/api/sms/templates/1/restore')).toHaveLength(1);
  });

  it("shows the server's message when it cannot", async () => {
    const api = createFakeApi();
    api.on('POST', '/api/sms/templates/2/retire', () =>
      errorResponse(503, 'unavailable', 'The server is busy.'),
    );
    const { user } = renderAdmin(api);
    await table();

    await user.click(within(section()).getByRole('button', { name: 'Retire Documents waiting' }));

    expect(await within(section()).findByRole('alert')).toHaveTextContent('The server is busy.');
    expect(cells('Documents waiting')[2]).toBe('In use');
  });
});
