import requests


class Forwarder:
    def __init__(self, target):
        self.target = target

    def handler(self, pd, payload):
        r = requests.post(self.target, json=payload, timeout=10)
        r.raise_for_status()
        return r.status_code


def handler(pd: "pipedream"):
    forwarder = Forwarder("https://hooks.example.org/in")
    return forwarder.handler(pd, pd.steps["trigger"]["event"]["body"])
