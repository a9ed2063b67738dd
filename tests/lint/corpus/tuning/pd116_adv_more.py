def handler(pd: "pipedream"):
    items = pd.steps["fetch"]["$return_value"]
    on_skip = lambda: pd.flow.exit("skipped")  # ok: PD116 (a lambda's result is its value)

    with open("/tmp/seen.txt", "a") as seen:
        if not items:
            pd.flow.exit("nothing new")  # expect: PD116
        seen.write(str(len(items)))

    try:
        first = items[0]
    except IndexError:
        pd.flow.exit("empty after all")  # expect: PD116
        first = {}

    while items and items[0].get("draft"):
        items.pop(0)
        if not items:
            pd.flow.exit("only drafts")  # expect: PD116

    if first.get("archived"):
        pd.flow.exit("archived")  # expect: PD116
    else:
        pd.export("first", first)
    return on_skip if first.get("skip") else items
