# pdlint: ignore-file -- labelled corpus, see ../README.md
def handler(pd, steps=None):
    steps = steps or pd.steps
    return steps["trigger"]["event"]
