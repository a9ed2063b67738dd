import requests
import requests as rq
import requests_cache


def make_session(token):
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    return s


class Crm:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Bearer {token}"})

    def contact(self, cid):
        resp = self.session.get(f"https://crm.example.com/api/contacts/{cid}", timeout=10)  # expect: PD102
        return resp.json()["contact"]

    def ping(self):
        resp = self.session.get("https://crm.example.com/api/ping", timeout=10)  # ok: PD102
        resp.raise_for_status()


def from_factory(token, order_id):
    session = make_session(token)
    r = session.get(f"https://shop.example.com/orders/{order_id}", timeout=10)  # expect: PD102
    return r.json()


def cached(url):
    s = requests_cache.CachedSession("/tmp/http_cache", expire_after=300)
    page = s.get(url, timeout=10)  # expect: PD102
    return page.text


def aliased(url):
    reply = rq.request("GET", url, timeout=10)  # expect: PD102
    return reply.content
