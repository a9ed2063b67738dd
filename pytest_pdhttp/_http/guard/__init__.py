"""The network guard: nothing leaves the host while tests run, except what is allowed.

``addresses`` (what is allowed), ``audit`` (the process-wide hook), ``core`` (refuse, record,
attribute), ``proxy`` (proxy variables for this process and its children), ``scopes`` (who is
running), ``session`` (the pytest hooks).
"""

from .core import NetworkBlockedError, NetworkLookupBlockedError

__all__ = ["NetworkBlockedError", "NetworkLookupBlockedError"]
