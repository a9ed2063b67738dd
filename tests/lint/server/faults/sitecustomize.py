"""Imported at start-up by the `pdlint server` of the `faulty_client` fixture (it is first on
PYTHONPATH): the server's engine fails on cue, or waits, so the tests can check what the server
does then without timing anything.

- A document containing `raise-in-pdlint-engine` makes linting raise.
- While a file named `HOLD` exists beside a document, building its fixes waits.
"""

import os
import time


def _install() -> None:
    from pdlint.server import analysis

    analyse = analysis.analyse
    findings_with_fixes = analysis.Analysis.findings_with_fixes

    def failing_analyse(text, path, version):
        if "raise-in-pdlint-engine" in text:
            raise RuntimeError("injected engine failure")
        return analyse(text, path, version)

    def held_findings_with_fixes(self):
        hold = os.path.join(os.path.dirname(self.path), "HOLD")
        while os.path.exists(hold):
            time.sleep(0.01)
        return findings_with_fixes(self)

    analysis.analyse = failing_analyse
    analysis.Analysis.findings_with_fixes = held_findings_with_fixes


try:
    _install()
except ImportError:  # the lsp extra is missing: the server reports that itself
    pass
