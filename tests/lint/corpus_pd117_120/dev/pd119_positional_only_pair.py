def handler(pd, /, steps):  # expect: PD119
    return steps["trigger"]["event"]
