import time

import requests


def recursive_get(url, limit=5, pause=1.0, **kwargs):
    response = requests.get(url, **kwargs)
    count = 0
    while response.status_code != 200 and count < limit:
        response = requests.get(url, **kwargs)
        count += 1
        time.sleep(pause)
    return response


def safe_get(url, limit=5, **kwargs):
    response = requests.get(url, **kwargs)
    count = 0
    while response.status_code != 200 or count == limit:
        print(f"{count}: server returned {response.status_code}, trying again")
        response = requests.get(url, **kwargs)
        count += 1
    return response
