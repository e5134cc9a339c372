import type { ReactNode } from 'react';

/** The centred card used by the sign-in page. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6 rounded-lg bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div className="space-y-1 text-center">
          <p className="text-lg font-bold tracking-tight text-indigo-700">RMC Dialler</p>
          <h1 className="text-xl font-semibold">{title}</h1>
        </div>
        {children}
      </div>
    </main>
  );
}
