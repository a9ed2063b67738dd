import os


def masked(value):
    return value[:2] + "…" if value else "<unset>"


def handler(pd: "pipedream"):
    token = os.environ["HUBSPOT_PRIVATE_APP_TOKEN"]
    print("hubspot token:", masked(token))
    return {"configured": bool(token)}
