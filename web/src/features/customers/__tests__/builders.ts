// Data shaped like the customer routes answer (GET /api/customers, GET /api/customers/:id).
import { buildLead } from '@/testing/data';

import type { CustomerEligibility, CustomerRecord, CustomerSearchResult } from '../api/schemas';

export function buildSearchResult(
  overrides: Partial<CustomerSearchResult> = {},
): CustomerSearchResult {
  return {
    userId: '42',
    firstName: 'Jane',
    lastName: 'Smith',
    email: 'j@x.com',
    phone: { masked: '+44 •••• ••• 942', type: 'mobile' },
    queue: 'unsigned',
    status: 'callable',
    nextCallAt: null,
    ...overrides,
  };
}

export function buildEligibility(
  overrides: Partial<CustomerEligibility> = {},
): CustomerEligibility {
  return {
    queue: 'unsigned',
    eligibility: {
      queue: 'unsigned',
      reasons: [{ code: 'unsigned', text: 'Has not signed the claim documents.' }],
      activeClaims: 1,
      outstandingRequirements: 1,
      suppressed: false,
    },
    gate: { allowed: true, denials: [], retryAt: null },
    score: {
      total: 22,
      givenUp: false,
      components: [{ name: 'lender', points: 4, detail: 'Black Horse' }],
    },
    phone: { masked: '+44 •••• ••• 942', type: 'mobile' },
    lease: null,
    stored: { attempts: 1, nextCallAt: null },
    ...overrides,
  };
}

/** Jane Smith (42), callable now, nobody holding her, with an empty timeline. */
export function buildCustomerRecord(overrides: Partial<CustomerRecord> = {}): CustomerRecord {
  return {
    lead: buildLead({ userId: '42', leaseExpiresAt: null }),
    status: 'callable',
    heldBy: null,
    eligibility: buildEligibility(),
    timeline: [],
    legalHold: null,
    ...overrides,
  };
}
