"""The semantic model's answers, asked where the code calls `probe(...)` (as a rule would ask at
that node) and, for the objects a function made, when the function ends."""

from __future__ import annotations

import ast
import textwrap
from typing import Any, Callable

import pytest

from pdlint.engine import lint_snippet
from pdlint.objects import CHECK, PASSED, READ, RETURNED, STORED, USED, Response, Session
from pdlint.rules import Rule
from pdlint.sources import Snippet
from pdlint.templates import text_of


def probe(code: str, ask: Callable[[Any, ast.expr], Any]) -> list:
    """`ask(model, argument)` at every `probe(argument)` call, in walk order."""
    answers: list = []

    class Probe(Rule):
        code = "PD999"
        name = "probe"
        summary = "probe"

        def visit_Call(self, node: ast.Call) -> None:
            if isinstance(node.func, ast.Name) and node.func.id == "probe":
                answers.append(ask(self.model, node.args[0]))

    lint_snippet(Snippet(textwrap.dedent(code)), "case.py", [Probe])
    return answers


def things(code: str) -> list:
    """Every object each function (and the module) made, when its scope ended."""
    made: list = []

    class Collect(Rule):
        code = "PD999"
        name = "collect"
        summary = "collect"

        def scope_ended(self, scope) -> None:
            made.extend(scope.things)

    lint_snippet(Snippet(textwrap.dedent(code)), "case.py", [Collect])
    return made


def responses(code: str) -> list[Response]:
    return [thing for thing in things(code) if isinstance(thing, Response)]


def uses(code: str) -> list[str]:
    (response,) = responses(code)
    return [use.kind for use in response.uses]


def value_text(model, node) -> str | None:
    value = model.value_of(node)
    return None if value is node or value is None else ast.unparse(value)


# --- scopes and bindings ---------------------------------------------------------------------------
def test_a_walrus_in_a_comprehension_binds_in_the_function():
    code = """
        def handler(pd):
            found = [y for x in pd.inputs["xs"] if (y := x + 1)]
            probe(y)
            probe(x)
    """
    assert probe(code, value_text) == ["x + 1", None]


def test_tuple_targets_bind_element_by_element():
    code = """
        a, (b, c) = 1, (2, 3)
        d, *rest = 4, 5, 6
        probe(a); probe(b); probe(d); probe(rest)
    """
    assert probe(code, value_text) == ["1", "2", None, None]
    assert probe("a, b = 'x', 'y'\nprobe(b)", value_text) == ["'y'"]


def test_self_attributes_are_shared_by_the_methods_of_a_class():
    code = """
        import requests
        class Client:
            timeout = 10
            def __init__(self, token):
                self.session = requests.Session()
                self.session.headers["Authorization"] = f"Bearer {token}"
            def fetch(me, url):
                probe(me.session)
                probe(me.timeout)
            @staticmethod
            def other(self):
                probe(self.session)
    """
    answers = probe(code, lambda model, node: (model.is_session(node), value_text(model, node)))
    assert answers == [(True, "requests.Session()"), (False, "10"), (False, None)]


def test_a_class_body_is_not_seen_from_its_methods_and_globals_bind_in_the_module():
    code = """
        URL = "https://a"
        class C:
            URL = "http://b"
            def m(self):
                probe(URL)
        def set_url():
            global URL
            URL = "http://c"
        probe(URL)
        def outer():
            token = "t1"
            def inner():
                nonlocal token
                token = "t2"
            probe(token)
    """
    assert probe(code, value_text) == ["'https://a'", "'http://c'", "'t2'"]


def test_a_value_that_refers_to_its_own_name_reads_the_earlier_binding():
    code = """
        BASE = "https://api.example.com"
        url = BASE + "/search"
        url = url + "?q=" + q
        probe(url)
        path = "/items"
        path += "?page=" + str(page)
        probe(path)
    """
    answers = probe(code, lambda model, node: text_of(model.template(node, any_name=True), "{}"))
    assert answers == ["https://api.example.com/search?q={}", "/items?page={}"]


def test_a_constant_named_url_is_followed_into_an_f_string():
    code = """
        LEGACY = "http://erp.example.com"
        probe(f"{LEGACY}/orders")
        base = "http://intranet"
        probe(f"{base}/a")
    """
    assert probe(code, lambda model, node: model.prefix_of(node)) == ["http://erp.example.com/orders", "http://intranet/a"]


# --- objects: sessions and what local functions return ---------------------------------------------
def test_sessions_the_model_follows():
    code = """
        import requests
        import requests_cache
        from requests_oauthlib import OAuth2Session
        from cachecontrol import CacheControl
        class Api(requests.Session):
            pass
        def make_session(token):
            s = requests.Session()
            s.headers["Authorization"] = token
            return s
        probe(requests_cache.CachedSession("cache"))
        probe(OAuth2Session(client_id))
        probe(CacheControl(requests.Session()))
        probe(Api())
        probe(make_session(t))
        session = make_session(t) if t else None
        probe(session)
        probe(requests.session())
        probe(httpx.Client())
    """
    assert probe(code, lambda model, node: model.is_session(node)) == [True] * 7 + [False]


def test_a_session_from_a_factory_keeps_its_headers():
    code = """
        import requests
        def make_session(token):
            s = requests.Session()
            s.headers.update({"Authorization": f"Bearer {token}"})
            return s
        session = make_session(t)
        probe(session.get("http://x"))
    """
    answers = probe(code, lambda model, node: list(model.request_call(node).headers()))
    assert answers == [["Authorization"]]


