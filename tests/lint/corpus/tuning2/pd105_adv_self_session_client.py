import requests
import requests_cache


class Linear:
    def __init__(self, key):
        self.session = requests.Session()
        self.session.headers["Authorization"] = key

    def issues(self, team):
        query = "query($team: String!) { team(id: $team) { issues { nodes { id title } } } }"
        r = self.session.post("https://api.linear.app/graphql", json={"query": query, "variables": {"team": team}})  # expect: PD105
        r.raise_for_status()
        return r.json()["data"]["team"]["issues"]["nodes"]


def cached_rates(pd):
    s = requests_cache.CachedSession("fx", expire_after=3600)
    r = s.get("https://api.exchangerate.host/latest", params={"base": "EUR"})  # expect: PD105
    r.raise_for_status()
    return r.json()["rates"]


def handler(pd: "pipedream"):
    client = Linear(pd.inputs["linear"]["$auth"]["api_key"])
    return client.issues(pd.inputs["team"]), cached_rates(pd)
