# pdlint: ignore-file -- labelled corpus, see ../README.md
def handler(**kwargs):  # expect: PD119
    pd = kwargs["pd"]
    return pd.steps["trigger"]["event"]
