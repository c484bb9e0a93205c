import type { ReviewVisibility } from "@/lib/policies/types";

export type VisibilityOption = readonly [value: ReviewVisibility, label: string, hint: string];

/** Who may read a review once published: one radio card per audience, under a legend. */
export function VisibilityChoice({ legend, options, defaultValue, error }: { legend: string; options: readonly VisibilityOption[]; defaultValue: string; error?: string[] }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 grid gap-2">
        {options.map(([value, label, hint]) => (
          <label key={value} className="flex cursor-pointer gap-3 rounded-md border border-border p-3 has-[:checked]:border-accent has-[:checked]:bg-accent-soft/40">
            <input type="radio" name="visibility" value={value} defaultChecked={defaultValue === value} className="mt-1 accent-[var(--accent)]" />
            <span>
              <span className="block text-sm font-medium">{label}</span>
              <span className="block text-xs text-muted">{hint}</span>
            </span>
          </label>
        ))}
      </div>
      {error?.length ? <p className="mt-1 text-xs font-medium text-danger">{error.join(" ")}</p> : null}
    </fieldset>
  );
}
