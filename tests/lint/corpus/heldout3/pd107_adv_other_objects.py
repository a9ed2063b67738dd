import requests


def copy_body(resp, fh):
    for piece in resp.iter_content(8192):
        fh.write(piece)


def copy_default(resp, fh):
    for piece in resp.iter_content():  # expect: PD107
        fh.write(piece)


def handler(pd: "pipedream"):
    with requests.get(pd.inputs["url"], stream=True, timeout=30) as r:
        r.raise_for_status()
        with open("/tmp/a.bin", "wb") as fh:
            copy_body(r, fh)
        with open("/tmp/b.bin", "wb") as fh:
            copy_default(r, fh)
