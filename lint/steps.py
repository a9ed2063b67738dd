"""What makes a function a step handler, and how it names the platform's context (`pd`)."""

from __future__ import annotations

import ast

from .nodes import string_value

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
HANDLER_NAME = "handler"
PIPEDREAM_ANNOTATION = "pipedream"
CONVENTIONAL_NAME = "pd"


def _is_pipedream_param(param: ast.arg) -> bool:
    """`pd: "pipedream"` (the platform's own annotation)."""
    annotation = param.annotation
    if annotation is None:
        return False
    text = string_value(annotation)
    if text is None and isinstance(annotation, ast.Name):
        text = annotation.id
    return text is not None and text.strip().lower() == PIPEDREAM_ANNOTATION


def parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.arg]:
    args = function.args
    return [*args.posonlyargs, *args.args, *args.kwonlyargs]


def step_context_name(function: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The name a step handler gives the platform's context: any parameter annotated `"pipedream"`,
    else the first parameter of a function named `handler` (`def handler(pd)`, `def handler(ctx)`;
    `self`/`cls` skipped)."""
    params = parameters(function)
    for param in params:
        if _is_pipedream_param(param):
            return param.arg
    if function.name == HANDLER_NAME and params:
        first = params[0]
        if first.arg in {"self", "cls"} and len(params) > 1:
            first = params[1]
        return first.arg
    return None


def has_pipedream_annotation(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(_is_pipedream_param(param) for param in parameters(function))


def flow_exit_receiver(call: ast.Call) -> str | None:
    """`X` of a call `X.flow.exit(...)` (the platform's way to end the workflow), X a plain name."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "exit"):
        return None
    flow = func.value
    if not (isinstance(flow, ast.Attribute) and flow.attr == "flow"):
        return None
    return flow.value.id if isinstance(flow.value, ast.Name) else None
