def handler(*, pd):  # expect: PD119
    rows = pd.steps["query"]["$return_value"]
    return {"rows": len(rows)}
