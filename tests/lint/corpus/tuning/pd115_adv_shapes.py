import requests

FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}


def comprehension(url, fields):
    r = requests.post(url, data={k: str(v) for k, v in fields.items()}, timeout=5)  # expect: PD115
    r.raise_for_status()


def dict_call(url, user):
    r = requests.post(url, data=dict(user=user, active="1"), timeout=5)  # expect: PD115
    r.raise_for_status()


def headers_none(url):
    r = requests.put(url, data={"a": "1"}, headers=None, timeout=5)  # expect: PD115
    r.raise_for_status()


def headers_without_type(url, token):
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    body = {"status": "done"}
    r = requests.patch(url, data=body, headers=headers, timeout=5)  # expect: PD115
    r.raise_for_status()


def declared(url):
    r = requests.post(url, data={"a": "1"}, headers=FORM_HEADERS, timeout=5)  # ok: PD115
    r.raise_for_status()


def type_added_later(url):
    headers = {"Accept": "application/json"}
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    r = requests.post(url, data={"a": "1"}, headers=headers, timeout=5)  # ok: PD115
    r.raise_for_status()


def updated_headers(url, extra):
    headers = {"Accept": "application/json"}
    headers.update(extra)
    r = requests.post(url, data={"a": "1"}, headers=headers, timeout=5)  # ok: PD115 (headers unknown)
    r.raise_for_status()


def spread(url, base):
    r = requests.post(url, data={"a": "1"}, headers={**base, "Accept": "text/plain"}, timeout=5)  # ok: PD115
    r.raise_for_status()


def session_headers(url):
    s = requests.Session()
    s.headers.update({"Content-Type": "application/x-www-form-urlencoded"})
    r = s.post(url, data={"a": "1"}, timeout=5)  # ok: PD115
    r.raise_for_status()


def with_files(url, fh):
    r = requests.post(url, data={"title": "scan"}, files={"doc": fh}, timeout=5)  # ok: PD115 (multipart)
    r.raise_for_status()


def passthrough(url, **kwargs):
    r = requests.post(url, data={"a": "1"}, timeout=5, **kwargs)  # ok: PD115
    r.raise_for_status()


def raw_text(url):
    r = requests.post(url, data="a=1&b=2", timeout=5)  # ok: PD115 (a string)
    r.raise_for_status()
