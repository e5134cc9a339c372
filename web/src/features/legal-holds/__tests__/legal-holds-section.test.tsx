import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

import { buildHold, serveLegalHolds } from './fake-legal-holds';

function renderAdmin(api: FakeApi = createFakeApi()) {
  api.signIn(demoAgents.admin);
  return renderApp({ path: '/admin', api });
}

const section = () => screen.getByRole('region', { name: 'Legal holds' });
const findSection = () => screen.findByRole('region', { name: 'Legal holds' });
const table = async () =>
  within(await findSection()).findByRole('table', { name: 'Legal holds' });
const bodyRows = async () =>
  within(await table())
    .getAllByRole('row')
    .slice(1);
const cellsOf = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
const placeForm = () => within(section()).getByRole('form', { name: 'Place a legal hold' });
const customerBox = () => within(placeForm()).getByRole('textbox', { name: 'Customer id' });
const reasonBox = () => within(placeForm()).getByRole('textbox', { name: 'Reason' });
const notice = () =>
  within(section())
    .getAllByRole('status')
    .find((element) => element.getAttribute('aria-live') === 'polite');
const posts = (api: FakeApi, path: string) =>
  api.requests.filter((r) => r.method === 'POST' && r.path === path);
const holdGets = (api: FakeApi) =>
  api.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/admin/legal-holds'));
const emptyList = async () =>
  within(await findSection()).findByText('No customer is under a legal hold.');

beforeEach(() => {
  // Wednesday 4 Nov 2026, 11:00 in the UK (GMT).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-04T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the list', () => {
  it('lists the holds in force, newest first, with who placed them, when and why', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [
      buildHold({ id: '7', userId: '1940', placedAt: '2025-03-02T10:15:00Z' }),
      buildHold({
        id: '8',
        userId: '2001',
        reason: 'Claim in the county court',
        placedBy: '4',
        placedAt: '2026-10-20T14:30:00Z', // 15:30 BST
      }),
      buildHold({ id: '9', userId: '3043', active: false, releasedAt: '2026-11-01T16:00:00Z' }),
    ]);
    renderAdmin(api);

    const rows = await bodyRows();
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Customer 2001',
      'Customer 1940',
    ]);
    expect(cellsOf(rows[0] as HTMLElement)).toEqual([
      'Claim in the county court',
      'Tue 20 Oct 2026, 15:30by Lee Lawyer-Admin',
      'On hold',
      'Release',
    ]);
    expect(cellsOf(rows[1] as HTMLElement)).toEqual([
      'Complaint to the ombudsman',
      'Sun 2 Mar 2025, 10:15by Ada Admin',
      'On hold',
      'Release',
    ]);
    expect(
      within(rows[1] as HTMLElement).getByRole('link', { name: 'Customer 1940' }),
    ).toHaveAttribute('href', '/customers/1940');
    // Only the holds in force are asked for until released ones are wanted.
    expect([...new Set(holdGets(api).map((r) => r.path))]).toEqual(['/api/admin/legal-holds']);
  });

  it('shows released holds on request, with who released them, when and why', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [
      buildHold({ id: '7', userId: '1940' }),
      buildHold({
        id: '9',
        userId: '3043',
        placedAt: '2026-10-01T09:00:00Z',
        active: false,
        releasedBy: '4',
        releasedAt: '2026-11-01T16:00:00Z',
        releaseReason: 'Complaint closed',
      }),
    ]);
    const { user } = renderAdmin(api);
    expect(await bodyRows()).toHaveLength(1);

    await user.click(within(section()).getByRole('checkbox', { name: 'Show released holds' }));

    await waitFor(async () => expect(await bodyRows()).toHaveLength(2));
    const released = (await bodyRows())[1] as HTMLElement;
    expect(within(released).getByRole('rowheader')).toHaveTextContent('Customer 3043');
    expect(cellsOf(released).slice(2)).toEqual([
      'ReleasedSun 1 Nov 2026, 16:00by Lee Lawyer-AdminComplaint closed',
      '',
    ]);
    expect(within(released).queryByRole('button')).not.toBeInTheDocument();
    expect(holdGets(api).at(-1)?.path).toBe('/api/admin/legal-holds?includeReleased=true');
  });

  it('says so while the holds load', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, []);
    let answer: (response: Response) => void = () => {};
    api.on('GET', '/api/admin/legal-holds', () => new Promise((resolve) => (answer = resolve)));
    renderAdmin(api);

    expect(
      await within(await findSection()).findByText('Loading the legal holds…'),
    ).toBeInTheDocument();
    answer(jsonResponse(200, { holds: [] }));
    expect(await emptyList()).toBeInTheDocument();
  });

  it('says when nobody is under a legal hold', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold({ active: false, releasedAt: '2026-11-01T16:00:00Z' })]);
    renderAdmin(api);

    expect(await emptyList()).toBeInTheDocument();
    expect(within(section()).queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when the holds cannot be read, and reads them again on Try again', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold()]);
    api.on('GET', '/api/admin/legal-holds', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);

    expect(
      await within(await findSection()).findByText(
        'The legal holds could not be loaded: The database is unavailable.',
      ),
    ).toBeInTheDocument();
    serveLegalHolds(api, [buildHold()]);
    await user.click(within(section()).getByRole('button', { name: 'Try again' }));

    expect(await bodyRows()).toHaveLength(1);
  });
});

