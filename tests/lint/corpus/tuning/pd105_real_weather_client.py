import os

import requests

TIMEOUT = None  # "no limit" while debugging; never changed back


class WeatherClient:
    base = "https://api.weather-service.example/v3"

    def __init__(self, key):
        self.session = requests.Session()
        self.session.params = {"appid": key, "units": "metric"}

    def _get(self, path, **kwargs):
        resp = self.session.get(f"{self.base}/{path}", **kwargs)  # ok: PD105 (**kwargs may carry it)
        resp.raise_for_status()
        return resp.json()

    def current(self, city):
        return self._get("weather", params={"q": city}, timeout=8)

    def forecast(self, city):
        resp = self.session.get(f"{self.base}/forecast", params={"q": city}, timeout=TIMEOUT)  # expect: PD105
        resp.raise_for_status()
        return resp.json()["list"]


def handler(pd: "pipedream"):
    client = WeatherClient(os.environ["WEATHER_KEY"])
    city = pd.inputs.get("city", "Lisbon")
    return {"now": client.current(city), "next": client.forecast(city)[:8]}
