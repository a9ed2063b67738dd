"""PD119 handler-contract: a step `handler` the platform cannot call as `handler(pd)`."""

from __future__ import annotations

import ast

from ..model import FUNCTIONS, HANDLER_NAME, has_pipedream_annotation, parameters
from ..plans import AddParameter, MakeSync
from .base import Invalid, Rule, Valid

CONVENTIONAL_NAME = "pd"
CONTEXT_ATTRIBUTES = frozenset({"steps", "inputs", "export", "flow", "respond", "context"})
_NESTED = (*FUNCTIONS, ast.Lambda, ast.ClassDef)
_SIGNATURE_WIDTH = 40


class HandlerContract(Rule):
    code = "PD119"
    name = "handler-contract"
    summary = (
        "step `handler` the platform cannot call as `handler(pd)`: `async def`, other than one "
        "positional parameter, or defined twice"
    )
    fix_safety = "unsafe"

    VALID = [
        Valid("""
            def handler(pd: "pipedream"):
                return pd.steps["trigger"]["event"]
        """),
        Valid("""
            def handler(ctx):
                ctx.export("seen", True)
        """),
        Valid("""
            def handler(pd, page_size=50):
                return {"size": page_size, "event": pd.steps["trigger"]["event"]}
        """),
        Valid("""
            def handler(pd, *args, **kwargs):
                return pd.steps["trigger"]["event"]
        """),
        Valid("""
            import json
            def handler(event, context):
                return {"statusCode": 200, "body": json.dumps(event)}
        """),
        Valid("""
            class Step:
                def handler(self, pd, payload):
                    return payload
            def handler(pd: "pipedream"):
                return Step().handler(pd, pd.steps["trigger"]["event"])
        """),
        Valid("""
            def make_app():
                async def handler(request):
                    return {"ok": True}
                return handler
            def handler(pd):
                return make_app()
        """),
        Valid("""
            def handler_v1(pd):
                return 1
            def handler(pd: "pipedream"):
                return 2
        """),
        Valid("""
            import asyncio
            async def fetch_all(urls):
                return [u for u in urls]
            def handler(pd: "pipedream"):
                return asyncio.run(fetch_all(pd.steps["collect"]["$return_value"]))
        """),
        Valid("""
            from flask import Flask
            app = Flask(__name__)
            @app.route("/")
            def handler():
                return "ok"
        """),
    ]
    INVALID = [
        Invalid("""
            def handler(pd, event, steps):
                return steps["trigger"]["event"]
        """, line=1),
        Invalid("""
            def handler():
                return pd.steps["trigger"]["event"]
        """, line=1, expected_fix="""
            def handler(pd):
                return pd.steps["trigger"]["event"]
        """),
        Invalid("""
            import asyncio
            async def handler(pd: "pipedream"):
                await asyncio.sleep(1)
                return pd.steps["trigger"]["event"]
        """, line=2),
        Invalid("""
            import requests
            async def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                return r.json()
        """, line=2, expected_fix="""
            import requests
            def handler(pd):
                r = requests.get("https://api.example.com", timeout=10)
                return r.json()
        """),
        Invalid("""
            def handler(pd: "pipedream"):
                return 1

            def handler(pd: "pipedream"):
                return 2
        """, line=4),
        Invalid("""
            def handler(pd: "pipedream", event):
                return event
        """, line=1),
        Invalid("""
            def handler(*, pd):
                return pd.steps
        """, line=1),
        Invalid("""
            def handler(**kwargs):
                pd = kwargs["pd"]
                return pd.steps
        """, line=1),
        Invalid("""
            def handler(self, pd):
                pd.export("x", 1)
        """, line=1),
        Invalid("""
            @staticmethod
            async def handler(pd):
                return pd.inputs
        """, line=2),
    ]

    def visit_Module(self, node: ast.Module) -> None:
        handlers = [s for s in node.body if isinstance(s, FUNCTIONS) and s.name == HANDLER_NAME]
        if not handlers or not any(_is_step_handler(h) for h in handlers):
            return
        first = handlers[0]
        for handler in handlers:
            problems = []
            if handler is not first:
                problems.append(
                    f"`handler` is defined again (first at line {first.lineno}): only the last "
                    "definition runs; remove or rename the others"
                )
            if isinstance(handler, ast.AsyncFunctionDef):
                problems.append(
                    "`async def handler`: the Python runtime calls `handler(pd)` without awaiting "
                    "it, so the body never runs; write `def handler(pd)` (and `asyncio.run(...)` "
                    "inside for async code)"
                )
            if not handler.decorator_list and not _callable_with_one_argument(handler.args):
                signature = _short(f"def handler({ast.unparse(handler.args)})")
                problems.append(
                    f"`{signature}`: the platform calls `handler(pd)` with one argument, so every "
                    "run fails with a TypeError; take exactly one parameter, `def handler(pd)`"
                )
            if problems:
                self.report(handler, "; ".join(problems), fix=self._fix(handler, problems))

    def _fix(self, handler: ast.FunctionDef | ast.AsyncFunctionDef, problems: list[str]):
        """Unsafe fixes where the intent is plain: `async` dropped from a handler that awaits
        nothing, `pd` given to a handler without parameters that uses it."""
        if len(problems) != 1 or handler.decorator_list:
            return None
        if isinstance(handler, ast.AsyncFunctionDef) and not _awaits(handler):
            return self.plan_fix(MakeSync(handler))
        arguments = handler.args
        if (
            isinstance(handler, ast.FunctionDef)
            and not parameters(handler)
            and arguments.vararg is None
            and arguments.kwarg is None
            and CONVENTIONAL_NAME in _free_names(handler)
        ):
            return self.plan_fix(AddParameter(handler, CONVENTIONAL_NAME))
        return None


