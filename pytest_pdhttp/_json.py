"""What the platform keeps of a value: its JSON round trip, or a TypeError naming the value."""

from __future__ import annotations

import json
from typing import Any

__tracebackhide__ = True  # pytest shows the test's and the step's lines, not this module's


def json_copy(value: Any, what: str) -> Any:
    """Return ``value`` as the next step would see it after JSON encoding.

    Raises ``TypeError`` mentioning ``what`` when the value cannot be encoded (including NaN and
    infinities, which are not JSON).
    """
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{what} is not JSON-serializable: {exc}") from None
    return json.loads(text)
