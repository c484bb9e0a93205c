/** The library's search as the URL holds it (shared by the page on the server and its form in the browser). */
export type LibraryQuery = {
  q?: string;
  team?: string;
  service?: string;
  severity?: string;
  category?: string;
  tag?: string;
  from?: string;
  to?: string;
  sort?: string;
};

export const FILTER_KEYS = ["team", "service", "severity", "category", "tag", "from", "to"] as const;
