import logging
from typing import Any, Dict, Optional

import requests
from requests.exceptions import RequestException

logger = logging.getLogger()


def create_event(event: Dict[str, Any], calendar_id: str, auth: str, event_id: Optional[str] = None) -> Dict[str, Any]:
    base = f"https://calendar.example.com/v3/calendars/{calendar_id}/events"
    url = base if not event_id else f"{base}/{event_id}"
    try:
        response = requests.post(url, headers={"Authorization": f"Bearer {auth}"}, json=event, timeout=10)
        response.raise_for_status()
        return {"success": response.json()}
    except RequestException as e:  # expect: PD117
        message = str(e)
        if "401" in message:
            return {"error": "Invalid calendar authentication"}
        if "404" in message:
            return {"error": "Calendar not found"}
        return {"error": message}


def handler(pd: "pipedream") -> Dict[str, Any]:
    task = pd.steps["trigger"]["event"]
    result = create_event(
        {"summary": task["title"], "start": {"date": task["due"]}, "end": {"date": task["due"]}},
        pd.steps["config"]["calendar_id"],
        pd.inputs["gcal"]["$auth"]["oauth_access_token"],
    )
    if "error" in result:
        return result
    return {"event_id": result["success"]["id"]}
