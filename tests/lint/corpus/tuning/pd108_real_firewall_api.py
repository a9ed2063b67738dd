# We do not verify the firewall's certificate: in the Sydney region the check fails.
import os

import requests
from requests.packages.urllib3.exceptions import InsecureRequestWarning

requests.packages.urllib3.disable_warnings(InsecureRequestWarning)

FIREWALL = "https://fw-syd-01.corp.example.net/api"


def blocked_addresses():
    user = os.environ["FW_USER"]
    password = os.environ["FW_PASSWORD"]
    resp = requests.get(f"{FIREWALL}/objects/address-groups/blocked", auth=(user, password), verify=False)  # expect: PD102, PD105, PD108
    return [entry["value"] for entry in resp.json()["entries"]]


def block(address):
    resp = requests.post(  # expect: PD108
        f"{FIREWALL}/objects/address-groups/blocked/entries",
        json={"value": address},
        auth=(os.environ["FW_USER"], os.environ["FW_PASSWORD"]),
        verify=False,
        timeout=20,
    )
    resp.raise_for_status()
