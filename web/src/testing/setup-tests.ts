import '@testing-library/jest-dom/vitest';

import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

import { setCsrfToken } from '@/lib/api-client';

// The pages render through a router, a query client and a fake server: on a machine busy with a
// C++ build, the first render can take longer than testing-library's default second. Waiting is
// what a test asserts, never how long it took, so the limit only has to be generous.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});
