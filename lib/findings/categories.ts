/**
 * What a group session learns, by category. Contributing factors — technical, and human &
 * organisational — never a single "root cause": incidents have many factors, and the method asks
 * for knowledge gaps, operational surprises and what went well beside them.
 */
export const FINDING_CATEGORIES = ["CONTRIBUTING_TECHNICAL", "CONTRIBUTING_HUMAN", "KNOWLEDGE_GAP", "OPERATIONAL_SURPRISE", "WENT_WELL"] as const;
export type FindingCategoryName = (typeof FINDING_CATEGORIES)[number];

export const FINDING_CATEGORY_LABEL: Record<FindingCategoryName, string> = {
  CONTRIBUTING_TECHNICAL: "Contributing factor (technical)",
  CONTRIBUTING_HUMAN: "Contributing factor (human & organisational)",
  KNOWLEDGE_GAP: "Knowledge gap",
  OPERATIONAL_SURPRISE: "Operational surprise",
  WENT_WELL: "What went well",
};

/** A line under each category's heading on the findings board. */
export const FINDING_CATEGORY_HINT: Record<FindingCategoryName, string> = {
  CONTRIBUTING_TECHNICAL: "Conditions in systems, tools and code that made the incident possible or worse.",
  CONTRIBUTING_HUMAN: "Conditions in how we work — pressure, ownership, communication, staffing — that shaped what people did.",
  KNOWLEDGE_GAP: "What someone needed to know and did not, or could not find in time.",
  OPERATIONAL_SURPRISE: "What behaved differently from what people expected.",
  WENT_WELL: "What helped: people, tools, runbooks, luck. Worth keeping.",
};
