import requests


def dispatch(kind, payload):
    def handler(url, body):
        r = requests.post(url, json=body, timeout=10)
        r.raise_for_status()
        return r.json()

    return handler(f"https://api.example.com/v1/{kind}", payload)


def handler(pd: "pipedream"):
    event = pd.steps["trigger"]["event"]["body"]
    return dispatch(event["kind"], event)
