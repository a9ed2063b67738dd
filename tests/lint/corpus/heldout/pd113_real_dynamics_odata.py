import os

import requests

BASE = "https://contoso.crm4.dynamics.example/api/data/v9.2"


def module_by_number(number):
    headers = {"Authorization": "Bearer " + os.environ["DYN_TOKEN"], "Accept": "application/json"}
    r = requests.get(
        f"{BASE}/modules?$filter=contains(modulenumber,'{number}')&$select=name",  # expect: PD113
        headers=headers,
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["value"]


def account_by_name(name):
    headers = {"Authorization": "Bearer " + os.environ["DYN_TOKEN"]}
    r = requests.get(f"{BASE}/accounts?$filter=name eq '{name}'", headers=headers, timeout=30)  # expect: PD113
    r.raise_for_status()
    return r.json()["value"]


def account_by_name_safely(name):
    headers = {"Authorization": "Bearer " + os.environ["DYN_TOKEN"]}
    escaped = name.replace("'", "''")
    r = requests.get(
        f"{BASE}/accounts",
        params={"$filter": f"name eq '{escaped}'", "$top": 5},  # ok: PD113 (params encodes it)
        headers=headers,
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["value"]
