import requests

JIRA = "https://acme.atlassian.net/rest/api/3"


def jira_issues(pd, project):
    auth = (pd.inputs["jira_email"], pd.inputs["jira_token"])
    url = JIRA + "/search?jql=project = " + project + " AND status = Open"  # expect: PD113
    r = requests.get(url, auth=auth, timeout=20)
    r.raise_for_status()
    return r.json()["issues"]


def dynamics_accounts(pd, name):
    org = pd.inputs["org_url"]
    headers = {"Authorization": f"Bearer {pd.inputs['dynamics']['$auth']['oauth_access_token']}"}
    r = requests.get(f"{org}/api/data/v9.2/accounts?$filter=name eq '{name}'&$select=accountid", headers=headers, timeout=20)  # expect: PD113
    r.raise_for_status()
    return r.json()["value"]


def handler(pd: "pipedream"):
    return jira_issues(pd, pd.inputs["project"]), dynamics_accounts(pd, pd.inputs["account"])
