"""Every output format on realistic findings; SARIF against the official 2.1.0 schema."""

from __future__ import annotations

import json
import re
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import pdlint
from pdlint.engine import lint_text
from pdlint.finding import Finding
from pdlint.flags import Flags
from pdlint.report import FORMATS, render_statistics
from pdlint.report.github import render_github
from pdlint.report.gitlab import render_gitlab
from pdlint.report.json_lines import render_json_lines
from pdlint.report.junit import render_junit
from pdlint.report.sarif import render_sarif
from pdlint.report.text import render_text
from pdlint.rules import all_rules

SCHEMA_PATH = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"

STEP = textwrap.dedent('''\
    import requests

    def handler(pd):
        token = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
        r = requests.get("https://api.example.com/items", headers={"Authorization": token})
        return r.json()
''')

DOC = textwrap.dedent('''\
    # Calling the API

    ```python
    import requests
    requests.post("https://api.example.com/x", json={"a": 1})
    ```
''')


def _lint(text: str, path: str) -> list[Finding]:
    return lint_text(text, path, list(all_rules().values()), None, Flags(edits=True))


@pytest.fixture
def findings() -> list[Finding]:
    found = _lint(STEP, "steps/fetch items.py")
    found += _lint(DOC, "docs/api.md")
    found += _lint("def handler(pd:\n    pass\n", "steps/broken.py")
    # What the engine itself reports, with the awkward characters each format must escape.
    found.append(Finding(
        "steps/odd,name:1.py", 7, 3, "PD002", "unused-suppression",
        "unused `# noqa: PD105`: 100% <unused> & \"quoted\",\nsecond line\r",
    ))
    return found


def test_fixture_has_what_the_formats_need(findings) -> None:
    codes = {f.code for f in findings}
    assert {"PD001", "PD002", "PD102", "PD104", "PD105"} <= codes
    assert any(f.edit is not None for f in findings)
    assert any(f.path.endswith(".md") for f in findings)


def test_every_format_is_registered() -> None:
    assert set(FORMATS) == {"text", "json", "json-lines", "sarif", "github", "gitlab", "junit"}
    for renderer in FORMATS.values():
        assert renderer([]) is not None


# --- text --------------------------------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_text_plain_and_coloured(findings) -> None:
    plain = render_text(findings)
    assert plain.splitlines()[0] == f"steps/fetch items.py:4:13: PD104 {findings[0].message}"
    assert "\x1b" not in plain
    coloured = render_text(findings, color=True)
    assert ANSI.sub("", coloured) == plain
    first = coloured.splitlines()[0]
    assert first.startswith("\x1b[1msteps/fetch items.py\x1b[0m")
    assert "\x1b[1;31mPD104\x1b[0m" in first


# --- json-lines ----------------------------------------------------------------------------------

def test_json_lines_one_object_per_line(findings) -> None:
    out = render_json_lines(findings)
    lines = out.splitlines()
    assert len(lines) == len(findings)
    parsed = [json.loads(line) for line in lines]
    assert parsed == [f.to_dict() for f in findings]
    assert [Finding.from_dict(d) for d in parsed] == findings
    assert render_json_lines([]) == ""


# --- SARIF ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def _assert_valid(validator, log: dict) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


# RFC 3986 URI-reference characters (the schema's `uri`/`uri-reference` formats, which jsonschema
# checks only with an optional package, so they are checked here by hand).
URI_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")


def test_sarif_is_valid_against_the_official_schema(findings, sarif_validator) -> None:
    log = json.loads(render_sarif(findings))
    _assert_valid(sarif_validator, log)
    # The validator does reject a broken log (so a pass above means something).
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    del broken["runs"][0]["results"][1]["message"]
    assert len(list(sarif_validator.iter_errors(broken))) == 2


def test_sarif_empty_run_is_valid(sarif_validator) -> None:
    log = json.loads(render_sarif([]))
    _assert_valid(sarif_validator, log)
    assert log["runs"][0]["results"] == []


