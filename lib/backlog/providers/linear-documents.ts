/** The GraphQL documents Debrief sends to Linear (see linear.ts): each asks for exactly what it uses. */

export type LinearIssue = {
  id: string;
  identifier: string;
  url: string;
  title?: string;
  description?: string | null;
  dueDate?: string | null;
  state?: { type?: string; name?: string } | null;
  assignee?: { email?: string | null; name?: string | null; displayName?: string | null } | null;
};

export const VIEWER = /* GraphQL */ `query DebriefViewer { viewer { id name email } }`;

export const TEAM = /* GraphQL */ `query DebriefTeam($id: String!) { team(id: $id) { id key name } }`;

export const TEAM_BY_KEY = /* GraphQL */ `query DebriefTeamByKey($key: String!) { teams(first: 1, filter: { key: { eq: $key } }) { nodes { id key name } } }`;

export const TEAM_STATES = /* GraphQL */ `query DebriefTeamStates($id: String!) { team(id: $id) { states(first: 100) { nodes { id name type position } } } }`;

export const FIND_BY_MARKER = /* GraphQL */ `query DebriefFindByMarker($marker: String!, $teamId: ID!) {
  issues(first: 5, includeArchived: true, filter: { team: { id: { eq: $teamId } }, description: { contains: $marker } }) {
    nodes { id identifier url description }
  }
}`;

export const ISSUE_CREATE = /* GraphQL */ `mutation DebriefIssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}`;

export const ISSUE_UPDATE = /* GraphQL */ `mutation DebriefIssueUpdate($id: String!, $input: IssueUpdateInput!) {
  issueUpdate(id: $id, input: $input) { success }
}`;

export const ISSUE = /* GraphQL */ `query DebriefIssue($id: String!) {
  issue(id: $id) { id identifier url title dueDate state { type name } assignee { email name displayName } }
}`;
