import type { Wire } from "@/components/session/findings-support";
import type { ActionView } from "@/lib/action-items/action-view";
import type { ReviewActions } from "@/lib/action-items/list-review-actions";

/** An action as a client component receives it from a server page. */
export type WireAction = Wire<ActionView>;
export type WireFinding = Wire<ReviewActions["findings"][number]>;
/** A choice in a select: a team or a person. */
export type Option = { id: string; label: string };
export type FindingOption = { id: string; title: string; categoryLabel: string };