def _is_step_handler(handler: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A step's handler rather than another platform's (`def handler(event, context)`): a parameter
    annotated `"pipedream"` or named `pd`, or a body that uses `pd` or reads `.steps`, `.inputs`,
    `.export(...)`, `.flow` of its first parameter."""
    if has_pipedream_annotation(handler):
        return True
    params = parameters(handler)
    if any(param.arg == CONVENTIONAL_NAME for param in params):
        return True
    first = params[0].arg if params else None
    for node in _own_nodes(handler):
        if isinstance(node, ast.Name) and node.id == CONVENTIONAL_NAME:
            return True
        if (
            first is not None
            and isinstance(node, ast.Attribute)
            and node.attr in CONTEXT_ATTRIBUTES
            and isinstance(node.value, ast.Name)
            and node.value.id == first
            and first not in {"self", "cls", "event", "request"}
        ):
            return True
    return False


def _callable_with_one_argument(arguments: ast.arguments) -> bool:
    positional = [*arguments.posonlyargs, *arguments.args]
    required = len(positional) - len(arguments.defaults)
    keyword_only_required = any(default is None for default in arguments.kw_defaults)
    return (bool(positional) or arguments.vararg is not None) and required <= 1 and not keyword_only_required


def _own_nodes(function: ast.AST):
    stack = list(reversed(function.body))  # type: ignore[attr-defined]
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, _NESTED):
                stack.append(child)


def _awaits(function: ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(node, (ast.Await, ast.AsyncFor, ast.AsyncWith, ast.Yield, ast.YieldFrom))
        for node in _own_nodes(function)
    )


def _free_names(function: ast.AST) -> set[str]:
    """Names the function reads and never binds (a step's `pd` when the parameter is missing)."""
    loaded, stored = set(), set()
    for node in ast.walk(function):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else stored).add(node.id)
    return loaded - stored


def _short(text: str) -> str:
    return text if len(text) <= _SIGNATURE_WIDTH else text[: _SIGNATURE_WIDTH - 4] + "...)"
