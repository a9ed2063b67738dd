import logging
import re

logger = logging.getLogger(__name__)
PAGE_ID = re.compile(r"([0-9a-f]{32})")


def dig(data, path, default=None):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return default
        data = data[key]
    return data


def handler(pd: "pipedream"):
    event = dig(pd.steps, ["trigger", "event"], default={})
    location = dig(event, ["location"])
    summary = dig(event, ["summary"], default="Untitled")

    if not location or "https://www.notion.so/" not in location:
        msg = f"Event '{summary}' has no Notion link. Skipping."
        logger.info(msg)
        pd.flow.exit(msg)  # ok: PD116 (a return follows at once)
        return

    match = PAGE_ID.search(location.replace("-", ""))
    if match is None:
        pd.flow.exit(f"no page id in {location}")  # expect: PD116
    logger.info("processing %s", summary)
    return {"page_id": match.group(1) if match else None, "title": summary}
