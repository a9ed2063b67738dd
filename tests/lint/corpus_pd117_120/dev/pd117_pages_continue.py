import requests


def handler(pd: "pipedream"):
    titles = []
    for page in range(1, 6):
        try:
            r = requests.get("https://wiki.example.org/api/pages", params={"page": page}, timeout=10)
            r.raise_for_status()
        except Exception:  # expect: PD117
            continue
        titles.extend(p["title"] for p in r.json()["pages"])
    return titles
