import sys


def handler(ctx):
    if ctx.steps["trigger"]["event"].get("test"):
        ctx.flow.exit("test event")  # expect: PD116
    return ctx.steps["trigger"]["event"]


def main(context: "pipedream"):
    for item in context.steps["fetch"]["$return_value"]:
        if item.get("spam"):
            context.flow.exit("spam found")  # expect: PD116
    return "ok"


class Step:
    def handler(self, pd):
        if not pd.inputs.get("enabled"):
            pd.flow.exit("disabled"); self.cleanup()  # expect: PD116
        return self.run(pd)

    def cleanup(self):
        pass

    def run(self, pd):
        return {}


def stop_if_empty(pd, rows):
    if not rows:
        pd.flow.exit("empty")  # expect: PD116
    print(len(rows), "rows")


def fine(pd, client):
    stopper = pd.flow.exit  # ok: PD116 (a reference)
    result = pd.flow.exit("kept")  # ok: PD116 (result used)
    client.flow.exit()  # ok: PD116 (not the step context)
    pd.flow.delay(1000)  # ok: PD116
    if result is None:
        sys.exit(0)
    return stopper


def nested(pd):
    def guard(value):
        if value is None:
            pd.flow.exit("missing value")  # expect: PD116
        print("value is", value)
        return value

    return guard(pd.inputs.get("value"))
