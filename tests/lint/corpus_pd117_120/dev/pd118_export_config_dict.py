import os


def handler(pd: "pipedream"):
    key = os.environ["DEEPL_AUTH_KEY"]
    pd.export("config", {"api_key": key, "region": "eu"})  # expect: PD118
    return {"ready": True}
