import { useId, type ReactNode } from 'react';

import type { Definition } from '../labels';
import { WhatIsThis } from './what-is-this';

type ChartFigureProps = {
  /** The chart's name, seen above it ("Calls and contacts by day"). */
  title: string;
  /** What a screen reader hears for the drawing: its kind, what it shows, where its numbers are. */
  description: string;
  definitions: readonly Definition[];
  /** The drawing area's height in pixels (it grows with the rows of a horizontal chart). */
  height?: number;
  children: ReactNode;
};

/**
 * One chart: a figure named by its caption, with the figure's definitions one click away; the
 * drawing itself is one image with a name, since its numbers are in the table that goes with it.
 */
export function ChartFigure({
  title,
  description,
  definitions,
  height = 208,
  children,
}: ChartFigureProps) {
  const id = useId();
  return (
    <figure aria-labelledby={`${id}-title`} className="flex min-w-0 flex-col gap-1">
      <figcaption className="flex flex-wrap items-baseline justify-between gap-x-3">
        <span id={`${id}-title`} className="text-sm font-semibold text-slate-800">
          {title}
        </span>
        <WhatIsThis about={title} items={definitions} />
      </figcaption>
      <div role="img" aria-label={description} className="w-full min-w-0" style={{ height }}>
        {/* The library names its own parts (legend icons …): hidden, so that the drawing is
            one image to assistive technology, as its role says. */}
        <div aria-hidden="true" className="size-full">
          {children}
        </div>
      </div>
    </figure>
  );
}
