import json
from json.decoder import JSONDecodeError

import requests

TARGET = "https://ingest.sentry-relay.example.com/api/42/envelope/"


def lambda_handler(event, context):
    headers = event["headers"]
    body = event["body"]

    upstream = requests.post(  # expect: PD102, PD105
        TARGET,
        headers=headers,
        data=body.encode("utf-8"),
    )

    try:
        payload = upstream.content
    except JSONDecodeError:
        payload = upstream.text

    return {"statusCode": upstream.status_code, "body": payload}
