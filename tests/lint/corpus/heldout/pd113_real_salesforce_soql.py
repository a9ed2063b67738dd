import requests

API_VERSION = "v59.0"


def find_contact(instance_url, token, email):
    soql = "SELECT Id, Name FROM Contact WHERE Email = '" + email + "'"
    r = requests.get(
        instance_url + f"/services/data/{API_VERSION}/query?q=" + soql,  # expect: PD113
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["records"]


def find_account(instance_url, token, name):
    escaped = name.replace("\\", "\\\\").replace("'", "\\'")
    r = requests.get(
        f"{instance_url}/services/data/{API_VERSION}/query",
        params={"q": f"SELECT Id FROM Account WHERE Name = '{escaped}'"},  # ok: PD113
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["records"]


def handler(pd: "pipedream"):
    auth = pd.inputs["salesforce"]["$auth"]
    lead = pd.steps["trigger"]["event"]["body"]
    return {
        "contacts": find_contact(auth["instance_url"], auth["oauth_access_token"], lead["email"]),
        "accounts": find_account(auth["instance_url"], auth["oauth_access_token"], lead["company"]),
    }
