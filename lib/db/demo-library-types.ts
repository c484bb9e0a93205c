/** The shape of a demo library story (lib/db/demo-library.ts seeds them). */
import type { FindingCategoryName } from "../findings/categories";
import type { ParticipantRole, ReviewVisibility } from "../policies/types";

export type DemoTeam = "payments" | "platform" | "search";
type Kind = "OBSERVATION" | "ACTION" | "DECISION" | "COMMUNICATION" | "ALERT";
type Moment = "DETECTION" | "DIAGNOSIS" | "REPAIR" | "OTHER";

export type DemoAction = {
  title: string;
  status: "OPEN" | "IN_PROGRESS" | "DONE" | "WONT_DO";
  priority: "HIGH" | "MEDIUM" | "LOW";
  kind: "FIX" | "MITIGATION" | "DETECTION" | "PROCESS" | "LEARNING";
  /** Another team owns it. */
  team?: DemoTeam;
  /** Days after agreement it is due (negative: already due then). */
  dueInDays?: number;
  /** For DONE / WONT_DO: days after agreement it closed. */
  doneAfterDays?: number;
};

export type DemoFinding = { category: FindingCategoryName; title: string; description: string; action?: DemoAction; noAction?: string };

export type DemoStory = {
  title: string;
  team: DemoTeam;
  severity: "SEV1" | "SEV2" | "SEV3" | "SEV4";
  daysAgo: number;
  /** When it started, in hours after midnight UTC (default 08:15 UTC). */
  startsAtUtc?: number;
  detectedAfterMin: number;
  durationMin: number;
  publishAfterDays: number;
  services: string[];
  tags: string[];
  visibility?: ReviewVisibility;
  anonymise?: boolean;
  people: [string, ParticipantRole][];
  summary: string;
  impact: string;
  /** [minutes after the start, kind, what happened, key moment]. */
  timeline: [number, Kind, string, Moment?][];
  findings: DemoFinding[];
  /** Paragraphs; "## " starts a heading, "- " lines a bullet list. */
  narrative: string[];
};

export const F = "facilitator@example.com";
export const R1 = "responder1@example.com";
export const R2 = "responder2@example.com";
export const R3 = "responder3@example.com";
export const PM = "pm@example.com";
export const OBS = "observer@example.com";
