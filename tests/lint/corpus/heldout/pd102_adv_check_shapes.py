# Hard negatives: every status check PD102 accepts, in several spellings.
import requests


def with_assert(url):
    r = requests.get(url, timeout=5)  # ok: PD102
    assert r.ok, r.text
    return r.json()


def with_match(url):
    r = requests.get(url, timeout=5)  # ok: PD102
    match r.status_code:
        case 200:
            return r.json()
        case 404:
            return None
        case _:
            raise RuntimeError(r.status_code)


def truthiness(url):
    r = requests.get(url, timeout=5)  # ok: PD102
    if not r:
        raise RuntimeError("failed")
    return r.json()


def membership(url, body):
    r = requests.post(url, json=body, timeout=5)  # ok: PD102
    if r.status_code in (200, 201, 202):
        return r.json()
    return {"error": r.status_code}


def weak_but_checked(url):
    r = requests.get(url, timeout=5)  # ok: PD102 (a comparison in a condition counts)
    if r.status_code != 200:
        print("unexpected status", r.status_code)
    return r.json()


def in_try(url):
    try:
        r = requests.get(url, timeout=5)  # ok: PD102
        r.raise_for_status()
    except requests.RequestException as exc:  # expect: PD117
        return {"error": str(exc)}
    return r.json()


def printed_only(url):
    r = requests.get(url, timeout=5)  # expect: PD102
    print(r.status_code)
    return r.json()
