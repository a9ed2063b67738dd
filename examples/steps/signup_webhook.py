"""Answer an HTTP-triggered signup form: 405 for other methods, 422 for missing fields, else 202."""

REQUIRED = ("email", "name")


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]
    if event["method"] != "POST":
        pd.respond({"status": 405, "headers": {"Allow": "POST"}, "body": {"error": "use POST"}})
        return pd.flow.exit(f"{event['method']} is not accepted")
    body = event["body"] if isinstance(event["body"], dict) else {}
    missing = [field for field in REQUIRED if not body.get(field)]
    if missing:
        pd.respond({"status": 422, "body": {"error": "missing fields", "fields": missing}})
        return pd.flow.exit("incomplete signup")
    pd.respond({"status": 202, "body": {"accepted": True}})
    return {"email": body["email"].strip().lower(), "name": body["name"].strip()}
