"""Let only newly opened GitHub issues through; every other webhook ends the workflow here."""


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    kind = event["headers"].get("x-github-event")
    action = event["body"].get("action")
    if kind != "issues" or action != "opened":
        return pd.flow.exit(f"ignoring {kind} {action} events")
    issue = event["body"]["issue"]
    return {"number": issue["number"], "title": issue["title"], "author": issue["user"]["login"]}
