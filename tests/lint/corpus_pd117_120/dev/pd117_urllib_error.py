import json
import urllib.error
import urllib.request


def handler(pd: "pipedream"):
    try:
        with urllib.request.urlopen("https://api.example.com/v1/rates", timeout=10) as resp:
            rates = json.load(resp)
    except urllib.error.HTTPError as e:
        rates = {"error": e.code}
    return rates
