def handler(context, pd: "pipedream"):  # expect: PD119
    return {"id": context["id"], "event": pd.steps["trigger"]["event"]}
