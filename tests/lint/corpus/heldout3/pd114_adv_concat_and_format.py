import requests

SELECTION = "{ id name email }"


def by_email(email, token):
    doc = "{ user(email: \"" + email + "\") " + SELECTION + " }"  # expect: PD114
    r = requests.post("https://graph.example.com/graphql", json={"query": doc}, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    r.raise_for_status()
    return r.json()["data"]["user"]


def by_id(uid, token):
    doc = "query User($id: ID!) { user(id: $id) " + SELECTION + " }"
    r = requests.post("https://graph.example.com/graphql", json={"query": doc, "variables": {"id": uid}}, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    r.raise_for_status()
    return r.json()["data"]["user"]


def sql_not_graphql(table, key):
    return "SELECT * FROM {} WHERE id = {}".format(table, key)
