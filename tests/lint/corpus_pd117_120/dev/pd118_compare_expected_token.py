import hmac
import os


def handler(pd: "pipedream"):
    sent = pd.steps["trigger"]["event"]["headers"].get("x-webhook-token", "")
    if not hmac.compare_digest(sent, os.environ["EXPECTED_WEBHOOK_TOKEN"]):
        return pd.flow.exit("bad webhook token")
    print("webhook token accepted")
    return {"authorized": True}
