import json
import logging
import os


def handler(event, context):
    evt = json.loads(event)
    logging.getLogger().info("received %s", evt.get("type"))
    notify_url = os.getenv("notify_URL")
    notify_token = os.getenv("notify_TOKEN")
    return {  # expect: PD118
        "statusCode": 200,
        "body": f"notify_URL = {notify_url}, notify_TOKEN = {notify_token}",
    }
