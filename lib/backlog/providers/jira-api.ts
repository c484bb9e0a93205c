/**
 * The handful of Jira REST calls Debrief makes, in two dialects behind one shape: Jira Cloud
 * through jira.js's Cloud client (REST API v3, descriptions in Atlassian Document Format, search
 * on /rest/api/3/search/jql), and Jira Data Center through the same jira.js transport on REST
 * API v2 (the only version Data Center has; descriptions as wiki-markup text, /rest/api/2/search).
 */
import { createCloudClient } from "jira.js";
import { createClient } from "jira.js/core";

export type JiraIssueFields = {
  summary?: string;
  status?: { name?: string; statusCategory?: { key?: string } } | null;
  resolution?: { name?: string } | null;
  assignee?: { emailAddress?: string | null; displayName?: string | null; accountId?: string; name?: string } | null;
  duedate?: string | null;
  labels?: string[];
};
export type JiraIssue = { id: string; key: string; fields?: JiraIssueFields };
export type JiraTransition = { id?: string; name?: string; to?: { name?: string; statusCategory?: { key?: string } } };

export interface JiraApi {
  readonly cloud: boolean;
  myself(): Promise<{ displayName?: string; emailAddress?: string }>;
  project(key: string): Promise<{ key?: string; name?: string; issueTypes?: { name?: string }[] }>;
  canCreateIssues(projectKey: string): Promise<boolean>;
  search(jql: string, fields: string[]): Promise<JiraIssue[]>;
  create(fields: Record<string, unknown>): Promise<{ id: string; key: string }>;
  get(key: string, fields: string[]): Promise<JiraIssue>;
  edit(key: string, fields: Record<string, unknown>): Promise<void>;
  transitions(key: string): Promise<JiraTransition[]>;
  transition(key: string, id: string): Promise<void>;
}

type Auth = { type: "basic"; email: string; apiToken: string } | { type: "bearer"; token: string };

export function jiraApi(host: string, auth: Auth, cloud: boolean): JiraApi {
  const client = createClient({ host, auth, onSchemaMismatch: "silent", retry: { maxAttempts: 1 } });
  return cloud ? cloudApi(client) : dataCenterApi(client);
}

function cloudApi(client: ReturnType<typeof createClient>): JiraApi {
  const jira = createCloudClient(client);
  return {
    cloud: true,
    myself: () => jira.myself.getCurrentUser(),
    project: (key) => jira.projects.getProject({ projectIdOrKey: key }),
    async canCreateIssues(projectKey) {
      const result = await jira.permissions.getMyPermissions({ projectKey, permissions: "CREATE_ISSUES" });
      return Boolean(result.permissions?.CREATE_ISSUES?.havePermission);
    },
    async search(jql, fields) {
      const result = await jira.issueSearch.searchAndReconsileIssuesUsingJql({ jql, fields, maxResults: 10 });
      return (result.issues ?? []).map((i) => ({ id: String(i.id), key: String(i.key), fields: i.fields as JiraIssueFields }));
    },
    async create(fields) {
      const created = await jira.issues.createIssue({ fields });
      return { id: String(created.id), key: String(created.key) };
    },
    async get(key, fields) {
      const issue = await jira.issues.getIssue({ issueIdOrKey: key, fields });
      return { id: String(issue.id), key: String(issue.key), fields: issue.fields as JiraIssueFields };
    },
    edit: (key, fields) => jira.issues.editIssue({ issueIdOrKey: key, fields }),
    async transitions(key) {
      return ((await jira.issues.getTransitions({ issueIdOrKey: key })).transitions ?? []) as JiraTransition[];
    },
    transition: (key, id) => jira.issues.doTransition({ issueIdOrKey: key, transition: { id } }),
  };
}

function dataCenterApi(client: ReturnType<typeof createClient>): JiraApi {
  const send = <T>(method: "GET" | "POST" | "PUT", url: string, options: { body?: unknown; searchParams?: Record<string, unknown> } = {}) =>
    client.sendRequest<T>({ method, url: `/rest/api/2${url}`, ...options });
  const issuePath = (key: string) => `/issue/${encodeURIComponent(key)}`;
  return {
    cloud: false,
    myself: () => send("GET", "/myself"),
    project: (key) => send("GET", `/project/${encodeURIComponent(key)}`),
    async canCreateIssues(projectKey) {
      const result = await send<{ permissions?: Record<string, { havePermission?: boolean }> }>("GET", "/mypermissions", { searchParams: { projectKey, permissions: "CREATE_ISSUES" } });
      return Boolean(result.permissions?.CREATE_ISSUES?.havePermission);
    },
    async search(jql, fields) {
      const result = await send<{ issues?: JiraIssue[] }>("GET", "/search", { searchParams: { jql, fields: fields.join(","), maxResults: 10 } });
      return result.issues ?? [];
    },
    create: (fields) => send("POST", "/issue", { body: { fields } }),
    get: (key, fields) => send("GET", issuePath(key), { searchParams: { fields: fields.join(",") } }),
    async edit(key, fields) {
      await send("PUT", issuePath(key), { body: { fields } });
    },
    async transitions(key) {
      return (await send<{ transitions?: JiraTransition[] }>("GET", `${issuePath(key)}/transitions`)).transitions ?? [];
    },
    async transition(key, id) {
      await send("POST", `${issuePath(key)}/transitions`, { body: { transition: { id } } });
    },
  };
}
