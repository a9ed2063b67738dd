import requests

OWM = "https://api.openweathermap.org/data/2.5"


def handler(pd: "pipedream"):
    key = pd.inputs["openweather_api_key"]
    city = pd.inputs.get("city", "Lisbon")
    query = {"q": city, "appid": key, "units": "metric"}
    now, later = requests.get(f"{OWM}/weather", params=query, timeout=10), requests.get(f"{OWM}/forecast", params=query, timeout=10)  # expect: PD102, PD102
    return {"now": now.json()["main"]["temp"], "next": later.json()["list"][0]["main"]["temp"]}
