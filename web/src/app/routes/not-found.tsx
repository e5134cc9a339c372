import { Link } from 'react-router';

import { defaultSignedInPath } from '@/config/paths';

export function NotFoundRoute() {
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">
        There is no page here.{' '}
        <Link className="text-indigo-700 underline" to={defaultSignedInPath}>
          Go to the queue
        </Link>
        .
      </p>
    </section>
  );
}
