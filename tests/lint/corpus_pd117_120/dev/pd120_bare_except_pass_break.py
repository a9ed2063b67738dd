import requests


def handler(pd: "pipedream"):
    while True:  # expect: PD120
        try:
            r = requests.get("http://printer.local.example/status", timeout=3)
            if r.ok:
                break
        except:
            pass
    return r.json()
