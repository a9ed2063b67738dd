import json
import os

import requests


def handler(event, context):
    body = json.loads(event["body"])
    r = requests.post(os.environ["FORWARD_URL"], json=body, timeout=5)
    return {"statusCode": r.status_code, "body": r.text}
