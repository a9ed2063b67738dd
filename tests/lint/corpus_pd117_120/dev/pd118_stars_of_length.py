def handler(pd: "pipedream"):
    secret = pd.inputs["webhook_app"]["$auth"]["signing_secret"]
    print(f"secret: {'*' * len(secret)}")
    expected = pd.steps["trigger"]["event"]["headers"].get("x-signature")
    return {"has_signature": expected is not None}
