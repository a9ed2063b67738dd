from datetime import datetime, timezone


def handler(pd: "pipedream"):
    now = datetime.now(timezone.utc)
    if now.weekday() >= 5:
        pd.flow.exit("weekend")  # expect: PD116
    for item in pd.steps["fetch"]["$return_value"]:
        if item.get("skip"):
            pd.flow.exit("skip flag set")  # expect: PD116
    if now.hour < 8:
        pd.flow.exit("before office hours")
    else:
        pd.export("window", "open")
