import requests


def handler(pd: "pipedream"):
    queue = list(pd.steps["collect"]["$return_value"])
    sent = 0
    while queue:
        item = queue.pop(0)
        r = requests.post("https://api.example.com/v1/items", json=item, timeout=10)
        r.raise_for_status()
        sent += 1
    return {"sent": sent}
