import requests

PAGE_SIZE = 50


def handler(pd: "pipedream"):
    base = "https://api.example-shop.com/v2/products"
    term = pd.inputs["term"]
    found = []
    for page in range(1, 6):
        url = f"{base}?limit={PAGE_SIZE}"
        url += "&q=" + term + "&page=" + str(page)  # expect: PD113
        r = requests.get(url, timeout=15)
        r.raise_for_status()
        batch = r.json()["items"]
        found.extend(batch)
        if len(batch) < PAGE_SIZE:
            break
    return found
