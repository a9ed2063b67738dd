"""The benchmark corpora, built offline and reproducibly.

- `generate_steps`: N step files of 10-40 lines from a fixed seed, mixing the patterns pdlint's rules
  look at (with and without the mistake), plus a few Markdown docs with fenced Python snippets.
- `copy_packages`: the `.py` files of installed distributions (real code nobody here wrote).

Same seed and same count give byte-identical files on any machine and Python 3.10+.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 20240606
PACKAGE_DISTRIBUTIONS = ("requests", "urllib3", "responses", "requests-toolbelt", "libcst", "pytest")

_HOSTS = ("api.example.com", "hooks.example.org", "crm.example.net", "billing.example.io", "files.example.dev")
_NOUNS = ("contacts", "invoices", "orders", "users", "tickets", "events", "reports", "files", "leads", "items")
_PURPOSES = (
    "sync {noun} to the CRM",
    "fetch {noun} and export a summary",
    "upload {noun} as a CSV",
    "forward the webhook to the {noun} API",
    "page through {noun} and count them",
    "download the {noun} export to /tmp",
)
# realistic-looking but fake credentials (the shapes secret scanners look for)
_TOKENS = (
    "sk_live_51HqLyjWDarjtT1zdp7dcXa9Q",
    "ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ",
    "xoxb-2048-1337-Zp4kQ7vN2mR8sT1wY6bC",
    "AKIAIOSFODNN7EXAMPLE",
    "pat_9f8e7d6c5b4a39281706f5e4d3c2b1a0",
)
_PASSWORDS = ("hunter2", "Sup3rS3cret!", "changeme123", "p@ssw0rd-2023")


@dataclass
class _Step:
    rng: random.Random
    noun: str
    host: str
    imports: set[str] = field(default_factory=set)
    constants: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    counter: int = 0

    def name(self, base: str) -> str:
        self.counter += 1
        return f"{base}{self.counter}" if self.counter > 1 else base


# Each fragment appends handler-body lines (4-space indented by the caller) and declares imports.
# Roughly half of them carry the mistake a rule catches, half the correct form.


def _get(step: _Step) -> None:
    r, name = step.rng, step.name("response")
    step.imports.add("import requests")
    url = r.choice(
        (
            f'f"https://{step.host}/v1/{step.noun}/{{pd.steps[\'trigger\'][\'event\'][\'id\']}}"',
            f'"https://{step.host}/v1/{step.noun}"',
            "BASE_URL + \"/" + step.noun + "\"",
            f'f"{{BASE_URL}}/{step.noun}?page={{page}}&limit=100"',
        )
    )
    if "BASE_URL" in url and f'BASE_URL = "https://{step.host}/v1"' not in step.constants:
        step.constants.append(f'BASE_URL = "https://{step.host}/v1"')
    if "page" in url:
        step.body.append("page = int(pd.inputs.get(\"page\", 1))")
    timeout = r.choice(("", ", timeout=10", ", timeout=(3.05, 27)", ", timeout=30"))
    headers = r.choice(("", ', headers={"Accept": "application/json"}', ", headers=headers"))
    if headers == ", headers=headers":
        step.body.append('headers = {"Authorization": f"Bearer {pd.inputs[\'api_key\']}"}')
    step.body.append(f"{name} = requests.get({url}{headers}{timeout})")
    if r.random() < 0.5:
        step.body.append(f"{name}.raise_for_status()")
    step.body.append(f"{step.noun} = {name}.json()" + r.choice(("", '["data"]', '.get("results", [])')))


def _post(step: _Step) -> None:
    r, name = step.rng, step.name("created")
    step.imports.add("import requests")
    step.body.append('payload = {"name": pd.steps["trigger"]["event"].get("name"), "source": "pipedream"}')
    kind = r.randrange(4)
    url = f'"https://{step.host}/v2/{step.noun}"'
    if kind == 0:
        step.imports.add("import json")
        step.body.append(
            f'{name} = requests.post({url}, data=json.dumps(payload), '
            'headers={"Content-Type": "application/json"})'
        )
    elif kind == 1:
        step.body.append(f"{name} = requests.post({url}, json=payload, timeout=15)")
    elif kind == 2:
        step.imports.add("import json")
        step.body.append(f"{name} = requests.post({url}, json=json.dumps(payload), timeout=15)")
    else:
        step.body.append(f"{name} = requests.post({url}, data=payload, timeout=15)")
    if r.random() < 0.6:
        step.body.append(f"{name}.raise_for_status()")
    step.body.append(f'pd.export("{step.noun}_id", {name}.json()["id"])')


def _session(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    token = (
        f'"{r.choice(_TOKENS)}"' if r.random() < 0.4 else 'pd.inputs["token"]'
    )
    step.body.append(f"token = {token}")
    if r.random() < 0.5:
        step.body += [
            "with requests.Session() as session:",
            '    session.headers.update({"Authorization": f"Bearer {token}"})',
            f'    listing = session.get("https://{step.host}/{step.noun}", timeout=20)',
            "    listing.raise_for_status()",
            f"    {step.noun} = listing.json()",
        ]
    else:
        step.body += [
            "session = requests.Session()",
            'session.headers["Authorization"] = "Bearer " + token',
            f'listing = session.get("https://{step.host}/{step.noun}")',
            f"{step.noun} = listing.json()",
        ]


def _open_file(step: _Step) -> None:
    r = step.rng
    step.imports.add("import json")
    path = r.choice(
        (f'"/tmp/{step.noun}.json"', 'f"/tmp/{pd.steps[\'trigger\'][\'event\'][\'id\']}.json"', f'"{step.noun}.json"', f'"/var/data/{step.noun}.json"')
    )
    if r.random() < 0.5:
        step.body += [
            f"with open({path}, \"w\") as handle:",
            f'    json.dump({{"{step.noun}": pd.steps["trigger"]["event"]}}, handle)',
        ]
    else:
        step.body += [
            f'out = open({path}, "w")',
            f'out.write(json.dumps({{"{step.noun}": pd.steps["trigger"]["event"]}}))',
        ]
        if r.random() < 0.3:
            step.body.append("out.close()")
    if r.random() < 0.3:
        step.body.append(f"summary = open({path}).read()")


def _multipart(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    step.imports.add("from requests_toolbelt.multipart.encoder import MultipartEncoder")
    step.body += [
        "encoder = MultipartEncoder(",
        "    fields={",
        f'        "file": ("{step.noun}.csv", open("/tmp/{step.noun}.csv", "rb"), "text/csv"),',
        '        "folder": pd.inputs.get("folder", "uploads"),',
        "    }",
        ")",
    ]
    if r.random() < 0.5:
        headers = '{"Content-Type": encoder.content_type}'
    else:
        headers = '{"Content-Type": "multipart/form-data"}'
    step.body.append(
        f'upload = requests.post("https://{step.host}/upload", data=encoder, headers={headers}, timeout=120)'
    )
    step.body.append("upload.raise_for_status()")


def _stream(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    chunk = r.choice(("1", "8192", "65536", "1024 * 1024", "16"))
    if r.random() < 0.5:
        step.body += [
            f'with requests.get("https://{step.host}/export/{step.noun}.zip", stream=True, timeout=60) as download:',
            "    download.raise_for_status()",
            f'    with open("/tmp/{step.noun}.zip", "wb") as target:',
            f"        for chunk in download.iter_content(chunk_size={chunk}):",
            "            target.write(chunk)",
        ]
    else:
        step.body += [
            f'download = requests.get("https://{step.host}/export/{step.noun}.zip", stream=True)',
            f'with open("/tmp/{step.noun}.zip", "wb") as target:',
            f"    for chunk in download.iter_content({chunk}):",
            "        target.write(chunk)",
        ]


def _verify(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    verify = r.choice(("verify=False", "verify=False", "verify=True", 'verify="/etc/ssl/certs/internal.pem"'))
    step.body.append(
        f'health = requests.get("https://internal.{step.host}/health", {verify}, timeout=5)'
    )
    step.body.append('pd.export("healthy", health.ok)')


def _secret(step: _Step) -> None:
    r = step.rng
    kind = r.randrange(5)
    if kind == 0:
        step.constants.append(f'API_KEY = "{r.choice(_TOKENS)}"')
        step.body.append('headers = {"Authorization": f"Bearer {API_KEY}"}')
    elif kind == 1:
        step.constants.append(f'PASSWORD = "{r.choice(_PASSWORDS)}"')
        step.body.append('credentials = ("admin", PASSWORD)')
    elif kind == 2:
        step.body.append('api_key = pd.inputs["api_key"]')
        step.body.append('headers = {"X-Api-Key": api_key}')
    elif kind == 3:
        step.imports.add("import os")
        step.body.append('token = os.environ["SERVICE_TOKEN"]')
        step.body.append('headers = {"Authorization": "token " + token}')
    else:
        step.body.append(f'headers = {{"X-Api-Key": "{r.choice(_TOKENS)}"}}')


def _credentials_http(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    scheme = r.choice(("http", "https"))
    step.body.append(
        f'me = requests.get("{scheme}://{step.host}/v1/me", auth=(pd.inputs["user"], pd.inputs["password"]), timeout=10)'
    )
    step.body.append("me.raise_for_status()")


def _graphql(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    step.body.append('user_id = pd.steps["trigger"]["event"]["user_id"]')
    if r.random() < 0.5:
        step.body.append('query = f\'{{ user(id: "{user_id}") {{ name email }} }}\'')
        step.body.append(
            f'graph = requests.post("https://{step.host}/graphql", json={{"query": query}}, timeout=10)'
        )
    else:
        step.body.append('query = "query($id: ID!) { user(id: $id) { name email } }"')
        step.body.append(
            f'graph = requests.post("https://{step.host}/graphql", '
            'json={"query": query, "variables": {"id": user_id}}, timeout=10)'
        )
    step.body.append('pd.export("user", graph.json()["data"]["user"])')


def _query_string(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    step.body.append('term = pd.steps["trigger"]["event"]["query"]')
    if r.random() < 0.5:
        step.body.append(f'found = requests.get(f"https://{step.host}/search?q={{term}}&sort=desc", timeout=10)')
    else:
        step.body.append(
            f'found = requests.get("https://{step.host}/search", params={{"q": term, "sort": "desc"}}, timeout=10)'
        )
    step.body.append('pd.export("hits", len(found.json()["hits"]))')


def _flow_exit(step: _Step) -> None:
    r = step.rng
    step.body.append('if not pd.steps["trigger"]["event"].get("body"):')
    if r.random() < 0.5:
        step.body.append('    pd.flow.exit("empty webhook body")')
    else:
        step.body.append('    return pd.flow.exit("empty webhook body")')


def _loop(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    step.body += [
        "total = 0",
        f'next_url = "https://{step.host}/v1/{step.noun}?limit=50"',
        "while next_url:",
        "    page_response = requests.get(next_url, timeout=10)" if r.random() < 0.6 else "    page_response = requests.get(next_url)",
        "    page_data = page_response.json()",
        '    total += len(page_data["results"])',
        '    next_url = page_data.get("next")',
        f'pd.export("{step.noun}_total", total)',
    ]


def _try_except(step: _Step) -> None:
    r = step.rng
    step.imports.add("import requests")
    step.body += [
        "try:",
        f'    ping = requests.head("https://{step.host}/status", timeout={r.choice(("2", "5", "10"))})',
        "    ping.raise_for_status()",
        "except requests.RequestException as error:",
        '    pd.export("error", str(error))',
        "    return None",
    ]


_FRAGMENTS = (
    (_get, 6), (_post, 4), (_session, 2), (_open_file, 3), (_multipart, 1), (_stream, 2), (_verify, 2),
    (_secret, 3), (_credentials_http, 1), (_graphql, 1), (_query_string, 2), (_flow_exit, 2), (_loop, 1),
    (_try_except, 1),
)
_IMPORT_ORDER = ("import json", "import os", "", "import requests", "from requests_toolbelt.multipart.encoder import MultipartEncoder")


def step_source(index: int, rng: random.Random) -> str:
    """One step file's text (10-40 lines)."""
    functions = [f for f, _ in _FRAGMENTS]
    weights = [w for _, w in _FRAGMENTS]
    while True:
        step = _Step(rng, rng.choice(_NOUNS), rng.choice(_HOSTS))
        if rng.random() < 0.6:
            _flow_exit(step)
        for fragment in rng.choices(functions, weights, k=rng.randint(1, 5)):
            fragment(step)
        lines = _render(index, step)
        if 10 <= len(lines) <= 40:
            return "\n".join(lines) + "\n"


