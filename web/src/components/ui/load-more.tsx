import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

type LoadMoreProps = {
  /** What is listed, in the plural ("recordings"): the spinner and the failure name it. */
  what: string;
  /** How many are listed so far. */
  shown: number;
  loading: boolean;
  /** Why the last Load more failed; null when it did not. */
  error: string | null;
  onLoadMore: () => void;
};

/**
 * Load more under a list that the server hands out a page at a time. While the next page loads
 * the button says so (aria-disabled) but keeps the focus, which a disabled button would drop.
 */
export function LoadMore({ what, shown, loading, error, onLoadMore }: LoadMoreProps) {
  return (
    <div className="flex shrink-0 flex-wrap items-center gap-2 pt-1">
      <Button
        variant="secondary"
        aria-disabled={loading || undefined}
        onClick={() => {
          if (!loading) onLoadMore();
        }}
        className="aria-disabled:cursor-wait aria-disabled:text-slate-400"
      >
        Load more
      </Button>
      <span className="text-sm text-slate-600 tabular-nums">{shown} shown</span>
      {loading ? <Spinner label={`Loading more ${what}`} /> : null}
      {error ? (
        <Alert className="py-1">
          More {what} could not be loaded: {error}
        </Alert>
      ) : null}
    </div>
  );
}
