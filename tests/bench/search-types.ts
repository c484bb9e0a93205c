/** What the search benchmark (search.ts) measures and saves. */
import type { DatabaseKind, LoadResult, Machine, TargetCheck } from "./types";

export type SearchTerm = {
  name: string;
  query: string;
  /** Search documents the query matches, and their share of all. */
  matches: number;
  share: number;
  /** Of those, the ones the benchmark's reader may see (what the results count). */
  visible: number;
};

export type SearchPlan = { name: string; query: string; executionMs: number; usesGinIndex: boolean; plan: string };

export type SearchBenchResult = {
  kind: DatabaseKind;
  machine: Machine;
  databaseVersion: string;
  settings: { connections: number; durationS: number; warmupS: number; rounds: number };
  reader: { email: string; team: string };
  seed: { reviews: number; seconds: number; narrativeBytes: number; documentBytes: number; publishedTotal: number };
  terms: SearchTerm[];
  /** /api/health first, then each search target: interleaved rounds on one server. */
  loads: LoadResult[];
  plans: SearchPlan[];
  targets: TargetCheck[];
};
