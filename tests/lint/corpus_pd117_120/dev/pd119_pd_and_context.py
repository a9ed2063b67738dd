def handler(pd: "pipedream", context):  # expect: PD119
    run = context["run"]
    return {"attempt": run["runs"], "body": pd.steps["trigger"]["event"]["body"]}
