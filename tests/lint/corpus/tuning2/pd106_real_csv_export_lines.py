import contextlib
import csv

import requests


def rows(url, key):
    with contextlib.closing(requests.get(url, params={"key": key}, stream=True, timeout=30)) as resp:
        resp.raise_for_status()
        lines = (line.decode("utf-8") for line in resp.iter_lines() if line)
        yield from csv.DictReader(lines)


def whole_report(url):
    with requests.get(url, stream=True, timeout=30) as resp:  # expect: PD106
        resp.raise_for_status()
        return resp.json()


def handler(pd: "pipedream"):
    key = pd.inputs["export_key"]
    total = sum(float(row["amount"]) for row in rows(pd.inputs["csv_url"], key))
    summary = whole_report(pd.inputs["summary_url"])
    return {"total": total, "summary": summary}
