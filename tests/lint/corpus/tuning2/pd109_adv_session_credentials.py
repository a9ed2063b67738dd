import requests

LEGACY = "http://erp.internal.example.com"


def erp_session(user, password):
    s = requests.Session()
    s.auth = (user, password)
    return s


class Jenkins:
    def __init__(self, user, token):
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def build(self, job):
        r = self.session.post(f"http://jenkins.example.com/job/{job}/build", timeout=15)  # expect: PD109
        r.raise_for_status()


def handler(pd: "pipedream"):
    s = erp_session(pd.inputs["erp_user"], pd.inputs["erp_password"])
    orders = s.get(f"{LEGACY}/orders", params={"status": "open"}, timeout=20)  # expect: PD109
    orders.raise_for_status()
    public = requests.get("http://status.example.com/summary.json", timeout=5)
    public.raise_for_status()
    Jenkins(pd.inputs["jenkins_user"], pd.inputs["jenkins_token"]).build("nightly")
    return orders.json(), public.json()
