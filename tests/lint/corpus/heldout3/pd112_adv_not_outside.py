import os
import tempfile
from pathlib import Path


def handler(pd: "pipedream"):
    folder = pd.inputs.get("folder", "/tmp")
    with open(os.path.join(folder, "out.txt"), "w") as fh:
        fh.write("x")
    with open("/dev/null", "w") as sink:
        sink.write("y")
    Path(tempfile.gettempdir(), "z.txt").write_text("z")
    with open(f"/tmp/{pd.inputs['name']}.csv", "a") as fh:
        fh.write("a,b\n")
    with open("/srv/data/in.csv") as src:
        return src.read()
