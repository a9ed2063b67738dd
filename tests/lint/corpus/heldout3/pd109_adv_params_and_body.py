import requests


def legacy_lookup(pd):
    r = requests.get("http://legacy.example.com/lookup", params={"api_key": pd.inputs["legacy_key"], "sku": pd.inputs["sku"]}, timeout=10)  # expect: PD109
    r.raise_for_status()
    return r.json()


def legacy_login(pd):
    body = {"username": pd.inputs["user"], "password": pd.inputs["password"]}
    r = requests.post("http://legacy.example.com/login", json=body, timeout=10)  # expect: PD109
    r.raise_for_status()
    return r.cookies


def through_proxy(pd):
    proxies = {"https": f"http://{pd.inputs['proxy_user']}:{pd.inputs['proxy_pass']}@proxy.example.com:3128"}
    r = requests.get("https://api.example.com/v1/items", proxies=proxies, headers={"Authorization": f"Bearer {pd.inputs['token']}"}, timeout=10)
    r.raise_for_status()
    return r.json()