def _render(index: int, step: _Step) -> list[str]:
    purpose = step.rng.choice(_PURPOSES).format(noun=step.noun)
    lines = [f'"""Step {index}: {purpose}."""', ""]
    stdlib = [i for i in ("import json", "import os") if i in step.imports]
    third = [i for i in _IMPORT_ORDER[3:] if i in step.imports]
    lines += stdlib + ([""] if stdlib and third else []) + third
    if step.constants:
        lines += [""] + list(dict.fromkeys(step.constants))
    lines += ["", "", 'def handler(pd: "pipedream"):']
    lines += ["    " + line for line in step.body]
    if not step.body or not step.body[-1].lstrip().startswith("return"):
        lines.append(f'    return {{"step": {index}}}')
    return lines


def markdown_source(index: int, rng: random.Random) -> str:
    """A how-to page with prose and 3-6 fenced snippets (python, py, pycon)."""
    noun = rng.choice(_NOUNS)
    parts = [f"# Working with {noun} ({index})", "", f"This guide shows how a step talks to the {noun} API.", ""]
    for number in range(rng.randint(3, 6)):
        step = _Step(rng, noun, rng.choice(_HOSTS))
        for fragment in rng.choices([f for f, _ in _FRAGMENTS], [w for _, w in _FRAGMENTS], k=rng.randint(1, 2)):
            fragment(step)
        tag = rng.choice(("python", "python", "py"))
        parts += [f"## Example {number + 1}", "", "Paste this into a Python step:", "", f"```{tag}"]
        parts += sorted(step.imports - {""}) + [""] + list(dict.fromkeys(step.constants))
        parts += ["", 'def handler(pd: "pipedream"):'] + ["    " + line for line in step.body]
        parts += ["```", ""]
    parts += ["```pycon", ">>> import requests", '>>> requests.get("https://api.example.com/ping", timeout=5).status_code', "200", "```", ""]
    return "\n".join(parts)


