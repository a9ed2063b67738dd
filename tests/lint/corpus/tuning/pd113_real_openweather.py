import os
import requests

def handler(pd: "pipedream"):
  city = pd.steps["trigger"]["event"]["query"]["city"]
  key = os.environ["OWM_KEY"]
  url = f"https://api.openweathermap.org/data/2.5/weather?q={city}&appid={key}&units=metric"  # expect: PD113
  r = requests.get(url, timeout=10)
  r.raise_for_status()
  w = r.json()
  return f"{w['name']}: {w['main']['temp']}°C, {w['weather'][0]['description']}"
