import requests


def positional(pd):
    body = {"event": pd.inputs["event"], "value": pd.inputs["value"]}
    r = requests.post("https://collector.example.com/v1/track", body, timeout=10)  # expect: PD115
    r.raise_for_status()


def via_session_headers(pd):
    s = requests.Session()
    s.headers.update({"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    r = s.post("https://forms.example.com/submit", data={"name": pd.inputs["name"]}, timeout=10)
    r.raise_for_status()


def with_files(pd):
    with open("/tmp/photo.jpg", "rb") as fh:
        r = requests.post("https://upload.example.com/photos", data={"album": "inbox"}, files={"photo": fh}, timeout=30)
    r.raise_for_status()


def handler(pd: "pipedream"):
    positional(pd)
    via_session_headers(pd)
    with_files(pd)
