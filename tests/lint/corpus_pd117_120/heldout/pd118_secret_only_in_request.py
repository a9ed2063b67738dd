import os

import requests


def handler(pd: "pipedream"):
    lat, lon = pd.steps["geocode"]["$return_value"]
    r = requests.get(
        "https://api.weather.example/v3/forecast",
        params={"lat": lat, "lon": lon},
        headers={"X-API-Key": os.environ["WEATHER_API_KEY"]},
        timeout=10,
    )
    r.raise_for_status()
    print("forecast status", r.status_code)
    return r.json()["forecast"]
