"""Turn the fetched issues into a CSV report in /tmp and count them per label."""

import csv
from collections import Counter

REPORT_PATH = "/tmp/closed_issues.csv"


def handler(pd: "pipedream"):
    issues = sorted(pd.steps["fetch"]["$return_value"], key=lambda issue: issue["number"])
    with open(REPORT_PATH, "w", newline="", encoding="utf-8") as report:
        writer = csv.writer(report)
        writer.writerow(["number", "title", "labels", "closed_at"])
        for issue in issues:
            writer.writerow(
                [issue["number"], issue["title"], ";".join(issue["labels"]), issue["closed_at"]]
            )
    labels = Counter(label for issue in issues for label in issue["labels"])
    pd.export("by_label", dict(sorted(labels.items())))
    return {"path": REPORT_PATH, "rows": len(issues)}
