import json
import sys
import time

import requests

SLEEP = 60

while True:  # expect: PD120
    ret = requests.get(sys.argv[1], timeout=30).json()
    state = ret["state"]
    print(f"{state=}", file=sys.stderr)
    if state not in ["new", "queued", "running"]:
        print(f"stop waiting as {state=}", file=sys.stderr)
        break
    time.sleep(SLEEP)

with open(sys.argv[2], "w") as f:
    json.dump(ret, f)
