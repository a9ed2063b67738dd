"""pytest-pdhttp: fixtures pd, pd_tmp and pd_http for testing HTTP steps."""

from ._pd.context import Pipedream, Send
from ._pd.datastore import DataStore
from ._pd.flow import Flow
from ._http.mock import HttpSettings, StrictRequestsMock
from ._http.guard import NetworkBlockedError
from ._http.recorded import RecordedRequest, UploadedFile
from ._pd.results import Email, FlowCall, StepResult, WorkflowResult
from ._http.streaming import BrokenStream
from ._tmp.audit import RealTmpAccessError

__all__ = [
    "BrokenStream",
    "DataStore",
    "Email",
    "Flow",
    "FlowCall",
    "HttpSettings",
    "NetworkBlockedError",
    "Pipedream",
    "RealTmpAccessError",
    "RecordedRequest",
    "Send",
    "StepResult",
    "StrictRequestsMock",
    "UploadedFile",
    "WorkflowResult",
]
