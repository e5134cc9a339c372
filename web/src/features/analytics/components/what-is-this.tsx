import { useId, useState } from 'react';

import type { Definition } from '../labels';

/**
 * "What is this?": a figure's definitions (docs/metrics.md "Analytics") one click away, shown
 * below the button that opens them. `about` names the figure in the button's name (seen words
 * first), since screen readers may list every "What is this?" of the page together.
 */
export function WhatIsThis({ about, items }: { about: string; items: readonly Definition[] }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div className="text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`What is this? ${about}`}
        onClick={() => setOpen((was) => !was)}
        className="rounded text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        What is this?
      </button>
      <dl
        id={id}
        hidden={!open}
        className="mt-1 space-y-1 rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-700 ring-1 ring-slate-200"
      >
        {items.map((item) => (
          <div key={item.term}>
            <dt className="inline font-semibold">{item.term}: </dt>
            <dd className="inline">{item.definition}</dd>
          </div>
        ))}
        <div>
          <dt className="sr-only">Source</dt>
          <dd className="text-slate-600">Defined in docs/metrics.md, “Analytics”.</dd>
        </div>
      </dl>
    </div>
  );
}
