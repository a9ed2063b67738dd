"""PD113 manual-query-string: a request URL whose query string is built by hand."""

from __future__ import annotations

import ast
import re

from ..templates import PLACEHOLDER, Hole, Template, template_of
from .base import Invalid, Rule, Valid

# `?name=` or `&name=`, then the text of the value so far (no `&` or `#`: still in that value).
QUERY_VALUE_BEFORE_HOLE = re.compile(r"[?&]([A-Za-z0-9_.\-\[\]%~$]+)=[^&#]*$")


def interpolated_parameter(template: Template) -> str | None:
    """The name of the first query parameter whose value is interpolated, wholly or in part
    (`?id={x}`, `?$filter=name eq '{x}'`, `?jql=project = " + key`), if any."""
    before = []
    for part in template:
        if isinstance(part, Hole):
            match = QUERY_VALUE_BEFORE_HOLE.search("".join(before))
            if match:
                return match.group(1)
            before.append(PLACEHOLDER)
        else:
            before.append(part)
    return None


class ManualQueryString(Rule):
    code = "PD113"
    name = "manual-query-string"
    summary = "query string built by hand: pass the values with `params={...}` and let requests encode them"

    VALID = [
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://jsonplaceholder.typicode.com/comments",
                                 params={"postId": pd.inputs["post_id"]}, timeout=10)
        """),
        Valid("""
            import requests
            r = requests.get("https://api.example.com/items?sort=asc&limit=50", timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                user = pd.inputs["user"]
                r = requests.get(f"https://api.github.com/users/{user}/repos?per_page=100", timeout=10)
        """),
        Valid("""
            import requests
            from urllib.parse import urlencode
            def handler(pd):
                r = requests.get(f"https://api.example.com/search?{urlencode(pd.inputs['query'])}", timeout=10)
        """),
        Valid("""
            import requests
            PAGE_SIZE = 100
            r = requests.get(f"https://api.example.com/items?limit={PAGE_SIZE}", timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                url = pd.steps["list"]["next_page_url"]
                r = requests.get(url, timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                base = "https://api.example.com"
                r = requests.get(base + "/items/" + str(pd.inputs["id"]), timeout=10)
        """),
        Valid("""
            link = f"https://example.com/view?id={item_id}"
            print(link)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com/%s/items" % pd.inputs["tenant"], timeout=10)
        """),
        Valid("""
            import requests
            def handler(pd):
                r = requests.get(f"{pd.inputs['base']}#section={pd.inputs['s']}", timeout=10)
        """),
        Valid("""
            import requests
            FILTER = "status eq 'open'"
            def handler(pd):
                r = requests.get(f"https://x.example.com/odata/Orders?$filter={FILTER}&$top=5", timeout=10)
                s = requests.get(f"https://x.example.com/odata/Orders?$top=5#{pd.inputs['anchor']}", timeout=10)
        """),
    ]
    INVALID = [
        Invalid("""
            import requests
            def handler(pd):
                for i in pd.inputs["ids"]:
                    r = requests.get(url + "?id=" + str(i), timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                page = 1
                r = requests.get(f"{pd.inputs['base']}/items?page={page}", timeout=10)
        """, line=4),
        Invalid("""
            import requests as rq
            def handler(pd):
                q = pd.inputs["q"]
                r = rq.get("https://api.example.com/search?q=%s" % q, timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                q = pd.inputs["q"]
                r = requests.get("https://api.example.com/search?q={}".format(q), timeout=10)
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                url = f"https://api.example.com/items?limit=50&cursor={pd.inputs['cursor']}"
                r = requests.get(url, timeout=10)
        """, line=3),
        Invalid("""
            from requests import get as fetch
            def handler(pd):
                r = fetch("https://api.example.com/users?" + "email=" + pd.inputs["email"], timeout=10)
        """, line=3),
        Invalid("""
            import requests
            with requests.Session() as s:
                r = s.get(
                    "https://api.example.com/v1/orders"
                    f"?status=open&customer={customer_id}",
                    timeout=10,
                )
        """, line=4),
        Invalid("""
            import requests
            def handler(pd):
                r = requests.request("GET", "https://api.example.com/items?page=%(page)d" % {"page": 2 + 1}, timeout=10)
        """, line=3),
        Invalid("""
            r = requests.delete(f"https://api.example.com/tags?name={tag}", timeout=10)
        """, line=1),
        Invalid("""
            import requests
            def handler(pd):
                search = "https://api.example.com/search?term="
                r = requests.get(search + pd.inputs["term"], timeout=10)
        """, line=4),
        # issue 15: `+=`, an OData filter, a JQL query: the value is interpolated into, not after `name=`
        Invalid("""
            import requests
            API = "https://api.example.com/v1"
            def search(q):
                url = API + "/search"
                url += "?q=" + q
                return requests.get(url, timeout=5)
        """, line=5),
        Invalid("""
            import requests
            def accounts(name):
                url = f"https://org.example.com/api/data/v9.2/accounts?$filter=name eq '{name}'&$top=5"
                return requests.get(url, timeout=5)
        """, line=3),
        Invalid("""
            import requests
            def by_project(key):
                url = "https://acme.atlassian.net/rest/api/3/search?jql=project = " + key
                return requests.get(url, timeout=30)
        """, line=3),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        request = self.model.request_call(node)
        if request is None:
            return
        url = request.url
        if url is None:
            return
        built = url
        template = template_of(url, self.model)
        if template is None:
            bound = self.model.value_of(url)
            if bound is None or bound is url:
                return
            built, template = bound, template_of(bound, self.model)
            if template is None:
                return
        name = interpolated_parameter(template)
        if name is not None:
            self.report(
                built,
                f"query parameter `{name}` interpolated into the URL by hand (not URL-encoded): "
                f"pass it with `params={{\"{name}\": ...}}` instead",
            )
