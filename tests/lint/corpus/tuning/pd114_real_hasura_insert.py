import os

import requests

HASURA = "https://hasura.acme-app.example/v1/graphql"


def insert_signup(user):
    # expect-next-line: PD114
    mutation = """
    mutation {
      insert_signups(objects: {email: "%(email)s", name: "%(name)s", source: "%(source)s"}) {
        affected_rows
      }
    }
    """ % user
    r = requests.post(HASURA, json={"query": mutation}, headers={"x-hasura-admin-secret": os.environ["HASURA_SECRET"]}, timeout=15)
    r.raise_for_status()
    return r.json()["data"]["insert_signups"]["affected_rows"]


def handler(pd: "pipedream"):
    body = pd.steps["trigger"]["event"]["body"]
    return insert_signup({"email": body["email"], "name": body["name"], "source": "landing"})
