def handler(**kwargs):  # expect: PD119
    pd = kwargs["pd"]
    return pd.steps["trigger"]["event"]
