"""The model's view of which code sends a request: `sends_request` and `local_function`."""

from __future__ import annotations

import ast
import textwrap

from pdlint.engine import _walk, Context
from pdlint.model import Model, flow_exit_receiver, step_context_name


def _model(code: str) -> tuple[Model, ast.Module]:
    tree = ast.parse(textwrap.dedent(code))
    context = Context(model=Model(), parents=[])
    _walk(tree, context, [])
    return context.model, tree


def _named(tree: ast.AST, name: str) -> ast.AST:
    return next(n for n in ast.walk(tree) if getattr(n, "name", None) == name)


def test_statements_and_functions_that_send() -> None:
    model, tree = _model("""
        import requests as rq
        def fetch(url):
            return rq.get(url, timeout=5).json()
        def quiet():
            return [1, 2]
        def handler(pd):
            data = fetch("https://x.io")
            items = quiet()
            def later():
                rq.post("https://y.io", timeout=5)
            return data, items
    """)
    handler = _named(tree, "handler")
    assert model.sends_request(_named(tree, "fetch"))
    assert not model.sends_request(_named(tree, "quiet"))
    assert model.sends_request(_named(tree, "later"))
    assert model.sends_request(handler)  # through `fetch`, not through the nested `later`
    first, second, nested, _ = handler.body
    assert model.sends_request(first) and not model.sends_request(second)
    assert model.sends_request(nested.body[0])  # the nested function's own statement


def test_nested_function_does_not_make_its_parent_send() -> None:
    model, tree = _model("""
        import requests
        def outer():
            def inner():
                return requests.get("https://x.io", timeout=5)
            return inner
    """)
    assert model.sends_request(_named(tree, "inner"))
    assert not model.sends_request(_named(tree, "outer"))


def test_session_methods_and_later_definitions() -> None:
    model, tree = _model("""
        import requests
        def handler(pd):
            s = requests.Session()
            s.get("https://x.io", timeout=5)
            helper()
        def helper():
            return requests.get("https://x.io", timeout=5)
    """)
    handler = _named(tree, "handler")
    assert [model.sends_request(s) for s in handler.body] == [False, True, False]  # helper: not yet defined


def test_step_context_and_flow_exit() -> None:
    tree = ast.parse('def handler(self, ctx): pass\ndef main(x, c: "pipedream"): c.flow.exit("x")')
    handler, main = tree.body
    assert step_context_name(handler) == "ctx" and step_context_name(main) == "c"
    call = main.body[0].value
    assert flow_exit_receiver(call) == "c"
