"""Count each customer's deliveries in a data store; a count expires a day after its last update."""

WINDOW_SECONDS = 24 * 60 * 60


def handler(pd: "pipedream"):
    store = pd.inputs["data_store"]
    key = f"deliveries:{pd.steps['trigger']['event']['body']['customer_id']}"
    count = store.get(key, 0) + 1
    store.set(key, count, ttl=WINDOW_SECONDS)
    pd.export("count", count)
    return count
