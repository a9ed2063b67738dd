import codecs
import io
import os
from pathlib import Path

MODE = "a"


def escapes_tmp():
    with open("/tmp/../var/lib/state.json", "w") as f:  # expect: PD112
        f.write("{}")


def looks_like_tmp(name):
    with open(f"/tmp2/{name}.txt", "w") as f:  # expect: PD112
        f.write(name)


def joined(name):
    with open(os.path.join("/var/data", name), "wb") as f:  # expect: PD112
        f.write(b"")


def mode_through_a_name():
    with io.open("/srv/app/events.log", MODE) as f:  # expect: PD112
        f.write("x\n")


def update_in_place():
    with codecs.open("/srv/app/state.txt", "r+", "utf-8") as f:  # expect: PD112
        f.write("y")


def path_objects(name):
    target = (Path("/data") / "out" / name).with_suffix(".json")
    target.write_text("{}")  # expect: PD112
    with Path("/data").joinpath("raw.bin").open("wb") as f:  # expect: PD112
        f.write(b"")


def concatenated(name):
    with open("/srv/uploads/" + name, "x") as f:  # expect: PD112
        f.write("new")


def fine(name, folder):
    with open("/dev/null", "w") as f:  # ok: PD112
        f.write("discarded")
    with open(f"/tmp/{name}", "w") as f:  # ok: PD112
        f.write("a")
    with open("/etc/hosts") as f:  # ok: PD112 (reading)
        hosts = f.read()
    with open(os.path.expanduser("~/notes.txt"), "a") as f:  # ok: PD112
        f.write("b")
    with open(f"/{folder}/out.txt", "w") as f:  # ok: PD112 (directory not fixed)
        f.write("c")
    (Path("/tmp") / name).write_text(hosts)  # ok: PD112
