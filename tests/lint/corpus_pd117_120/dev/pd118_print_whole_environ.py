import os


def handler(pd: "pipedream"):
    print("environment:", dict(os.environ))  # expect: PD118
    return {"region": os.environ.get("AWS_REGION", "us-east-1")}
