"""Node positions from one code generation pass, without libcst's metadata machinery.

`MetadataWrapper.resolve(PositionProvider)` walks the whole tree (rebuilding it) before generating
code, and records every position through a generator-based context manager and two dataclasses
per node. pdlint only needs positions for the few nodes it reports, once a file has findings, so
this records plain tuples keyed by node identity and builds `CodeRange`s on demand.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst
from libcst._position import CodePosition, CodeRange
from libcst.metadata.position_provider import PositionProvidingCodegenState

Span = tuple[tuple[int, int], tuple[int, int]]


class _Recorder:
    __slots__ = ("state", "node", "start_node", "end_node", "start")

    def __init__(self, state: "_State", node: cst.CSTNode, start_node, end_node) -> None:
        self.state, self.node, self.start_node, self.end_node = state, node, start_node, end_node

    def __enter__(self) -> None:
        self.start = (self.state.line, self.state.column)

    def __exit__(self, *exc_info: object) -> None:
        spans = self.state.spans
        start = spans[id(self.start_node)][0] if self.start_node is not None else self.start
        end = spans[id(self.end_node)][1] if self.end_node is not None else (self.state.line, self.state.column)
        spans[id(self.node)] = (start, end)


class _State(PositionProvidingCodegenState):
    """Syntactic positions (whitespace excluded), like PositionProvider's, as tuples."""

    def __init__(self, module: cst.Module) -> None:
        super().__init__(
            default_indent=module.default_indent, default_newline=module.default_newline, provider=None
        )
        self.spans: dict[int, Span] = {}

    def before_codegen(self, node: cst.CSTNode) -> None:
        self._stack.append((self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        start = self._stack.pop()
        key = id(node)
        if key not in self.spans:
            self.spans[key] = (start, (self.line, self.column))

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: Optional[cst.CSTNode] = None,
        end_node: Optional[cst.CSTNode] = None,
    ) -> _Recorder:
        return _Recorder(self, node, start_node, end_node)


class Positions:
    """node -> `CodeRange` (1-based lines, 0-based columns), as `PositionProvider` gives."""

    __slots__ = ("_spans", "_module")

    def __init__(self, module: cst.Module) -> None:
        state = _State(module)
        module._codegen(state)
        self._spans = state.spans
        self._module = module  # keeps the nodes, and so their ids, alive

    def get(self, node: cst.CSTNode, default: CodeRange | None = None) -> CodeRange | None:
        span = self._spans.get(id(node))
        if span is None:
            return default
        (start_line, start_column), (end_line, end_column) = span
        return CodeRange(CodePosition(start_line, start_column), CodePosition(end_line, end_column))

    def __getitem__(self, node: cst.CSTNode) -> CodeRange:
        found = self.get(node)
        if found is None:
            raise KeyError(node)
        return found
