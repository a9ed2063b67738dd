import requests


def handler(self, pd):  # expect: PD119
    r = requests.get("https://api.example.com/v1/me", timeout=10)
    r.raise_for_status()
    pd.export("me", r.json())