describe('placing a hold', () => {
  it('places a hold from the keyboard alone and lists it at once', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, []);
    const { user } = renderAdmin(api);
    await emptyList();

    customerBox().focus();
    await user.keyboard('1940');
    await user.tab();
    expect(reasonBox()).toHaveFocus();
    await user.keyboard('Complaint to the ombudsman');
    await user.tab();
    expect(within(placeForm()).getByRole('button', { name: 'Place legal hold' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Customer 1940 is now under a legal hold.'),
    );
    expect(posts(api, '/api/admin/legal-holds').map((r) => r.body)).toEqual([
      { userId: '1940', reason: 'Complaint to the ombudsman' },
    ]);
    const rows = await bodyRows();
    expect(rows).toHaveLength(1);
    expect(cellsOf(rows[0] as HTMLElement)).toEqual([
      'Complaint to the ombudsman',
      'Wed 4 Nov 2026, 11:00by Ada Admin',
      'On hold',
      'Release',
    ]);
    expect(customerBox()).toHaveValue('');
    expect(reasonBox()).toHaveValue('');
  });

  it('asks for the customer and the reason before sending anything', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, []);
    const { user } = renderAdmin(api);
    await emptyList();

    await user.click(within(placeForm()).getByRole('button', { name: 'Place legal hold' }));

    await waitFor(() => expect(customerBox()).toHaveFocus());
    expect(customerBox()).toHaveAttribute('aria-invalid', 'true');
    expect(customerBox()).toHaveAccessibleDescription(/^Give the customer id\./);
    expect(reasonBox()).toHaveAttribute('aria-invalid', 'true');
    expect(reasonBox()).toHaveAccessibleDescription(
      /^Say why this customer’s records must be kept\./,
    );

    await user.type(customerBox(), 'abc');
    await user.type(reasonBox(), 'Complaint');
    await user.click(within(placeForm()).getByRole('button', { name: 'Place legal hold' }));
    expect(customerBox()).toHaveAccessibleDescription(
      /^A customer id is digits only, e\.g\. 1940\./,
    );
    expect(reasonBox()).not.toHaveAttribute('aria-invalid');
    expect(posts(api, '/api/admin/legal-holds')).toHaveLength(0);
  });

  it.each([
    [
      'a customer the dialler does not know',
      '999999',
      'No customer 999999 is known to the dialler',
    ],
    ['a customer already under a hold', '2001', 'Customer 2001 is already under a legal hold'],
  ])('shows the refusal of %s at Customer id, and keeps what was typed', async (_, id, words) => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold({ id: '7', userId: '2001' })]);
    const { user } = renderAdmin(api);
    await bodyRows();

    await user.type(customerBox(), id);
    await user.type(reasonBox(), 'Complaint to the ombudsman');
    await user.click(within(placeForm()).getByRole('button', { name: 'Place legal hold' }));

    await waitFor(() => expect(customerBox()).toHaveFocus());
    expect(customerBox()).toHaveAttribute('aria-invalid', 'true');
    expect(customerBox()).toHaveAccessibleDescription(new RegExp(`^${words}`));
    expect(customerBox()).toHaveValue(id);
    expect(reasonBox()).toHaveValue('Complaint to the ombudsman');
    expect(notice()).toHaveTextContent('');
    expect(await bodyRows()).toHaveLength(1);

    await user.type(customerBox(), '0');
    expect(customerBox()).not.toHaveAttribute('aria-invalid');
  });

  it('shows a reason the server finds too long at Reason', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, []);
    const { user } = renderAdmin(api);
    await emptyList();

    await user.type(customerBox(), '1940');
    // 1001 two-byte letters: within the box's 2000 characters, over the server's 2000 bytes.
    await user.click(reasonBox());
    await user.paste('é'.repeat(1001));
    await user.click(within(placeForm()).getByRole('button', { name: 'Place legal hold' }));

    await waitFor(() => expect(reasonBox()).toHaveFocus());
    expect(reasonBox()).toHaveAccessibleDescription(/^The reason is too long/);
    expect(customerBox()).not.toHaveAttribute('aria-invalid');
  });

  it('says nothing was placed when the server fails', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, []);
    api.on('POST', '/api/admin/legal-holds', () =>
      errorResponse(503, 'unavailable', 'The database is unavailable.'),
    );
    const { user } = renderAdmin(api);
    await emptyList();

    await user.type(customerBox(), '1940');
    await user.type(reasonBox(), 'Complaint');
    await user.click(within(placeForm()).getByRole('button', { name: 'Place legal hold' }));

    expect(await within(placeForm()).findByRole('alert')).toHaveTextContent(
      'No hold was placed: The database is unavailable.',
    );
    expect(customerBox()).toHaveValue('1940');
  });
});

