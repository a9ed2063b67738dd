import logging

logger = logging.getLogger("notion_to_calendar")


def missing_fields(task):
    missing = [k for k in ("task_name", "due_date_start", "event_id") if not task.get(k)]
    return f"missing: {', '.join(missing)}" if missing else None


def handler(pd: "pipedream"):
    props = pd.steps["trigger"]["event"]["properties"]
    task = {
        "task_name": props.get("Name"),
        "due_date_start": (props.get("Due") or {}).get("start"),
        "due_date_end": (props.get("Due") or {}).get("end"),
        "event_id": props.get("Calendar Event ID"),
    }

    error = missing_fields(task)
    if error:
        logger.info(error)
        pd.flow.exit(error)  # ok: PD116 (a return follows at once)
        return {}

    end = task["due_date_end"] if task["due_date_end"] is not None else task["due_date_start"]
    logger.info("updating event %s", task["event_id"])
    return {"eventId": task["event_id"], "summary": task["task_name"], "start": task["due_date_start"], "end": end}
