"""PD114 graphql-interpolation: a GraphQL document built by interpolating values into its text."""

from __future__ import annotations

import ast
import re

from ..templates import (
    PLACEHOLDER,
    builds_string,
    has_hole,
    is_piece_of_larger_string,
    template_of,
    text_of,
)
from .base import Invalid, Rule, Valid

# An operation (`query Name($id: ID!) {`, `mutation {`) or a selection set whose first field is
# followed by arguments, a sub-selection, an alias, a directive or more fields (`{ viewer {`,
# `{ user(`, `{ a: b`, `{\n  id\n  name`). Not GraphQL: `{"key": ...}` (JSON built by hand),
# `{name} is ...` (a format placeholder), `{key:'value'}` (a JavaScript-style object).
GRAPHQL_START = re.compile(
    r"(?:(?:query|mutation|subscription)(?:\s+[_A-Za-z][_0-9A-Za-z]*)?\s*[({@]"
    r"|\{\s*[_A-Za-z][_0-9A-Za-z]*(?:\s*[({@]|\s*:\s*[_A-Za-z]|\s+[_A-Za-z}]))"
)


def looks_like_graphql(text: str) -> bool:
    return GRAPHQL_START.match(text.lstrip()) is not None


class GraphqlInterpolation(Rule):
    code = "PD114"
    name = "graphql-interpolation"
    summary = (
        "GraphQL document built by interpolating values: declare `$variables` in the query "
        'and send them with `json={"query": query, "variables": {...}}`'
    )

    VALID = [
        Valid('''
            import requests
            def handler(pd):
                query = """
            query samplePokeAPIquery {
              generations: pokemon_v2_generation { name }
            }
                """
                r = requests.post(url, json={"query": query}, timeout=10)
        '''),
        Valid('''
            import requests
            def handler(pd):
                query = """
                query ($login: String!) { user(login: $login) { name } }
                """
                r = requests.post(url, json={"query": query, "variables": {"login": pd.inputs["login"]}}, timeout=10)
        '''),
        Valid('''
            USER_FIELDS = "fragment UserFields on User { id name }"
            QUERY = f"""
            query ($id: ID!) {{ user(id: $id) {{ ...UserFields }} }}
            {USER_FIELDS}
            """
        '''),
        Valid('''
            def handler(pd):
                body = '{"name": "' + pd.inputs["name"] + '"}'
                return body
        '''),
        Valid('''
            def handler(pd):
                message = f"query failed for {pd.inputs['user']}"
                print(message)
        '''),
        Valid('''
            def handler(pd):
                sql = f"SELECT * FROM users WHERE id = {pd.inputs['id']}"
        '''),
        Valid('''
            def handler(pd):
                payload = f'{{"query": "{pd.inputs["q"]}"}}'
        '''),
        Valid('''
            import requests
            def handler(pd):
                r = requests.post(url, json={"query": "{ viewer { login } }"}, timeout=10)
        '''),
        Valid('''
            def handler(pd):
                label = "{} items".format(pd.inputs["count"])
        '''),
        Valid('''
            QUERY = "query { viewer { login } }"
            FULL = QUERY + "\\n"
        '''),
        Valid('''
            def handler(pd):
                message = ("{name} is deprecated, use {other} instead. " + pd.inputs["hint"]).format(name="a", other="b")
                selector = f"{{imageDigest:'{pd.inputs['digest']}'}}"
        '''),
        Valid('''
            GREETING = "{name} is {state}"
            MESSAGE = "Hello %s"
            def handler(pd):
                return GREETING.format(name="job", state="done"), MESSAGE % pd.inputs["user"]
        '''),
    ]
    INVALID = [
        Invalid('''
            import requests
            def handler(pd):
                login = pd.inputs["login"]
                query = f"""
                query {{
                  user(login: "{login}") {{ name }}
                }}
                """
                r = requests.post(url, json={"query": query}, timeout=10)
        ''', line=4),
        Invalid('''
            import requests
            def handler(pd):
                r = requests.post(url, json={"query": f"{{ repository(name: \\"{pd.inputs['repo']}\\") {{ id }} }}"}, timeout=10)
        ''', line=3),
        Invalid('''
            def handler(pd):
                query = "mutation { deleteIssue(id: \\"%s\\") { ok } }" % pd.inputs["id"]
        ''', line=2),
        Invalid('''
            def handler(pd):
                query = """
                query {{ issue(id: "{}") {{ title }} }}
                """.format(pd.inputs["id"])
        ''', line=2),
        Invalid('''
            def handler(pd):
                query = "query { user(id: " + str(pd.inputs["id"]) + ") { name } }"
        ''', line=2),
        Invalid('''
            def handler(pd):
                first = pd.inputs["first"]
                query = (
                    "query Items {"
                    f"  items(first: {first}) {{ id }}"
                    "}"
                )
        ''', line=4),
        Invalid('''
            def handler(pd):
                sub = f"subscription OnEvent {{ event(channel: \\"{pd.inputs['channel']}\\") {{ id }} }}"
        ''', line=2),
        Invalid('''
            def build(owner, name):
                return f"""query GetRepo {{
                  repository(owner: "{owner}", name: "{name}") {{ stargazerCount }}
                }}"""
        ''', line=2),
        Invalid('''
            import requests as rq
            def handler(pd):
                s = rq.Session()
                r = s.post(url, json={"query": "{ node(id: \\"%(id)s\\") { id } }" % {"id": pd.inputs["id"]}}, timeout=10)
        ''', line=4),
        # a template kept in a module-level constant and formatted where it is used
        Invalid('''
            import requests
            PRODUCTS = """
            {{ products(first: {first}, query: "{query}") {{ edges {{ node {{ id title }} }} }} }}
            """
            def handler(pd):
                body = {"query": PRODUCTS.format(first=10, query=pd.inputs["q"])}
                return requests.post(URL, json=body, timeout=10).json()
        ''', line=6),
        Invalid('''
            ISSUE = 'query { issue(id: "%s") { title } }'
            def handler(pd):
                return ISSUE % pd.inputs["id"]
        ''', line=3),
    ]

    # An implicit concatenation of strings is one JoinedStr when it holds an f-string, else one
    # Constant (which has no hole), so JoinedStr, BinOp and Call cover every string-building node.
    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        self._judge(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        self._judge(node)

    def visit_Call(self, node: ast.Call) -> None:
        self._judge(node)

    def _judge(self, node: ast.expr) -> None:
        if not builds_string(node, self.model) or is_piece_of_larger_string(node, self.parents, self.model):
            return
        template = template_of(node, self.model)
        if template is None or not has_hole(template):
            return
        if looks_like_graphql(text_of(template, PLACEHOLDER)):
            self.report(node)
