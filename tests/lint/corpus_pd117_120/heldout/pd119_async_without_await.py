import requests


async def handler(pd):  # expect: PD119
    r = requests.get("https://api.example.com/v1/quotes/today", timeout=10)
    r.raise_for_status()
    quote = r.json()
    pd.export("author", quote["author"])
    return quote["text"]
