import requests

ATTACHMENTS = {"invoice": "/tmp/invoice.pdf", "receipt": "/tmp/receipt.pdf"}


def send_all(url, token):
    files = {name: open(path, "rb") for name, path in ATTACHMENTS.items()}  # expect: PD101
    r = requests.post(url, files=files, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    r.raise_for_status()


def send_pair(url):
    parts = [("a", open("/tmp/a.bin", "rb")), ("b", open("/tmp/b.bin", "rb"))]  # expect: PD101, PD101
    r = requests.post(url, files=parts, timeout=60)
    r.raise_for_status()


def opener_factory():
    return lambda p: open(p, "rb")  # ok: PD101 (returned to the caller)


def send_one(url, path):
    with open(path, "rb") as fh:  # ok: PD101
        r = requests.put(url, data=fh, timeout=60)
    r.raise_for_status()
