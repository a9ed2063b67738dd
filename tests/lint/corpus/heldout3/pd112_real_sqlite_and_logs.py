import sqlite3
from pathlib import Path

import requests


def handler(pd: "pipedream"):
    r = requests.get(pd.inputs["feed_url"], timeout=30)
    r.raise_for_status()
    items = r.json()["items"]
    db = sqlite3.connect("/tmp/feed.db")
    db.execute("create table if not exists item (id text primary key)")
    db.commit()
    db.close()
    log_dir = Path("/var/log/steps")
    (log_dir / "feed.log").write_text(f"{len(items)} items\n")  # expect: PD112
    with open("/tmp/../opt/feed/last.json", "w") as fh:  # expect: PD112
        fh.write(r.text)
    return len(items)
