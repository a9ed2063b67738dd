from datetime import datetime, timezone


def handler():  # expect: PD119
    event = pd.steps["trigger"]["event"]
    return {
        "received": datetime.now(timezone.utc).isoformat(),
        "path": event["path"],
    }
