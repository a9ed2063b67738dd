def handler(ctx):
    if not ctx.steps["trigger"]["event"].get("id"):
        ctx.flow.exit("no id")  # expect: PD116
    ctx.export("id", ctx.steps["trigger"]["event"]["id"])


def main(context: "pipedream"):
    if context.steps["trigger"]["event"].get("test"):
        context.flow.exit("test event")
        return None
    stop = context.flow.exit
    return stop


class Step:
    def handler(self, pd):
        for row in pd.steps["rows"]["$return_value"]:
            if row.get("done"):
                pd.flow.exit("done")  # expect: PD116
