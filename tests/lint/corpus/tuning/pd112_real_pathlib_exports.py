import csv
import io
import tempfile
from pathlib import Path

import requests

EXPORT_DIR = Path("/home/automation/exports")


def handler(pd: "pipedream"):
    key = pd.inputs["shop"]["$auth"]["api_key"]
    r = requests.get("https://shop.example.com/api/orders", headers={"X-API-Key": key}, timeout=30)
    r.raise_for_status()
    orders = r.json()["orders"]

    buf = io.StringIO()
    w = csv.writer(buf)
    for o in orders:
        w.writerow([o["id"], o["total"]])

    (EXPORT_DIR / f"orders-{pd.steps['trigger']['event']['date']}.csv").write_text(buf.getvalue())  # expect: PD112
    scratch = Path(tempfile.gettempdir()) / "orders.csv"
    scratch.write_text(buf.getvalue())  # ok: PD112
    Path("/tmp/orders.json").write_bytes(r.content)  # ok: PD112
    return str(scratch)
