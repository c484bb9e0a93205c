/** The backlog's shape while it loads: header, filters and rows, so nothing jumps when it arrives. */
export default function BacklogLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the backlog" className="animate-pulse">
      <div className="mb-6 space-y-2">
        <div className="h-4 w-24 rounded bg-surface-muted" />
        <div className="h-7 w-64 rounded bg-surface-muted" />
        <div className="h-4 w-full max-w-xl rounded bg-surface-muted" />
      </div>
      <div className="mb-4 flex flex-wrap gap-2">
        {[40, 32, 56, 56].map((w, i) => (
          <div key={i} className="h-14 rounded bg-surface-muted" style={{ width: `${w * 0.25}rem` }} />
        ))}
      </div>
      <div className="divide-y divide-border rounded-lg border border-border bg-surface">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="space-y-2 px-4 py-3">
            <div className="h-4 w-2/3 rounded bg-surface-muted" />
            <div className="h-3 w-1/2 rounded bg-surface-muted" />
          </div>
        ))}
      </div>
    </div>
  );
}
