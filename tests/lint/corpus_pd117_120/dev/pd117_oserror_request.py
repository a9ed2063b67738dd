import requests


def handler(pd: "pipedream"):
    target = pd.steps["trigger"]["event"]["body"]["callback"]
    try:
        requests.request("POST", target, json={"done": True}, timeout=10).raise_for_status()
        delivered = True
    except OSError:  # expect: PD117
        delivered = False
    return {"delivered": delivered}
