"""PD116 flow-exit-without-return: `pd.flow.exit(...)` as a bare statement lets the step run on."""

from __future__ import annotations

import ast

from ..model import FUNCTIONS, flow_exit_receiver, step_context_name
from ..occurrence import block_of, in_finally, statements_after
from .base import Invalid, Rule, Valid
from ..plans import MakeReturn, RemoveStatements

CONVENTIONAL_NAME = "pd"


class FlowExitWithoutReturn(Rule):
    code = "PD116"
    name = "flow-exit-without-return"
    summary = "`pd.flow.exit(...)` without `return`: the rest of the step still runs; write `return pd.flow.exit(...)`"
    fix_safety = "safe"

    VALID = [
        Valid("""
            def handler(pd: "pipedream"):
                if not pd.steps["trigger"]["event"].get("body"):
                    return pd.flow.exit("no body")
                return pd.steps["trigger"]["event"]["body"]
        """),
        Valid("""
            def handler(ctx):
                return ctx.flow.exit("nothing to do")
        """),
        Valid("""
            import sys
            def handler(pd):
                sys.exit(0)
        """),
        Valid("""
            def handler(pd):
                stop = pd.flow.exit
                return stop("done")
        """),
        Valid("""
            def handler(pd):
                client = make_client()
                client.flow.exit()
        """),
        Valid("""
            def handler(pd):
                result = pd.flow.exit("done")
                return result
        """),
        Valid("""
            def handler(pd):
                callbacks = [lambda: pd.flow.exit("later")]
                return callbacks
        """),
        Valid("""
            def handler(pd):
                pd.flow.delay(60 * 1000)
                pd.export("scheduled", True)
        """),
        Valid("""
            import os
            os._exit(0)
        """),
        # issue 15: nothing runs after it — a `return` follows at once, or it ends the handler
        Valid("""
            def handler(pd: "pipedream"):
                if not pd.steps["trigger"]["event"].get("body"):
                    pd.flow.exit("no body")
                    return {}
                return pd.steps["trigger"]["event"]["body"]
        """),
        Valid("""
            def handler(pd):
                if pd.steps["trigger"]["event"]["type"] == "ping":
                    pd.flow.exit("ping")
                else:
                    pd.export("event", pd.steps["trigger"]["event"])
        """),
        Valid("""
            def handler(pd):
                try:
                    pd.export("id", pd.steps["trigger"]["event"]["id"])
                except KeyError:
                    pd.flow.exit("no id")
        """),
        Valid("""
            pd.export("done", True)
            pd.flow.exit("This is the end")
        """),
    ]
    INVALID = [
        Invalid("""
            def handler(pd: "pipedream"):
                if pd.steps["trigger"]["event"]["status"] == "ignored":
                    pd.flow.exit("ignored event")
                print("processing")
        """, line=3, expected_fix="""
            def handler(pd: "pipedream"):
                if pd.steps["trigger"]["event"]["status"] == "ignored":
                    return pd.flow.exit("ignored event")
                print("processing")
        """),
        Invalid("""
            def handler(ctx):
                ctx.flow.exit()  # stop here
                ctx.export("never", "runs")
        """, line=2, expected_fix="""
            def handler(ctx):
                return ctx.flow.exit()  # stop here
        """),
        Invalid("""
            pd.flow.exit("This is the end")
            print("This code still runs")
        """, line=1),
        Invalid("""
            def stop_early(pd, reason):
                pd.flow.exit(reason)
        """, line=2),
        Invalid("""
            def handler(pd):
                if not pd.inputs.get("email"):
                    pd.flow.exit("no email"); print("skipped")
        """, line=3, expected_fix="""
            def handler(pd):
                if not pd.inputs.get("email"):
                    return pd.flow.exit("no email")
        """),
        Invalid("""
            async def handler(pd):
                for item in pd.steps["fetch"]["items"]:
                    if item["done"]:
                        pd.flow.exit(f"already done: {item['id']}")
        """, line=4, expected_fix="""
            async def handler(pd):
                for item in pd.steps["fetch"]["items"]:
                    if item["done"]:
                        return pd.flow.exit(f"already done: {item['id']}")
        """),
        Invalid("""
            def main(context: "pipedream"):
                try:
                    value = context.steps["trigger"]["event"]["value"]
                except KeyError:
                    context.flow.exit(
                        "no value"
                    )
                return value
        """, line=5, expected_fix="""
            def main(context: "pipedream"):
                try:
                    value = context.steps["trigger"]["event"]["value"]
                except KeyError:
                    return context.flow.exit(
                        "no value"
                    )
                return value
        """),
        Invalid("""
            def handler(pd):
                def check(event):
                    if event is None:
                        pd.flow.exit("no event")
                check(pd.steps["trigger"]["event"])
        """, line=4),
        Invalid("""
            class Step:
                def handler(self, pd):
                    pd.flow.exit("skip")
                    self.audit("skipped")
                    return 1
        """, line=3, expected_fix="""
            class Step:
                def handler(self, pd):
                    return pd.flow.exit("skip")
        """),
        Invalid("""
            def handler(pd):
                try:
                    pass
                finally:
                    pd.flow.exit("always")
                pd.export("after", True)
        """, line=5),
        Invalid("""
            def handler(pd):
                try:
                    value = pd.steps["trigger"]["event"]["value"]
                    pd.flow.exit("got it")
                except KeyError:
                    value = None
                else:
                    pd.export("value", value)
        """, line=4),
        Invalid("""
            def handler(pd):
                r = fetch(pd.inputs["url"])
                pd.flow.exit("done")
                return r.json()
        """, line=3),
    ]

    def visit_Call(self, node: ast.Call) -> None:
        receiver = flow_exit_receiver(node)
        if receiver is None:
            return
        parents = self.parents
        if len(parents) < 2 or not (isinstance(parents[-1], ast.Expr) and parents[-1].value is node):
            return
        if receiver != CONVENTIONAL_NAME and receiver not in self._context_names():
            return
        after = self._what_runs_after(receiver)
        if after is None:
            return  # a `return` follows at once, or the call ends the handler: nothing runs after it
        call_text = f"{receiver}.flow.exit(...)"
        self.report(
            node,
            f"`{call_text}` without `return`: {after}; write `return {call_text}`",
            fix=self._fix(parents[-1], parents[-2], receiver),
        )

    def _what_runs_after(self, receiver: str) -> str | None:
        """What still runs after the `pd.flow.exit(...)` statement (the last of `self.parents`),
        said for the message; None when nothing does: the next statement of its block is a
        `return` that calls nothing (`return`, `return {}`), or it is the last thing the handler
        (or the module) runs."""
        parents = self.parents
        child: ast.AST = parents[-1]
        first = True
        for depth in range(len(parents) - 2, -1, -1):
            owner = parents[depth]
            found = block_of(owner, child)
            if found is None:
                return "the rest of the step still runs"
            field, block = found
            index = next(i for i, item in enumerate(block) if item is child)
            if field not in ("handlers", "cases") and index + 1 < len(block):
                if first and _returns_without_running_code(block[index + 1]):
                    return None
                return "the rest of the step still runs"
            first = False
            if isinstance(owner, FUNCTIONS):
                if step_context_name(owner) == receiver:
                    return None
                return f"the code that called `{owner.name}` still runs"
            if isinstance(owner, ast.Module):
                return None
            if isinstance(owner, (ast.For, ast.AsyncFor, ast.While)) and field == "body":
                return "the loop goes on, and the rest of the step still runs"
            if isinstance(owner, _TRY) and (
                (field == "body" and owner.orelse) or (field != "finalbody" and owner.finalbody)
            ):
                return "the rest of the step still runs"
            if isinstance(owner, (ast.ClassDef, ast.Lambda)):
                return "the rest of the step still runs"
            child = owner
        return None

    def _context_names(self) -> set[str]:
        names = set()
        for parent in self.parents:
            if isinstance(parent, FUNCTIONS):
                name = step_context_name(parent)
                if name is not None:
                    names.add(name)
        return names

    def _fix(self, expr: ast.Expr, owner: ast.AST, receiver: str):
        """`return` only where it is legal and clearly meant: directly in the handler (not a
        nested function, a class body or the module), and not in a `finally:` (where a `return`
        would swallow exceptions). The statements after it in its block, which the `return`
        makes unreachable, go."""
        function = next(
            (p for p in reversed(self.parents) if isinstance(p, (*FUNCTIONS, ast.ClassDef, ast.Lambda))),
            None,
        )
        if not isinstance(function, FUNCTIONS) or step_context_name(function) != receiver:
            return None
        if in_finally(expr, self.parents[:-1]):
            return None
        unreachable = statements_after(expr, owner)
        return self.plan_fix(MakeReturn(expr), *([RemoveStatements(unreachable)] if unreachable else []))



_TRY = (ast.Try, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))
_RUNS_CODE = (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)


def _returns_without_running_code(statement: ast.stmt) -> bool:
    """`return`, `return {}`, `return result`: a return that calls nothing on its way out."""
    if not isinstance(statement, ast.Return):
        return False
    return statement.value is None or not any(isinstance(node, _RUNS_CODE) for node in ast.walk(statement.value))
