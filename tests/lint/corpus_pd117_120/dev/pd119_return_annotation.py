from typing import Any

import requests


def handler(pd: "pipedream") -> dict[str, Any]:
    r = requests.get(
        "https://api.example.com/v1/exchange",
        params={"base": pd.steps["trigger"]["event"]["query"].get("base", "EUR")},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()
