import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-surface-muted text-foreground border-border",
  accent: "bg-accent-soft text-accent border-transparent",
  success: "bg-success-soft text-success border-transparent",
  warning: "bg-warning-soft text-warning border-transparent",
  danger: "bg-danger-soft text-danger border-transparent",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span className={cn("badge", tones[tone], className)}>
      {children}
    </span>
  );
}
