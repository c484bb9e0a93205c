/** The Actions page's shape while it loads: findings beside actions. */
export default function ActionsLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the actions" className="animate-pulse">
      <div className="mb-6 space-y-2">
        <div className="h-4 w-48 rounded bg-surface-muted" />
        <div className="h-7 w-40 rounded bg-surface-muted" />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="space-y-2">
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="h-20 rounded-lg border border-border bg-surface" />
          ))}
        </div>
        <div className="space-y-3">
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="h-40 rounded-lg border border-border bg-surface" />
          ))}
        </div>
      </div>
    </div>
  );
}
