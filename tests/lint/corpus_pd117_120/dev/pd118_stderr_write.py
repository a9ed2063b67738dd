import os
import sys

API_KEY = os.environ.get("MAPS_API_KEY")


def handler(pd: "pipedream"):
    sys.stderr.write(f"maps key={API_KEY}\n")  # expect: PD118
    return {"address": pd.steps["trigger"]["event"]["body"]["address"]}