def generate_steps(directory: Path, count: int, seed: int = DEFAULT_SEED, docs: int = 5) -> list[Path]:
    """Write `count` step files and `docs` Markdown pages under `directory`; return their paths."""
    rng = random.Random(seed)
    written = []
    steps = directory / "steps"
    steps.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        path = steps / f"step_{index:04d}.py"
        path.write_text(step_source(index, rng), encoding="utf-8")
        written.append(path)
    pages = directory / "docs"
    pages.mkdir(exist_ok=True)
    for index in range(docs):
        path = pages / f"guide_{index:02d}.md"
        path.write_text(markdown_source(index, rng), encoding="utf-8")
        written.append(path)
    return written


def package_files(distributions: tuple[str, ...] = PACKAGE_DISTRIBUTIONS) -> dict[str, list[tuple[str, Path]]]:
    """Installed distribution -> [(path inside site-packages, absolute path)] of its .py files."""
    found: dict[str, list[tuple[str, Path]]] = {}
    for name in distributions:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        files = []
        for entry in dist.files or ():
            if entry.suffix == ".py":
                located = Path(dist.locate_file(entry))
                if located.is_file():
                    files.append((entry.as_posix(), located))
        if not files:  # an installation without a RECORD: fall back to the import system
            spec = importlib.util.find_spec(name.replace("-", "_"))
            for location in (spec.submodule_search_locations or []) if spec else []:
                for root, _dirs, names in os.walk(location):
                    for file_name in names:
                        if file_name.endswith(".py"):
                            path = Path(root, file_name)
                            files.append((path.relative_to(Path(location).parent).as_posix(), path))
        if files:
            found[f"{name} {dist.version}"] = sorted(files)
    return found


def copy_packages(directory: Path, limit: int | None = None) -> tuple[list[Path], list[str]]:
    """Copy the packages' .py files under `directory` (so every tool sees the same plain tree).

    With `limit`, take that many files spread evenly over the sorted list (the quick corpus).
    Returns the copies and the "name version" of each distribution found.
    """
    found = package_files()
    everything = [(dist.split()[0], inner, source) for dist, files in found.items() for inner, source in files]
    if limit is not None and len(everything) > limit:
        step = len(everything) / limit
        everything = [everything[int(i * step)] for i in range(limit)]
    copies = []
    for dist, inner, source in everything:
        target = directory / dist / inner
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        copies.append(target)
    return copies, list(found)
