import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, errorResponse, jsonResponse, type FakeApi } from '@/testing/fake-api';
import { currentUrl, renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import type { CustomerSearchResult } from '../api/schemas';
import { buildCustomerRecord, buildSearchResult } from './builders';

function renderSearch(api: FakeApi, { role = 'agent', path = '/customers' } = {} as {
  role?: Role;
  path?: string;
}) {
  api.signIn(demoAgents[role]);
  return renderApp({ path, api });
}

/** Answers every search from `pages` (page n is pages[n-1]); records nothing else. */
function answerSearches(api: FakeApi, pages: CustomerSearchResult[][]) {
  api.on('GET', '/api/customers', (request) => {
    const url = new URL(request.path, 'http://localhost');
    const page = Number(url.searchParams.get('page') ?? '1');
    return jsonResponse(200, {
      customers: pages[page - 1] ?? [],
      page,
      hasMore: page < pages.length,
    });
  });
}

function searches(api: FakeApi) {
  return api.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/customers?'));
}

const searchBox = () => screen.getByRole('searchbox', { name: 'Search customers' });
const results = () => screen.getByRole('region', { name: 'Results' });
const findSearchBox = () => screen.findByRole('searchbox', { name: 'Search customers' });
const findResults = () => screen.findByRole('region', { name: 'Results' });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-24T11:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the customer search', () => {
  it('starts with nothing searched, the box focused and described by its hint', async () => {
    const api = createFakeApi();
    renderSearch(api);

    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    expect(searchBox()).toHaveFocus();
    expect(searchBox()).toHaveAttribute('type', 'search');
    expect(searchBox()).toHaveAccessibleDescription('Name, phone, email or customer number');
    expect(screen.getByRole('button', { name: 'Search' })).toBeInTheDocument();
    expect(within(results()).getByText(/press Enter/)).toBeInTheDocument();
    expect(searches(api)).toHaveLength(0);
  });

  it('searches on Enter, puts the search in the address and lists the matches', async () => {
    const api = createFakeApi();
    answerSearches(api, [
      [
        buildSearchResult(),
        buildSearchResult({
          userId: '43',
          firstName: null,
          lastName: null,
          email: null,
          phone: null,
          queue: null,
          status: 'not_in_queue',
        }),
        buildSearchResult({
          userId: '44',
          firstName: 'Omar',
          lastName: 'Khan',
          phone: { masked: '+44 •••• ••• 311', type: 'fixed_line' },
          queue: 'outstanding',
          status: 'waiting',
          nextCallAt: '2026-12-02T10:00:00Z',
        }),
        buildSearchResult({ userId: '45', firstName: 'Ann', lastName: 'Lee', status: 'held' }),
        buildSearchResult({ userId: '46', firstName: 'Bo', lastName: 'Ray', status: 'given_up' }),
        buildSearchResult({ userId: '47', firstName: 'Cy', lastName: 'Ng', status: 'closed' }),
        buildSearchResult({
          userId: '48',
          firstName: 'Di',
          lastName: 'Oz',
          status: 'not_discovered',
        }),
        buildSearchResult({ userId: '49', firstName: 'Ed', lastName: 'Po', status: 'waiting' }),
      ],
    ]);
    const { user, router } = renderSearch(api);

    await user.type(await findSearchBox(), 'smith{Enter}');

    const table = await within(results()).findByRole('table');
    expect(currentUrl(router)).toBe('/customers?q=smith');
    expect(searches(api).map((r) => r.path)).toEqual(['/api/customers?q=smith&page=1']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      'Jane SmithNo. 42+44 •••• ••• 942+44 number ending 942 (mobile)j@x.comUnsignedReady to call',
      'Customer 43No. 43No numberNo emailNot in a queueNot in a queue',
      'Omar KhanNo. 44+44 •••• ••• 311+44 number ending 311 (landline)j@x.com' +
        'OutstandingWaiting until Wed 2 Dec, 10:00',
      'Ann LeeNo. 45+44 •••• ••• 942+44 number ending 942 (mobile)j@x.comUnsignedWith an agent now',
      'Bo RayNo. 46+44 •••• ••• 942+44 number ending 942 (mobile)j@x.comUnsignedGiven up',
      'Cy NgNo. 47+44 •••• ••• 942+44 number ending 942 (mobile)j@x.comUnsignedClosed',
      'Di OzNo. 48+44 •••• ••• 942+44 number ending 942 (mobile)j@x.com' +
        'UnsignedNot yet checked by the dialler',
      'Ed PoNo. 49+44 •••• ••• 942+44 number ending 942 (mobile)j@x.comUnsignedWaiting',
    ]);
    expect(within(table).getByRole('link', { name: 'Open Jane Smith' })).toHaveAttribute(
      'href',
      '/customers/42',
    );
    expect(within(table).getByRole('link', { name: 'Open Customer 43' })).toBeInTheDocument();
    // One page only: no page buttons.
    expect(screen.queryByRole('navigation', { name: 'Result pages' })).not.toBeInTheDocument();
  });

  it('searches with the Search button, trimming the words', async () => {
    const api = createFakeApi();
    answerSearches(api, [[buildSearchResult()]]);
    const { user, router } = renderSearch(api);

    await user.type(await findSearchBox(), '  07400 123456 ');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await within(results()).findByRole('link', { name: 'Open Jane Smith' });
    expect(currentUrl(router)).toBe('/customers?q=07400+123456');
    expect(searches(api)[0]?.path).toBe('/api/customers?q=07400+123456&page=1');
  });

  it('says that it is searching', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/customers', () => new Promise<Response>(() => {}));
    renderSearch(api, { path: '/customers?q=smith' });

    const list = await findResults();
    expect(await within(list).findByText('Searching customers…')).toBeInTheDocument();
    expect(searchBox()).toHaveValue('smith');
  });

  it('says when nobody matches', async () => {
    const api = createFakeApi();
    answerSearches(api, [[]]);
    renderSearch(api, { path: '/customers?q=nobody' });

    const list = await findResults();
    expect(await within(list).findByText('No customer matches “nobody”.')).toBeInTheDocument();
    expect(within(list).queryByRole('table')).not.toBeInTheDocument();
  });

  it("shows the server's message and marks the box when it names q", async () => {
    const api = createFakeApi();
    api.on('GET', '/api/customers', () =>
      errorResponse(400, 'invalid_argument', 'q must be at least 2 characters', { field: 'q' }),
    );
    renderSearch(api, { path: '/customers?q=x' });

    const alert = await within(await findResults()).findByRole('alert');
    expect(alert).toHaveTextContent('q must be at least 2 characters');
    expect(searchBox()).toHaveAttribute('aria-invalid', 'true');
    expect(searchBox()).toHaveAccessibleDescription(/q must be at least 2 characters/);
  });

  it('shows other failures without marking the box', async () => {
    const api = createFakeApi();
    api.on('GET', '/api/customers', () =>
      errorResponse(503, 'unavailable', 'The customer database is unavailable.'),
    );
    renderSearch(api, { path: '/customers?q=smith' });

    expect(await within(await findResults()).findByRole('alert')).toHaveTextContent(
      'The customer database is unavailable.',
    );
    expect(searchBox()).not.toHaveAttribute('aria-invalid');
  });

  it('turns pages with Next page and Previous, each a history entry', async () => {
    const api = createFakeApi();
    answerSearches(api, [
      [buildSearchResult()],
      [buildSearchResult({ userId: '50', firstName: 'John', lastName: 'Smith' })],
    ]);
    const { user, router } = renderSearch(api, { path: '/customers?q=smith' });

    await within(await findResults()).findByRole('link', { name: 'Open Jane Smith' });
    const firstPageReads = searches(api).length;
    const pager = screen.getByRole('navigation', { name: 'Result pages' });
    const previous = within(pager).getByRole('button', { name: 'Previous' });
    const next = within(pager).getByRole('button', { name: 'Next page' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(next).not.toHaveAttribute('aria-disabled');

    await user.click(previous);
    expect(currentUrl(router)).toBe('/customers?q=smith');

    await user.click(next);
    await within(results()).findByRole('link', { name: 'Open John Smith' });
    expect(currentUrl(router)).toBe('/customers?q=smith&page=2');
    expect(within(pager).getByText('Page 2')).toBeInTheDocument();
    expect(next).toHaveAttribute('aria-disabled', 'true');
    // The button stays focusable on the last page: the keyboard is not thrown out.
    expect(next).toHaveFocus();

    await user.click(next);
    expect(currentUrl(router)).toBe('/customers?q=smith&page=2');

    await user.click(previous);
    await within(results()).findByRole('link', { name: 'Open Jane Smith' });
    expect(currentUrl(router)).toBe('/customers?q=smith');
    // Page 1 came back from the cache; page 2 was read once.
    expect(searches(api).slice(firstPageReads).map((r) => r.path)).toEqual([
      '/api/customers?q=smith&page=2',
    ]);
  });

  it('goes back and forward through searches and pages', async () => {
    const api = createFakeApi();
    answerSearches(api, [
      [buildSearchResult()],
      [buildSearchResult({ userId: '50', firstName: 'John', lastName: 'Smith' })],
    ]);
    const { user, router } = renderSearch(api);

    await user.type(await findSearchBox(), 'smith{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Next page' }));
    await within(results()).findByRole('link', { name: 'Open John Smith' });

    await act(() => router.navigate(-1));
    await within(results()).findByRole('link', { name: 'Open Jane Smith' });
    expect(currentUrl(router)).toBe('/customers?q=smith');

    await act(() => router.navigate(-1));
    expect(currentUrl(router)).toBe('/customers');
    expect(searchBox()).toHaveValue('');
    expect(within(results()).getByText(/press Enter/)).toBeInTheDocument();

    await act(() => router.navigate(1));
    expect(searchBox()).toHaveValue('smith');
    await act(() => router.navigate(1));
    await within(results()).findByRole('link', { name: 'Open John Smith' });
    expect(currentUrl(router)).toBe('/customers?q=smith&page=2');
  });

  it('starts a new search on page 1', async () => {
    const api = createFakeApi();
    answerSearches(api, [[buildSearchResult()], [buildSearchResult({ userId: '50' })]]);
    const { user, router } = renderSearch(api, { path: '/customers?q=smith&page=2' });

    await within(await findResults()).findByRole('table');
    await user.clear(searchBox());
    await user.type(searchBox(), 'jones{Enter}');

    expect(currentUrl(router)).toBe('/customers?q=jones');
  });

  it('opens a customer from the results and comes back to the same search', async () => {
    const api = createFakeApi();
    answerSearches(api, [
      [buildSearchResult({ userId: '41', firstName: 'Ann' })],
      [buildSearchResult()],
    ]);
    api.on('GET', '/api/customers/42', () => jsonResponse(200, buildCustomerRecord()));
    const { user, router } = renderSearch(api, { path: '/customers?q=smith&page=2' });

    const list = await findResults();
    await user.click(await within(list).findByRole('link', { name: 'Open Jane Smith' }));

    const name = await screen.findByRole('heading', { level: 1, name: 'Jane Smith' });
    expect(name).toBeInTheDocument();
    expect(currentUrl(router)).toBe('/customers/42');
    // The Customers entry stays current on the customer's page.
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Customers' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.click(screen.getByRole('link', { name: 'Back to search' }));
    expect(currentUrl(router)).toBe('/customers?q=smith&page=2');
  });

  it.each(['agent', 'supervisor', 'admin'] as const)('is open to a %s', async (role) => {
    const api = createFakeApi();
    renderSearch(api, { role });

    expect(await screen.findByRole('searchbox', { name: 'Search customers' })).toBeInTheDocument();
  });
});
