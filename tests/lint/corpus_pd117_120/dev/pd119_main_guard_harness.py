import requests


def handler(pd: "pipedream"):
    r = requests.get("https://api.example.com/v1/joke", timeout=5)
    r.raise_for_status()
    return r.json()["joke"]


if __name__ == "__main__":
    class FakePd:
        steps = {"trigger": {"event": {}}}

    print(handler(FakePd()))
