import json
import os
from datetime import date

import requests


def handler(pd: "pipedream"):
    token = pd.inputs["todoist"]["$auth"]["oauth_access_token"]
    r = requests.get("https://api.todoist.com/rest/v2/tasks", headers={"Authorization": f"Bearer {token}"}, timeout=30)
    r.raise_for_status()
    tasks = r.json()

    os.makedirs("/mnt/backups/todoist", exist_ok=True)
    path = f"/mnt/backups/todoist/{date.today().isoformat()}.json"
    with open(path, "w", encoding="utf-8") as f:  # expect: PD112
        json.dump(tasks, f, ensure_ascii=False)
    return {"saved": len(tasks), "path": path}
