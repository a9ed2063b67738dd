import base64
import json

import requests

cred = "Basic " + base64.b64encode(b"<JIRA EMAIL>:<JIRA API KEY>").decode("utf-8")  # expect: PD104
headers = {
    "Accept": "application/json",
    "Content-Type": "application/json",
    "Authorization": cred,
}


def report(jql):
    url = "https://acme.atlassian.net/rest/api/3/search?jql=" + jql  # expect: PD113
    response = requests.request("GET", url, headers=headers)  # expect: PD102, PD105
    data = json.loads(response.text)
    for issue in data["issues"]:
        f = issue["fields"]
        print(issue["key"], f["issuetype"]["name"], f["status"]["name"], f["summary"], sep="\t")


def by_project(key):
    url = "https://acme.atlassian.net/rest/api/3/search?jql=project = " + key  # expect: PD113
    r = requests.get(url, headers=headers, timeout=30)
    r.raise_for_status()
    return r.json()["total"]


report("assignee = currentUser() ORDER BY created DESC")
