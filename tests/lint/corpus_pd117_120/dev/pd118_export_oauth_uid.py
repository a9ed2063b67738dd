def handler(pd: "pipedream"):
    account = pd.inputs["slack"]["$auth"]
    pd.export("user_id", account["oauth_uid"])
    pd.export("team", account.get("team_name"))
    return {"ok": True}
