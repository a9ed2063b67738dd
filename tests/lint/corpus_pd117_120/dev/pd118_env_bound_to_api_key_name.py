import os

import requests


def handler(pd: "pipedream"):
    api_key = os.environ["WEATHERSTACK"]
    region = os.environ.get("FORECAST_REGION", "eu")
    print("region:", region)
    print("using", api_key)  # expect: PD118
    r = requests.get("https://api.weatherstack.example/current", params={"access_key": api_key, "query": region}, timeout=10)
    r.raise_for_status()
    return r.json()["current"]
