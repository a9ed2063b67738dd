import requests
import requests_toolbelt.multipart.encoder as mpe


def header_added_later(url, fh):
    headers = {"Accept": "application/json"}
    headers["Content-Type"] = "multipart/form-data; boundary=xyz"
    r = requests.post(url, files={"f": fh}, headers=headers, timeout=30)  # expect: PD110
    r.raise_for_status()


def lower_case_key(url, fh):
    r = requests.post(url, files={"f": fh}, headers={"content-type": "multipart/form-data"}, timeout=30)  # expect: PD110
    r.raise_for_status()


def module_alias(url):
    m = mpe.MultipartEncoder(fields={"a": "b"})
    r = requests.request("POST", url, data=m, timeout=30)  # expect: PD110
    r.raise_for_status()


def right_header_among_others(url):
    m = mpe.MultipartEncoder(fields={"a": "b"})
    r = requests.post(url, data=m, headers={"X-Request-Id": "42", "Content-Type": m.content_type}, timeout=30)  # ok: PD110
    r.raise_for_status()


def header_set_later_correctly(url, token):
    m = mpe.MultipartEncoder(fields={"a": "b"})
    headers = {"Authorization": f"Bearer {token}"}
    headers["Content-Type"] = m.content_type
    r = requests.post(url, data=m, headers=headers, timeout=30)  # ok: PD110
    r.raise_for_status()
