"""PD120 unbounded-retry: a loop that repeats a request with no bound on attempts or time."""

from __future__ import annotations

import ast

from ..loops import repeated_request
from .base import Invalid, Rule, Valid


class UnboundedRetry(Rule):
    code = "PD120"
    name = "unbounded-retry"
    summary = (
        "retry or polling loop with no bound on attempts or time: when the API keeps failing the step "
        "hangs until the platform kills it; use `for attempt in range(n):` or a deadline"
    )

    VALID = [
        Valid("""
            import time
            import requests
            def handler(pd):
                for attempt in range(5):
                    r = requests.get("https://api.example.com/status", timeout=10)
                    if r.ok:
                        return r.json()
                    time.sleep(2 ** attempt)
                raise RuntimeError("still failing after 5 attempts")
        """),
        Valid("""
            import requests
            def handler(pd):
                url, items = "https://api.example.com/items", []
                while url:
                    r = requests.get(url, timeout=10)
                    r.raise_for_status()
                    data = r.json()
                    items += data["results"]
                    url = data["next"]
                return items
        """),
        Valid("""
            import requests
            def handler(pd):
                params, rows = {"page": 1}, []
                while True:
                    data = requests.get("https://api.example.com/rows", params=params, timeout=10).json()
                    rows += data["rows"]
                    if not data["next"]:
                        break
                    params["page"] += 1
                return rows
        """),
        Valid("""
            import time
            import requests
            def handler(pd):
                attempts = 0
                while True:
                    attempts += 1
                    r = requests.post("https://api.example.com/jobs", timeout=10)
                    if r.status_code != 503 or attempts >= 4:
                        break
                    time.sleep(attempts)
                r.raise_for_status()
        """),
        Valid("""
            import time
            import requests
            def handler(pd):
                deadline = time.monotonic() + 45
                while True:
                    job = requests.get("https://api.example.com/jobs/1", timeout=10).json()
                    if job["done"] or time.monotonic() > deadline:
                        return job
                    time.sleep(3)
        """),
        Valid("""
            import requests
            def handler(pd):
                cursor, users = None, []
                while True:
                    body = requests.get("https://api.example.com/users", params={"cursor": cursor}, timeout=10).json()
                    users += body["users"]
                    cursor = body.get("next_cursor")
                    if not cursor:
                        break
                return users
        """),
        Valid("""
            import requests
            def handler(pd):
                lines = list(pd.steps["trigger"]["event"]["body"])
                while True:
                    if not lines:
                        break
                    line = lines.pop()
                    print(line)
                return requests.post("https://api.example.com/done", timeout=10).status_code
        """),
        Valid("""
            import requests
            def handler(pd):
                while True:
                    r = requests.get("https://api.example.com/config", timeout=10)
                    config = r.json() if r.ok else {}
                    break
                return config
        """),
        Valid("""
            import requests
            def handler(pd):
                queue = list(pd.steps["collect"]["$return_value"])
                while queue:
                    requests.post("https://api.example.com/items", json=queue.pop(), timeout=10)
        """),
        Valid("""
            import httpx
            def handler(pd):
                while True:
                    if httpx.get("https://api.example.com/ready").status_code == 200:
                        break
        """),
    ]
    INVALID = [
        Invalid("""
            import time
            import requests
            def handler(pd):
                while True:
                    r = requests.get("https://api.example.com/report", timeout=10)
                    if r.json()["status"] == "ready":
                        break
                    time.sleep(5)
                return r.json()["url"]
        """, line=4),
        Invalid("""
            import time
            import requests
            def handler(pd):
                success = False
                while not success:
                    try:
                        requests.post("https://api.example.com/submit", json={}, timeout=10).raise_for_status()
                        success = True
                    except requests.RequestException:
                        time.sleep(10)
        """, line=5),
        Invalid("""
            import time
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/feed", timeout=10)
                while r.status_code != 200:
                    time.sleep(5)
                    r = requests.get("https://api.example.com/feed", timeout=10)
                return r.json()
        """, line=5),
        Invalid("""
            import time
            import requests
            def wait(job):
                session = requests.Session()
                while 1:
                    state = session.get(f"https://api.example.com/jobs/{job}", timeout=10).json()["state"]
                    if state in ("done", "failed"):
                        return state
                    time.sleep(2)
            def handler(pd):
                return wait(pd.steps["start"]["$return_value"]["id"])
        """, line=5),
        Invalid("""
            import time
            import requests
            def status(job):
                return requests.get(f"https://api.example.com/jobs/{job}", timeout=10).json()["status"]
            def handler(pd):
                while True:
                    if status("42") == "complete":
                        return "complete"
                    time.sleep(10)
        """, line=6),
        Invalid("""
            import itertools
            import requests
            def handler(pd):
                for attempt in itertools.count():
                    r = requests.post("https://api.example.com/locks", timeout=10)
                    if r.status_code != 409:
                        return r.json()
        """, line=4),
        Invalid("""
            import time
            import requests
            def handler(pd):
                while True:
                    try:
                        return requests.get("https://api.example.com/next", timeout=10).json()
                    except Exception:
                        time.sleep(5)
        """, line=4),
        Invalid("""
            import time
            import requests
            def handler(pd):
                job = requests.post("https://api.example.com/jobs", timeout=10).json()
                while job["status"] in ("queued", "running"):
                    time.sleep(4)
                    job = requests.get(f"https://api.example.com/jobs/{job['id']}", timeout=10).json()
                return job
        """, line=5),
        Invalid("""
            import time
            import requests
            while True:
                requests.post("https://uptime.example.com/push", timeout=5)
                time.sleep(60)
        """, line=3),
        Invalid("""
            import requests
            def handler(pd):
                token = pd.inputs["api"]["$auth"]["api_key"]
                while True:
                    r = requests.get("https://api.example.com/me", headers={"Authorization": token}, timeout=10)
                    if r.status_code == 401:
                        token = pd.inputs["api"]["$auth"]["api_key"].strip()
                        continue
                    return r.json()
        """, line=4),
    ]

    def leave_While(self, node: ast.While) -> None:
        self._check(node)

    def leave_For(self, node: ast.For) -> None:
        self._check(node)

    def _check(self, node: ast.AST) -> None:
        found = repeated_request(self.model, node)
        if found is None:
            return
        self.report(
            node,
            f"`{found.header}` repeats a request with no bound on attempts or time: when the API "
            "keeps failing, the step hangs until the platform kills it; loop "
            "`for attempt in range(n):` or stop at a `time.monotonic()` deadline, then raise",
        )
