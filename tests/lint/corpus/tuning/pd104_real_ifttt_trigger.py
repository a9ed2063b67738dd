import requests

EVENT = "door_opened"


def handler(pd: "pipedream"):
    sensor = pd.steps["trigger"]["event"]["body"]
    url = f"https://maker.ifttt.com/trigger/{EVENT}/with/key/dK3xR9mQ2vLp7TnY5wB8zC"  # expect: PD104
    r = requests.post(url, json={"value1": sensor["room"], "value2": sensor["at"]}, timeout=10)
    r.raise_for_status()
    return r.text
