import requests


def handler(pd: "pipedream"):
    controller = pd.inputs["controller"]
    s = requests.Session()
    login = s.post(f"https://{controller}:8443/api/login", json={"username": pd.inputs["user"], "password": pd.inputs["password"]}, verify=False, timeout=10)  # expect: PD108
    login.raise_for_status()
    clients = s.get(f"https://{controller}:8443/api/s/default/stat/sta", verify=False, timeout=10)  # expect: PD108
    clients.raise_for_status()
    return [c["mac"] for c in clients.json()["data"]]
