def handler_v1(pd):
    return {"legacy": True}


def handler(pd: "pipedream"):
    return {"legacy": False, "body": pd.steps["trigger"]["event"]["body"]}
