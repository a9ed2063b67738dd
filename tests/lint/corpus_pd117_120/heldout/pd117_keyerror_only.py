import requests


def handler(pd: "pipedream"):
    ticket = pd.steps["trigger"]["event"]["body"]
    try:
        r = requests.get(f"https://desk.example.com/api/tickets/{ticket['id']}", timeout=10)
        r.raise_for_status()
        assignee = r.json()["assignee"]["email"]
    except KeyError:
        assignee = None
    return {"ticket": ticket["id"], "assignee": assignee}
