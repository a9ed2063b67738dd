import requests


class Proxmox:
    def __init__(self, host, user, password):
        self.base = f"https://{host}:8006/api2/json"
        self.session = requests.Session()
        self.session.verify = False  # expect: PD108
        r = self.session.post(f"{self.base}/access/ticket", data={"username": user, "password": password}, timeout=10)  # expect: PD115
        r.raise_for_status()
        ticket = r.json()["data"]
        self.session.cookies.set("PVEAuthCookie", ticket["ticket"])
        self.session.headers["CSRFPreventionToken"] = ticket["CSRFPreventionToken"]

    def nodes(self):
        r = self.session.get(f"{self.base}/nodes", timeout=10)
        r.raise_for_status()
        return [n["node"] for n in r.json()["data"]]


def handler(pd: "pipedream"):
    px = Proxmox(pd.inputs["host"], pd.inputs["user"], pd.inputs["password"])
    return px.nodes()
