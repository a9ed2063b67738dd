import requests


def declared_later(pd):
    headers = {"Accept": "application/json"}
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    r = requests.post("https://api.example.com/form", data={"a": pd.inputs["a"]}, headers=headers, timeout=10)
    r.raise_for_status()


def removed(pd):
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    del headers["Content-Type"]
    r = requests.post("https://api.example.com/form", data={"a": pd.inputs["a"]}, headers=headers, timeout=10)  # expect: PD115
    r.raise_for_status()


def unknown_headers(pd, headers):
    r = requests.post("https://api.example.com/form", data={"a": pd.inputs["a"]}, headers=headers, timeout=10)
    r.raise_for_status()
