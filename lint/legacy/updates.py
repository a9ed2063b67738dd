"""Keeps the libcst model in step with the walk, for rules still written against libcst."""

from __future__ import annotations

import libcst as cst

from .model import UNKNOWN, Model, dotted_name


class _ModelUpdates:
    """Keeps the model's imports, scopes and bindings in step with the walk."""

    def __init__(self, model: Model) -> None:
        self.model = model

    def visit_Import(self, node: cst.Import) -> None:
        for alias in node.names:
            dotted = dotted_name(alias.name)
            if dotted is None:
                continue
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.model.add_import(alias.asname.name.value, dotted)
            else:
                head = dotted.split(".", 1)[0]
                self.model.add_import(head, head)

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
            return
        module = dotted_name(node.module)
        if module is None:
            return
        for alias in node.names:
            name = dotted_name(alias.name)
            if name is None:
                continue
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            self.model.add_import(bound, f"{module}.{name}")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.model.bind(node.name.value, UNKNOWN)
        self.model.push_scope(node)
        params = node.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            self.model.bind(param.name.value, UNKNOWN)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                self.model.bind(star.name.value, UNKNOWN)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.model.pop_scope()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.model.bind(node.name.value, UNKNOWN)
        self.model.push_scope(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.model.pop_scope()

    def leave_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self.model.bind_target(target.target, node.value)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self.model.bind_target(node.target, node.value)

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        self.model.bind_target(node.target, UNKNOWN)

    def leave_NamedExpr(self, node: cst.NamedExpr) -> None:
        self.model.bind_target(node.target, node.value)

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            if item.asname is not None:
                self.model.bind_target(item.asname.name, item.item)

    def visit_For(self, node: cst.For) -> None:
        self.model.bind_target(node.target, UNKNOWN)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None:
            self.model.bind_target(node.name.name, UNKNOWN)
