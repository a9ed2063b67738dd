import time
import traceback

import requests


def try_get(url):
    while True:  # expect: PD120
        try:
            response = requests.get(url, timeout=30)
            if response.status_code == 200:
                return response.text.strip()
        except Exception as e:
            print("GET failed:", str(e))
            traceback.print_exc()
        print("sleeping 120 s")
        time.sleep(120)


def handler(pd: "pipedream"):
    return {"ip": try_get("https://ip.example.net/")}
