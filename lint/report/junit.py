"""`junit`: JUnit XML, for CI systems that render test reports (GitLab, Jenkins, Azure, ...).

Shape (one suite, one test case per finding, one per clean file):

    <testsuites name="pdlint" tests="3" failures="2" errors="0">
      <testsuite name="pdlint" tests="3" failures="2" errors="0" skipped="0">
        <testcase classname="steps/a.py" name="PD105 missing-timeout (3:9)" file="steps/a.py" line="3">
          <failure message="PD105 request without `timeout=`: ..." type="PD105">steps/a.py:3:9: PD105 ...</failure>
        </testcase>
        ...
        <testcase classname="steps/clean.py" name="pdlint" file="steps/clean.py"/>
      </testsuite>
    </testsuites>

Why a test case per finding rather than per file: the JUnit schema allows one `<failure>` per
test case, and GitLab and Jenkins show only the first of several; one case per finding lists every
finding with its own message. `classname` is the file, so both group the cases by file.

`files` (optional) is the list of linted files: each file without findings becomes a passing
test case named `pdlint`, so the report counts the clean files too. Without it only the
findings are listed; with neither findings nor files, one passing case `pdlint` keeps the report
non-empty.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..finding import Finding
from ._common import posix_path

# Characters XML 1.0 cannot carry, even escaped.
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def render_junit(findings: list[Finding], files: list[str] | None = None) -> str:
    suite = ET.Element("testsuite", name="pdlint")
    failed_paths = set()
    for f in findings:
        path = posix_path(f.path)
        failed_paths.add(path)
        case = ET.SubElement(
            suite, "testcase",
            classname=_clean(path),
            name=_clean(f"{f.code} {f.name} ({f.line}:{f.column})"),
            file=_clean(path),
            line=str(f.line),
        )
        failure = ET.SubElement(
            case, "failure", message=_clean(f"{f.code} {f.message}"), type=f.code
        )
        failure.text = _clean(f"{path}:{f.line}:{f.column}: {f.code} {f.message}")
    clean_files = []
    for name in files or ():
        path = posix_path(name)
        if path not in failed_paths and path not in clean_files:
            clean_files.append(path)
    for path in clean_files:
        ET.SubElement(suite, "testcase", classname=_clean(path), name="pdlint", file=_clean(path))
    if not findings and not clean_files:
        ET.SubElement(suite, "testcase", classname="pdlint", name="pdlint")
    tests = len(suite)
    counts = {"tests": str(tests), "failures": str(len(findings)), "errors": "0"}
    suite.attrib.update({**counts, "skipped": "0"})
    root = ET.Element("testsuites", name="pdlint", **counts)
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