def test_a_local_function_returning_a_response_or_a_file():
    code = """
        import requests
        def fetch(url):
            return requests.get(url, timeout=5)
        def checked(url):
            r = requests.get(url, timeout=5)
            r.raise_for_status()
            return r
        def log_file():
            return open("/tmp/log", "a")
        data = fetch("https://a").json()
        other = checked("https://b").json()
        f = log_file()
    """
    made = things(code)
    kinds = sorted((type(thing).__name__, thing.origin.lineno) for thing in made)
    assert ("Response", 11) in kinds  # fetch(...): the caller's to check
    assert ("Response", 12) not in kinds  # checked(...) already checked it
    assert ("OpenFile", 13) in kinds


# --- request calls ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "parameter", "expected"),
    [
        ("requests.post(u, payload)", "data", "payload"),
        ("requests.post(u, None, payload)", "json", "payload"),
        ("requests.get(u, {'q': 1})", "params", "{'q': 1}"),
        ("requests.request('GET', u, timeout=5)", "url", "u"),
        ("requests.put(url=u, data=d)", "data", "d"),
        ("s.request('POST', u, None, None, h)", "headers", "h"),
        ("s.get(u, p)", "params", "p"),
        ("requests.post(*args, data=d)", "data", "d"),
        ("requests.post(*args)", "data", None),
        ("requests.delete(u, d)", "data", None),
    ],
)
def test_every_argument_by_keyword_or_position(call: str, parameter: str, expected: str | None):
    code = f"import requests\ns = requests.Session()\nprobe({call})\n"
    answers = probe(code, lambda model, node: model.request_call(node).value(parameter))
    assert [None if a is None else ast.unparse(a) for a in answers] == [expected]


def test_headers_as_entries_or_unknown():
    code = """
        import requests
        headers = {"Accept": "application/json", "X-Trace": tid}
        headers["Authorization"] = token
        del headers["X-Trace"]
        probe(requests.get(u, headers=headers))
        headers.update(extra)
        probe(requests.get(u, headers=headers))
        probe(requests.get(u, headers={**BASE, "A": 1}))
        probe(requests.get(u, headers=dict(Accept="text/csv")))
        probe(requests.get(u, headers=None))
        probe(requests.get(u, headers=load()))
        s = requests.Session()
        s.headers.update({"Content-Type": "application/json"})
        s.auth = ("user", pw)
        probe(s.post(u, headers={"Accept": "*/*"}))
        h2 = {"A": "1"}
        decorate(h2)
        probe(requests.get(u, headers=h2))
    """
    answers = probe(code, lambda model, node: (sorted(model.request_call(node).headers()),
                                               model.request_call(node).headers().complete))
    assert answers == [
        (["Accept", "Authorization"], True),
        (["Accept", "Authorization"], False),
        (["A"], False),
        (["Accept"], True),
        ([], True),
        ([], False),
        (["Accept", "Content-Type"], True),
        (["A"], False),
    ]
    auth = probe(code, lambda model, node: model.request_call(node).auth())
    assert ast.unparse(auth[6]) == "('user', pw)"


# --- the uses of a response --------------------------------------------------------------------------
def test_a_status_check_through_a_walrus_or_a_name_holding_the_status():
    assert uses("""
        import requests
        if (r := requests.get(u, timeout=5)).ok:
            print(r.json())
    """) == [CHECK, READ]
    found = uses("""
        import requests
        r = requests.get(u, timeout=5)
        status = r.status_code
        if status >= 400:
            raise RuntimeError(status)
        r.json()
    """)
    assert [kind for kind in found if kind != USED] == [CHECK, READ]


def test_logging_and_formatting_are_uses_not_hand_offs():
    assert uses("""
        import requests, logging
        log = logging.getLogger(__name__)
        r = requests.get(u, timeout=5)
        log.info("%s", r)
        print(f"got {r}")
        r.raise_for_status
    """) == [USED, USED, USED]


def test_handed_on():
    assert uses("""
        import requests
        def f():
            r = requests.get(u, timeout=5)
            save(r)
            cache["last"] = r
            return r
    """) == [PASSED, STORED, RETURNED]


def test_a_conditional_expression_and_a_tuple_assignment_bind_responses():
    assert len(responses("""
        import requests
        r = requests.get(u) if ok else None
        a, b = requests.get(x), requests.get(y)
    """)) == 3
    assert all(thing.names for thing in responses("""
        import requests
        r = requests.get(u) if ok else None
        a, b = requests.get(x), requests.get(y)
    """))


def test_a_session_handed_to_unknown_code_may_have_changed():
    code = """
        import requests
        s = requests.Session()
        configure(s)
        probe(s.post(u, data={"a": 1}))
    """
    answers = probe(code, lambda model, node: model.request_call(node).headers().has("content-type"))
    assert answers == [None]
    assert isinstance(things(code)[0], Session)


def test_self_in_a_nested_function_and_class_attributes_by_class_name():
    code = """
        import requests
        class Config:
            BASE_URL = "http://erp.example.com"
        class Client:
            def __init__(self):
                self.session = requests.Session()
            def fetch_all(self, urls):
                def one(url):
                    probe(self.session)
                return [one(u) for u in urls]
            def other(self):
                def inner(self):
                    probe(self.session)
        probe(Config.BASE_URL + "/orders")
    """
    answers = probe(code, lambda model, node: model.is_session(node) or model.prefix_of(node))
    assert answers == [True, None, "http://erp.example.com/orders"]
