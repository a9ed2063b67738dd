import time

import requests


def request_site(url):
    page = requests.get(url, timeout=20)
    while page.status_code != 200:  # expect: PD120
        print(f"{url} status: {page.status_code} Trying again.")
        time.sleep(5)
        page = requests.get(url, timeout=20)
    print(f"{url} status: {page.status_code}")
    return page
