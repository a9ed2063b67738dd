# pdlint: ignore-file -- labelled corpus, see ../README.md
def handler(pd, *extra):
    return {"body": pd.steps["trigger"]["event"]["body"], "extra": list(extra)}
