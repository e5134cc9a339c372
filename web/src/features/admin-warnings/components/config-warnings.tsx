import { useConfigWarnings } from '../api/get-config-warnings';

/**
 * The server's settings that work but should be changed (an insecure link format, say), shown
 * at the top of the admin page; nothing at all when there are none.
 */
export function ConfigWarnings() {
  const warnings = useConfigWarnings();
  if (warnings.isError) {
    return (
      <p role="status" className="text-sm text-slate-700">
        The check of the server&apos;s settings could not be loaded.
      </p>
    );
  }
  if (!warnings.data || warnings.data.warnings.length === 0) return null;
  return (
    <section
      aria-labelledby="config-warnings-heading"
      className="rounded border border-amber-700 bg-amber-50 p-3 text-amber-950"
    >
      <h2 id="config-warnings-heading" className="font-semibold">
        Settings that need attention
      </h2>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {warnings.data.warnings.map((warning) => (
          <li key={warning.code}>{warning.message}</li>
        ))}
      </ul>
    </section>
  );
}
