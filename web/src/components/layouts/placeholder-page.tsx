/** A page that exists in the navigation but whose feature is not built yet. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-slate-600">{description}</p>
    </section>
  );
}
