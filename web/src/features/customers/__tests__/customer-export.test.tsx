import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { demoAgents } from '@/testing/data';
import { createFakeApi, jsonResponse } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';
import type { Role } from '@/types/api';

import { buildCustomerRecord } from './builders';

function renderCustomer(role: Role) {
  const api = createFakeApi();
  api.signIn(demoAgents[role]);
  api.on('GET', '/api/agents', () => jsonResponse(200, { agents: [] }));
  api.on('GET', '/api/customers/42', () => jsonResponse(200, buildCustomerRecord()));
  return renderApp({ path: '/customers/42', api });
}

const heading = () => screen.findByRole('heading', { level: 1, name: 'Jane Smith' });
const exportLink = () => screen.queryByRole('link', { name: 'Download data export' });

describe('the data export on the customer page', () => {
  it.each(['supervisor', 'admin'] as const)(
    'offers a %s the download of everything held about the customer',
    async (role) => {
      renderCustomer(role);

      await heading();
      const link = exportLink();
      expect(link).toHaveAttribute('href', '/api/customers/42/export');
      expect(link).toHaveAttribute('download');
      expect(link).toHaveAccessibleDescription(
        'Everything held about this customer, for a subject access request: JSON and CSV in a zip.',
      );
    },
  );

  it('is not offered to an agent', async () => {
    renderCustomer('agent');

    await heading();
    expect(exportLink()).not.toBeInTheDocument();
    expect(screen.queryByText(/subject access request/)).not.toBeInTheDocument();
  });
});
