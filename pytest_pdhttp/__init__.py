"""pytest-pdhttp: fixtures ``pd``, ``pd_tmp`` and ``pd_http`` for testing HTTP steps offline.

This namespace holds what a test names in code: the fixtures' types (for annotations), the
results a run returns, the pieces a test builds (``DataStore``, ``BrokenStream``) and the
exceptions it may catch. Everything else lives in private (``_``-prefixed) modules.
"""

from ._http.guard import NetworkBlockedError
from ._http.mock import StrictRequestsMock
from ._http.recorded import RecordedRequest, UploadedFile
from ._http.streaming import BrokenStream
from ._pd.context import Pipedream
from ._pd.datastore import DataStore
from ._pd.results import Email, FlowCall, StepResult, WorkflowResult
from ._tmp.audit import RealTmpAccessError

__all__ = [
    "BrokenStream",
    "DataStore",
    "Email",
    "FlowCall",
    "NetworkBlockedError",
    "Pipedream",
    "RealTmpAccessError",
    "RecordedRequest",
    "StepResult",
    "StrictRequestsMock",
    "UploadedFile",
    "WorkflowResult",
    "__version__",
]


def __getattr__(name: str) -> str:
    if name == "__version__":  # read when asked, so loading the plugin never pays for it
        from importlib.metadata import version

        return version("pytest-pdhttp")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
