"use client";

import { useEffect, useRef } from "react";

/**
 * Submits the surrounding form when one of its selects or date fields changes, so filters apply
 * at once. Without JavaScript the form's own button does the same.
 */
export function AutoSubmit() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const onChange = (e: Event) => {
      const target = e.target as HTMLElement;
      if (target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "date")) form.requestSubmit();
    };
    form.addEventListener("change", onChange);
    return () => form.removeEventListener("change", onChange);
  }, []);
  return <span ref={ref} hidden />;
}
