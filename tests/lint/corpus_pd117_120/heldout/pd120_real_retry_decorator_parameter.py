import time
from functools import wraps

import requests


def retry_status_code(status_codes=(429,)):
    def decorator(f):
        @wraps(f)
        def wrapper(*args, **kwargs):
            resp = f(*args, **kwargs)
            while resp.status_code in status_codes:
                time.sleep(0.5)
                resp = f(*args, **kwargs)
            return resp

        return wrapper

    return decorator


@retry_status_code()
def fetch(url):
    return requests.get(url, timeout=10)
