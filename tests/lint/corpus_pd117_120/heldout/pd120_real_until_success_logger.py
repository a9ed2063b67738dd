import logging
import time

import requests

LOGGER = logging.getLogger("utils")


def get_until_success(url, **kwargs):
    page = requests.get(url, **kwargs, timeout=10)
    while page.status_code != 200:  # expect: PD120
        LOGGER.warning("request failed with status %d, retrying", page.status_code)
        time.sleep(3)
        page = requests.get(url, **kwargs, timeout=10)
    return page
