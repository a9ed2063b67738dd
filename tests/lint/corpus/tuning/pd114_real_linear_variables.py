# Linear: create an issue from a form submission, the right way (variables).
import os

import requests

ISSUE_FIELDS = "fragment IssueFields on Issue { id identifier url }"
CREATE_ISSUE = """
mutation CreateIssue($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { ...IssueFields } }
}
""" + ISSUE_FIELDS  # ok: PD114 (constant pieces)

VIEWER = f"query Me {{ viewer {{ id name }} }} {ISSUE_FIELDS}"  # ok: PD114 (constant pieces)


def handler(pd: "pipedream"):
    form = pd.steps["trigger"]["event"]["body"]
    headers = {"Authorization": os.environ["LINEAR_API_KEY"]}
    variables = {"input": {"teamId": os.environ["LINEAR_TEAM"], "title": form["subject"], "description": form["message"]}}
    r = requests.post("https://api.linear.app/graphql", json={"query": CREATE_ISSUE, "variables": variables}, headers=headers, timeout=15)
    r.raise_for_status()
    body = r.json()
    if body.get("errors"):
        raise RuntimeError(f"query failed for {form['email']}: {body['errors']}")  # ok: PD114 (not GraphQL)
    sql = f"SELECT id FROM submissions WHERE email = '{form['email']}'"  # ok: PD114 (SQL, not GraphQL)
    return {"issue": body["data"]["issueCreate"]["issue"], "audit": sql}
