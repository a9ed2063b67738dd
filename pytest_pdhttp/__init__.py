"""pytest-pdhttp: fixtures pd, pd_tmp and pd_http for testing HTTP steps."""

from .context import Pipedream, Send
from .datastore import DataStore
from .flow import Flow
from .http import HttpSettings, StrictRequestsMock
from .netguard import NetworkBlockedError
from .recorded import RecordedRequest, UploadedFile
from .results import Email, FlowCall, StepResult, WorkflowResult
from .streaming import BrokenStream
from .tmpaudit import RealTmpAccessError

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
