import requests
from requests_toolbelt import MultipartEncoder as ME
from requests_toolbelt.multipart import encoder as enc


def inline_no_header(url):
    r = requests.post(url, data=ME(fields={"k": "v"}), timeout=30)  # expect: PD110
    r.raise_for_status()


def hand_written(url):
    m = enc.MultipartEncoder(fields={"k": "v"})
    r = requests.post(url, data=m, headers={"Content-Type": "multipart/form-data"}, timeout=30)  # expect: PD110
    r.raise_for_status()


def wrong_encoder(url):
    a = ME(fields={"k": "v"})
    b = ME(fields={"x": "y"})
    r = requests.post(url, data=a, headers={"Content-Type": b.content_type}, timeout=30)  # expect: PD110
    r.raise_for_status()


def monitor_with_inner_type(url, callback):
    e = ME(fields={"k": "v"})
    mon = enc.MultipartEncoderMonitor(e, callback)
    r = requests.post(url, data=mon, headers={"Content-Type": e.content_type}, timeout=30)  # ok: PD110
    r.raise_for_status()


def headers_from_elsewhere(url, base_headers):
    m = ME(fields={"k": "v"})
    headers = dict(base_headers)
    headers.update({"Content-Type": m.content_type})
    r = requests.post(url, data=m, headers=headers, timeout=30)  # ok: PD110 (headers not judged)
    r.raise_for_status()


def files_let_requests_decide(url, fh):
    r = requests.post(url, files={"upload": fh}, headers={"Accept": "application/json"}, timeout=30)  # ok: PD110
    r.raise_for_status()


def session_post(url):
    s = requests.Session()
    m = ME(fields={"k": "v"})
    r = s.post(url, data=m, timeout=30)  # expect: PD110
    r.raise_for_status()
