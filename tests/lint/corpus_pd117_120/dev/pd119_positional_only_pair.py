# pdlint: ignore-file -- labelled corpus, see ../README.md
def handler(pd, /, steps):  # expect: PD119
    return steps["trigger"]["event"]
