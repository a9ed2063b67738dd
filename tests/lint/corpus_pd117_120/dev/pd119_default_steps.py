def handler(pd, steps=None):
    steps = steps or pd.steps
    return steps["trigger"]["event"]
