def handler(pd, *extra):
    return {"body": pd.steps["trigger"]["event"]["body"], "extra": list(extra)}