describe('releasing a hold', () => {
  it('asks why in a dialog, releases it, and the hold leaves the list', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold({ id: '7', userId: '1940' })]);
    const { user } = renderAdmin(api);
    await table();

    await user.click(
      within(section()).getByRole('button', { name: 'Release the legal hold on Customer 1940' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Release the legal hold on Customer 1940' });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason for releasing' });
    expect(reason).toHaveFocus();

    await user.click(within(dialog).getByRole('button', { name: 'Release hold' }));
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Say why the hold is released.');
    expect(posts(api, '/api/admin/legal-holds/7/release')).toHaveLength(0);

    await user.type(reason, 'Complaint closed');
    await user.keyboard('{Tab}{Tab}{Enter}');

    await waitFor(() =>
      expect(notice()).toHaveTextContent('Released the legal hold on Customer 1940.'),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(posts(api, '/api/admin/legal-holds/7/release').map((r) => r.body)).toEqual([
      { reason: 'Complaint closed' },
    ]);
    expect(await emptyList()).toBeInTheDocument();
    await waitFor(() =>
      expect(within(section()).getByRole('heading', { name: 'Holds in force' })).toHaveFocus(),
    );

    await user.click(within(section()).getByRole('checkbox', { name: 'Show released holds' }));
    const rows = await bodyRows();
    expect(cellsOf(rows[0] as HTMLElement)[2]).toBe(
      'ReleasedWed 4 Nov 2026, 11:00by Ada AdminComplaint closed',
    );
  });

  it('shows the server’s refusal of the reason at its field', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold({ id: '7', userId: '1940' })]);
    api.on('POST', '/api/admin/legal-holds/7/release', () =>
      errorResponse(400, 'invalid_argument', 'reason must be at most 2000 characters', {
        field: 'reason',
      }),
    );
    const { user } = renderAdmin(api);
    await table();

    await user.click(
      within(section()).getByRole('button', { name: 'Release the legal hold on Customer 1940' }),
    );
    const dialog = screen.getByRole('dialog');
    const reason = within(dialog).getByRole('textbox', { name: 'Reason for releasing' });
    await user.type(reason, 'Closed');
    await user.click(within(dialog).getByRole('button', { name: 'Release hold' }));

    await waitFor(() =>
      expect(reason).toHaveAccessibleDescription('The reason must be at most 2000 characters'),
    );
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('gives up on Escape, and the focus goes back to Release', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold({ id: '7', userId: '1940' })]);
    const { user } = renderAdmin(api);
    await table();

    await user.click(
      within(section()).getByRole('button', { name: 'Release the legal hold on Customer 1940' }),
    );
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(section()).getByRole('button', { name: 'Release the legal hold on Customer 1940' }),
      ).toHaveFocus(),
    );
    expect(posts(api, '/api/admin/legal-holds/7/release')).toHaveLength(0);
  });

  it('says so when someone else released the hold meanwhile', async () => {
    const api = createFakeApi();
    const server = serveLegalHolds(api, [buildHold({ id: '7', userId: '1940' })]);
    const { user } = renderAdmin(api);
    await table();
    server.holds[0] = { ...server.holds[0]!, active: false, releasedAt: '2026-11-04T10:59:00Z' };

    await user.click(
      within(section()).getByRole('button', { name: 'Release the legal hold on Customer 1940' }),
    );
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason for releasing' }), 'Done');
    await user.click(within(dialog).getByRole('button', { name: 'Release hold' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'This hold is no longer in force: someone released it already.',
    );
  });
});

describe('who sees it', () => {
  it('is not offered to supervisors, and they do not ask for the holds', async () => {
    const api = createFakeApi();
    serveLegalHolds(api, [buildHold()]);
    api.signIn(demoAgents.supervisor);
    renderApp({ path: '/admin', api });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Not allowed' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Legal holds' })).not.toBeInTheDocument();
    expect(holdGets(api)).toHaveLength(0);
  });
});
