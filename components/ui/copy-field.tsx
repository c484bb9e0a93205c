"use client";

import { useId, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "./button";
import { controlClass } from "./field";
import { cn } from "./cn";

/**
 * A secret or link shown once, in a read-only box with a copy button. Falls back to selecting the
 * text (so ⌘C / Ctrl+C works) when the browser refuses clipboard access.
 */
export function CopyField({ label, value, hint, className }: { label: string; value: string; hint?: React.ReactNode; className?: string }) {
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success("Copied to the clipboard.");
      setTimeout(() => setCopied(false), 2500);
    } catch {
      input.current?.select();
      toast.info("Selected — press Ctrl+C (⌘C on a Mac) to copy.");
    }
  }
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="space-y-2">
        {/* A textarea, so a long link or token is visible in full, wrapped, at any width. */}
        <textarea
          ref={input}
          id={id}
          readOnly
          value={value}
          rows={2}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={hint ? `${id}-hint` : undefined}
          className={cn(controlClass, "resize-none font-mono text-xs break-all")}
          spellCheck={false}
        />
        <Button variant="secondary" size="sm" onClick={copy} aria-label={copied ? `Copied ${label}` : `Copy ${label}`}>
          {copied ? <Check aria-hidden className="size-4 text-success" /> : <Copy aria-hidden className="size-4" />}
          <span aria-hidden>{copied ? "Copied" : "Copy"}</span>
        </Button>
      </div>
      {hint ? (
        <div id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
