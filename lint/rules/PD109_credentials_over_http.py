"""PD109 credentials-over-http: credentials sent to a plain `http://` URL."""

from __future__ import annotations

import ast

from ..objects import UNKNOWN_AUTH
from ..secrets import is_credential_name
from ..urls import could_stay_on_host, http_host, stays_on_host
from .base import Invalid, Rule, Valid

BODY_ARGUMENTS = ("params", "data", "json")


class CredentialsOverHttp(Rule):
    code = "PD109"
    name = "credentials-over-http"
    summary = "credentials sent over plain `http://`: anyone on the network path can read them; use `https://`"

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                token = pd.inputs["github"]["$auth"]["oauth_access_token"]
                headers = {"Authorization": f"Bearer {token}"}
                r = requests.get("https://api.github.com/user", headers=headers, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("http://localhost:8080/admin", auth=("admin", pd.inputs["pw"]), timeout=5)
        """),
        Valid("""
            import requests as rq
            def handler(pd):
                r = rq.post("http://127.0.0.1:5000/login", data={"password": pd.inputs["pw"]}, timeout=5)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("http://example.com/status", params={"page": 2}, timeout=5)
        """),
        Valid("""
            import requests
            def handler(pd):
                user, password = pd.inputs["user"], pd.inputs["password"]
                proxies = {"https": f"http://{user}:{password}@10.10.1.10:1080"}
                r = requests.request("GET", "https://example.com", proxies=proxies, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                host = pd.inputs["host"]
                r = requests.get(f"http://{host}/api/me", auth=(pd.inputs["user"], pd.inputs["pw"]), timeout=5)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("http://example.com/feed.xml", auth=None, timeout=5)
        """),
        Valid("""
            import requests
            def handler(pd):
                params = {"token_url": "https://auth.example.com/token", "client_id": "abc"}
                r = requests.get("http://example.com/config", params=params, timeout=5)
        """),
        Valid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    s.get("http://[::1]:9000/metrics", headers={"X-API-Key": pd.inputs["key"]}, timeout=5)
        """),
        Valid("""
            import requests
            def handler(pd):
                headers = pd.inputs["headers"]
                r = requests.get("http://example.com/a", headers=headers, timeout=5)
        """),
        # issue 15: link-local metadata services never leave the host
        Valid("""
            import os
            import requests
            def handler(pd):
                token = requests.put("http://169.254.169.254/latest/api/token",
                                     headers={"X-aws-ec2-metadata-token-ttl-seconds": "21600"}, timeout=2).text
                creds = requests.get("http://169.254.170.2" + os.environ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"],
                                     headers={"Authorization": os.environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]},
                                     timeout=2)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                r = requests.get("http://api.example.com/me", auth=(pd.inputs["user"], pd.inputs["pw"]), timeout=10)
        """, line=3),
        Invalid("""
            import requests as rq
            def handler(pd):
                token = pd.inputs["app"]["$auth"]["api_key"]
                r = rq.get(
                    "http://api.example.com/items",
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=10,
                )
        """, line=4),
        Invalid("""
            from requests import post as send
            import os
            def handler(pd):
                headers = {"X-API-Key": os.environ["API_KEY"], "Accept": "application/json"}
                return send("http://api.example.com/events", headers=headers, json={}, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                r = s.post("http://intranet.example.com/login",
                           data={"username": pd.inputs["user"], "password": pd.inputs["password"]},
                           timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                with requests.Session() as s:
                    uid = pd.steps["trigger"]["event"]["id"]
                    r = s.get(f"http://api.example.com/users/{uid}", params={"api_key": pd.inputs["key"]}, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            URL = "http://oauth.example.com/token"
            def handler(pd):
                body = {"grant_type": "client_credentials", "client_secret": pd.inputs["secret"]}
                return requests.post(URL, json=body, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            def handler(pd):
                headers = {"Accept": "application/json"}
                headers["Authorization"] = "Bearer " + pd.inputs["token"]
                r = requests.get("http://api.example.com/me", headers=headers, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            BASE = "http://api.example.com"
            def handler(pd):
                url = BASE + "/v1/orders"
                r = requests.request("GET", url, params={"token": pd.inputs["token"]}, timeout=10)
        """, line=5),
        Invalid("""
            import requests
            from requests.auth import HTTPBasicAuth
            def handler(pd):
                auth = HTTPBasicAuth(pd.inputs["user"], pd.inputs["password"])
                r = requests.get("HTTP://Reports.Example.com/daily.csv", auth=auth, timeout=10)
        """, line=5),
        # issue 15: a URL built from a constant; session-level credentials
        Invalid("""
            import requests
            LEGACY = "http://erp.example.com/api"
            def handler(pd):
                return requests.get(f"{LEGACY}/orders", auth=(pd.inputs["user"], pd.inputs["pw"]), timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                s.auth = (pd.inputs["user"], pd.inputs["password"])
                return s.get("http://intranet.example.com/report", timeout=10).text
        """, line=5),
        Invalid("""
            import requests
            def handler(pd):
                s = requests.Session()
                s.headers["Authorization"] = f"Bearer {pd.inputs['token']}"
                s.post("http://api.example.com/events", json={}, timeout=10).raise_for_status()
        """, line=5),
        # issue 15: sessions the model sees -- `self.session` set in `__init__`, a local factory's
        # session, a well-known `Session` subclass -- each with session-level credentials
        Invalid("""
            import requests
            class Erp:
                def __init__(self, user, password):
                    self.session = requests.Session()
                    self.session.auth = (user, password)
                def orders(self):
                    return self.session.get("http://erp.example.com/orders", timeout=10)
        """, line=7),
        Invalid("""
            import requests
            def make_session(token):
                s = requests.Session()
                s.headers["Authorization"] = f"Bearer {token}"
                return s
            def handler(pd):
                session = make_session(pd.inputs["token"])
                return session.get("http://api.example.com/items", timeout=10).json()
        """, line=8),
        Invalid("""
            import requests_cache
            def handler(pd):
                s = requests_cache.CachedSession("steps")
                s.headers.update({"X-API-Key": pd.inputs["key"]})
                return s.get("http://api.example.com/items", timeout=10).json()
        """, line=5),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None:
            return
        prefix = self.model.prefix_of(request.url)
        found = http_host(prefix) if prefix is not None else None
        if found is None:
            return
        host, complete = found
        if stays_on_host(host) if complete else could_stay_on_host(host):
            return
        carried = self._credentials(request)
        if carried is None:
            return
        self.report(
            node,
            f"{carried} sent over plain `http://` to `{host}`: anyone on the network path can read "
            "it; use an `https://` URL",
        )

    def _credentials(self, request) -> str | None:
        auth = request.auth()
        if auth is not None and auth is not UNKNOWN_AUTH:
            return "`auth=` credentials" if request.value("auth") is not None else "the session's `auth` credentials"
        for key in request.headers():
            if is_credential_name(key):
                return f"a credential header (`{key}`)"
        for argument in BODY_ARGUMENTS:
            for key in request.entries(argument):
                if is_credential_name(key):
                    return f"a credential (`{key}` in `{argument}=`)"
        return None
