"""Session factory for the on-prem ERP (its certificate is self-signed)."""
import requests
from urllib3 import disable_warnings
from urllib3.exceptions import InsecureRequestWarning

disable_warnings(InsecureRequestWarning)


def erp_session(token):
    session = requests.Session()
    session.verify = False  # expect: PD108
    session.headers["Authorization"] = f"Bearer {token}"
    return session


def handler(pd: "pipedream"):
    s = erp_session(pd.inputs["erp"]["$auth"]["token"])
    r = s.get("https://erp.corp.example.net/api/orders", params={"status": "open"}, timeout=30)
    r.raise_for_status()
    return r.json()