def test_sarif_driver_and_rules(findings) -> None:
    log = json.loads(render_sarif(findings))
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "pdlint"
    assert driver["version"] == pdlint.__version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(ids)
    from pdlint.codes import ENGINE_CODES

    assert {"PD001", "PD002", *ENGINE_CODES, *all_rules()} == set(ids)
    for rule in rules:
        assert rule["helpUri"] == pdlint.DOCS_URL.format(code=rule["id"])
        assert URI_CHARS.match(rule["helpUri"])
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert rule["properties"]["fixSafety"] in {"safe", "unsafe", "none"}
    by_id = {rule["id"]: rule for rule in rules}
    for code, rule_class in all_rules().items():
        assert by_id[code]["name"] == rule_class.name
        assert by_id[code]["shortDescription"]["text"] == rule_class.summary
        assert by_id[code]["properties"]["fixSafety"] == (rule_class.fix_safety or "none")
        assert by_id[code]["properties"]["fixable"] is (rule_class.fix_safety is not None)
    assert by_id["PD001"]["name"] == "syntax-error"


def test_sarif_results(findings) -> None:
    log = json.loads(render_sarif(findings))
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == len(findings)
    for finding, result in zip(findings, results):
        assert result["ruleId"] == finding.code
        assert rules[result["ruleIndex"]]["id"] == finding.code
        assert result["level"] == "error"
        assert result["message"]["text"] == finding.message
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert URI_CHARS.match(physical["artifactLocation"]["uri"])
        assert "\\" not in physical["artifactLocation"]["uri"]
        assert physical["region"] == {"startLine": finding.line, "startColumn": finding.column}
        assert list(result["partialFingerprints"]) == ["pdlint/v1"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "steps/fetch%20items.py" in uris and "docs/api.md" in uris
    fingerprints = [r["partialFingerprints"]["pdlint/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    syntax = next(r for r in results if r["ruleId"] == "PD001")
    assert syntax["level"] == "error"


def _apply_replacement(text: str, replacement: dict) -> str:
    region = replacement["deletedRegion"]
    assert region["startColumn"] == region["endColumn"] == 1
    lines = text.splitlines(keepends=True)
    start, end = region["startLine"] - 1, region["endLine"] - 1
    return "".join(lines[:start]) + replacement["insertedContent"]["text"] + "".join(lines[end:])


def test_sarif_fixes_apply_to_the_file(findings) -> None:
    log = json.loads(render_sarif(findings))
    results = log["runs"][0]["results"]
    with_fix = [(f, r) for f, r in zip(findings, results) if f.edit is not None]
    assert with_fix
    for finding, result in zip(findings, results):
        assert ("fixes" in result) == (finding.edit is not None)
    sources = {"steps/fetch items.py": STEP, "docs/api.md": DOC}
    for finding, result in with_fix:
        (fix,) = result["fixes"]
        assert fix["description"]["text"]
        assert fix["properties"]["safety"] == finding.fixable
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
        (replacement,) = change["replacements"]
        assert replacement["deletedRegion"]["startLine"] == finding.edit.start_line
        assert replacement["deletedRegion"]["endLine"] == finding.edit.end_line
        fixed = _apply_replacement(sources[finding.path], replacement)
        # Applying the SARIF replacement removes the finding and adds none of that code.
        again = [f for f in _lint(fixed, finding.path) if f.code == finding.code]
        assert len(again) < sum(1 for f in findings if f.path == finding.path and f.code == finding.code)
    timeout = next(r for f, r in with_fix if f.code == "PD105" and f.path.endswith(".md"))
    inserted = timeout["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"]
    assert inserted == 'requests.post("https://api.example.com/x", json={"a": 1}, timeout=30)\n'


def test_sarif_absolute_paths_below_cwd_are_relative(tmp_path, monkeypatch, sarif_validator) -> None:
    monkeypatch.chdir(tmp_path)
    inside = Finding(str(tmp_path / "steps" / "a.py"), 2, 1, "PD105", "missing-timeout", "m")
    outside = Finding("/elsewhere/b c.py", 2, 1, "PD105", "missing-timeout", "m")
    log = json.loads(render_sarif([inside, outside]))
    _assert_valid(sarif_validator, log)
    first, second = (r["locations"][0]["physicalLocation"]["artifactLocation"] for r in log["runs"][0]["results"])
    assert first == {"uri": "steps/a.py", "uriBaseId": "%SRCROOT%"}
    assert second == {"uri": "file:///elsewhere/b%20c.py"}


def test_sarif_unknown_code_gets_a_descriptor(sarif_validator) -> None:
    finding = Finding("a.py", 1, 1, "PD999", "future-rule", "something new")
    log = json.loads(render_sarif([finding]))
    _assert_valid(sarif_validator, log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    result = log["runs"][0]["results"][0]
    assert rules[result["ruleIndex"]]["id"] == "PD999"
    assert rules[result["ruleIndex"]]["name"] == "future-rule"


# --- GitHub --------------------------------------------------------------------------------------

ANNOTATION = re.compile(
    r"^::error file=(?P<file>[^,:]*),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<title>[^,:]*)::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def test_github_annotations_parse_back(findings) -> None:
    out = render_github(findings)
    lines = out.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == len(findings)
    for finding, line in zip(findings, lines):
        match = ANNOTATION.match(line)
        assert match, line
        assert _unescape(match["file"]) == finding.path
        assert int(match["line"]) == finding.line
        assert int(match["col"]) == finding.column
        assert _unescape(match["title"]) == f"{finding.code} {finding.name}"
        assert _unescape(match["message"]) == finding.message


def test_github_escaping(findings) -> None:
    odd = render_github([findings[-1]]).rstrip("\n")
    assert odd.startswith("::error file=steps/odd%2Cname%3A1.py,line=7,col=3,title=PD002 unused-suppression::")
    message = odd.split("::", 2)[2]
    assert message == (
        "unused `# noqa: PD105`: 100%25 <unused> & \"quoted\",%0Asecond line%0D"
    )
    assert render_github([]) == ""


# --- GitLab --------------------------------------------------------------------------------------

def test_gitlab_code_quality_shape(findings) -> None:
    issues = json.loads(render_gitlab(findings))
    assert isinstance(issues, list) and len(issues) == len(findings)
    for finding, issue in zip(findings, issues):
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["check_name"] == finding.code
        assert finding.message in issue["description"]
        assert issue["location"]["path"] == finding.path
        assert issue["location"]["lines"]["begin"] == finding.line
        expected = "blocker" if finding.code in {"PD001", "PD104"} else "major"
        assert issue["severity"] == expected
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert json.loads(render_gitlab([])) == []


def test_gitlab_fingerprints_are_stable_and_distinct() -> None:
    a = Finding("s.py", 3, 5, "PD105", "missing-timeout", "no timeout")
    twin = Finding("s.py", 3, 9, "PD105", "missing-timeout", "no timeout")
    first = [i["fingerprint"] for i in json.loads(render_gitlab([a, twin]))]
    assert first[0] != first[1]
    assert first == [i["fingerprint"] for i in json.loads(render_gitlab([a, twin]))]
    moved = Finding("s.py", 4, 5, "PD105", "missing-timeout", "no timeout")
    assert json.loads(render_gitlab([moved]))[0]["fingerprint"] != first[0]
    # With the engine's statement fingerprint, moving the code does not change it.
    b = Finding("s.py", 3, 5, "PD105", "missing-timeout", "no timeout", fingerprint="stmt-1")
    b_moved = Finding("s.py", 30, 5, "PD105", "missing-timeout", "no timeout", fingerprint="stmt-1")
    assert (json.loads(render_gitlab([b]))[0]["fingerprint"]
            == json.loads(render_gitlab([b_moved]))[0]["fingerprint"])


# --- JUnit ---------------------------------------------------------------------------------------

def test_junit_one_case_per_finding_and_clean_file(findings) -> None:
    files = ["steps/fetch items.py", "docs/api.md", "steps/broken.py", "steps/odd,name:1.py",
             "steps/clean.py", "./steps/also_clean.py"]
    root = ET.fromstring(render_junit(findings, files=files))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "pdlint"
    cases = suite.findall("testcase")
    assert suite.get("tests") == root.get("tests") == str(len(cases)) == str(len(findings) + 2)
    assert suite.get("failures") == root.get("failures") == str(len(findings))
    assert suite.get("errors") == "0"
    failing = [c for c in cases if c.find("failure") is not None]
    assert len(failing) == len(findings)
    for finding, case in zip(findings, failing):
        assert case.get("classname") == finding.path
        assert case.get("file") == finding.path
        assert case.get("name") == f"{finding.code} {finding.name} ({finding.line}:{finding.column})"
        (failure,) = case.findall("failure")
        assert failure.get("type") == finding.code
        assert failure.get("message") == f"{finding.code} {finding.message}"
        assert failure.text.startswith(f"{finding.path}:{finding.line}:{finding.column}: {finding.code} ")
    passing = [c for c in cases if c.find("failure") is None]
    assert [c.get("classname") for c in passing] == ["steps/clean.py", "steps/also_clean.py"]


def test_junit_escapes_markup_and_control_characters() -> None:
    nasty = Finding("a&b<c>.py", 1, 1, "PD104", "hardcoded-secret", 'key "x" <y> & \x01\x1b z')
    root = ET.fromstring(render_junit([nasty]))
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'PD104 key "x" <y> & \\x01\\x1b z'
    assert root.find("testsuite/testcase").get("classname") == "a&b<c>.py"


def test_junit_without_findings() -> None:
    root = ET.fromstring(render_junit([], files=["a.py", "b.md"]))
    assert [c.get("classname") for c in root.iter("testcase")] == ["a.py", "b.md"]
    assert root.get("failures") == "0"
    root = ET.fromstring(render_junit([]))
    assert len(list(root.iter("testcase"))) == 1 and root.get("tests") == "1"


# --- statistics ----------------------------------------------------------------------------------

def test_statistics_sorted_by_count_then_code() -> None:
    def f(code: str, name: str, fixable=None) -> Finding:
        return Finding("a.py", 1, 1, code, name, "m", fixable=fixable)

    found = [f("PD105", "missing-timeout", "unsafe")] * 3 + [f("PD103", "data-instead-of-json", "safe")] * 3
    found += [f("PD104", "hardcoded-secret")] * 12 + [f("PD001", "syntax-error")]
    out = render_statistics(found)
    assert out.splitlines() == [
        "12  PD104      hardcoded-secret",
        " 3  PD103  [*] data-instead-of-json",
        " 3  PD105      missing-timeout",
        " 1  PD001      syntax-error",
    ]
    assert render_statistics([]) == ""


def test_engine_codes_have_descriptors_in_step_with_the_code_table() -> None:
    from pdlint.codes import ALL_CODES
    from pdlint.report._common import rule_catalog

    catalog = {rule.code: rule.name for rule in rule_catalog()}
    assert {code: catalog.get(code) for code in ALL_CODES if code in catalog} == {
        code: name for code, name in ALL_CODES.items() if code in catalog
    }
    engine = {code for code in ALL_CODES if code not in all_rules()}
    assert engine <= set(catalog)


def test_renderer_keywords() -> None:
    import inspect

    for name, renderer in FORMATS.items():
        parameters = list(inspect.signature(renderer).parameters)
        assert parameters[0] == "findings"
        extra = set(parameters[1:])
        assert extra == {"text": {"color"}, "junit": {"files"}}.get(name, set()), name
