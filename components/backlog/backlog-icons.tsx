/**
 * The backlog's row icons as one SVG sprite: each of fifty rows draws five icons, so each is a
 * short <use> of a symbol defined once per page instead of a full inline SVG — a much smaller page.
 * Shapes from lucide (ISC licence): grip-vertical, chevrons-up, chevron-up, chevron-down, chevrons-down,
 * triangle-alert (overdue) and external-link (the issue in the tracker).
 */
const STROKE = { fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round" } as const;

export type BacklogIconName = "grip" | "top" | "up" | "down" | "bottom" | "alert" | "external";

export function BacklogIconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="absolute size-0 overflow-hidden">
      <symbol id="backlog-grip" viewBox="0 0 24 24">
        {[5, 12, 19].flatMap((cy) => [9, 15].map((cx) => <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="1" {...STROKE} />))}
      </symbol>
      <symbol id="backlog-top" viewBox="0 0 24 24">
        <path d="m17 11-5-5-5 5" {...STROKE} />
        <path d="m17 18-5-5-5 5" {...STROKE} />
      </symbol>
      <symbol id="backlog-up" viewBox="0 0 24 24">
        <path d="m18 15-6-6-6 6" {...STROKE} />
      </symbol>
      <symbol id="backlog-down" viewBox="0 0 24 24">
        <path d="m6 9 6 6 6-6" {...STROKE} />
      </symbol>
      <symbol id="backlog-bottom" viewBox="0 0 24 24">
        <path d="m7 6 5 5 5-5" {...STROKE} />
        <path d="m7 13 5 5 5-5" {...STROKE} />
      </symbol>
      <symbol id="backlog-alert" viewBox="0 0 24 24">
        <path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" {...STROKE} />
        <path d="M12 9v4" {...STROKE} />
        <path d="M12 17h.01" {...STROKE} />
      </symbol>
      <symbol id="backlog-external" viewBox="0 0 24 24">
        <path d="M15 3h6v6" {...STROKE} />
        <path d="M10 14 21 3" {...STROKE} />
        <path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6" {...STROKE} />
      </symbol>
    </svg>
  );
}

export function BacklogIcon({ name, className = "size-4" }: { name: BacklogIconName; className?: string }) {
  return (
    <svg aria-hidden className={className}>
      <use href={`#backlog-${name}`} />
    </svg>
  );
}
