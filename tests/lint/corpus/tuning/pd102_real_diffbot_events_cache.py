# Weekly "events in New Orleans" step: knowledge-graph query cached in a data store.
import os
import urllib.parse
from datetime import datetime, timedelta

import requests


def simplify(item):
    entity = item["entity"]
    event = {"name": entity["name"], "url": f"https://{entity['origin']}"}
    if "description" in entity:
        event["description"] = entity["description"]
    if "startDateTime" in entity:
        when = datetime.fromtimestamp(entity["startDateTime"]["timestamp"] / 1000)
        event["startDateTime"] = when.strftime("%Y-%m-%d")
    return event


def handler(pd: "pipedream"):
    store = pd.inputs["data_store"]
    if "cached" in store:
        return store["cached"]

    token = os.environ.get("KG_TOKEN")
    since = (datetime.now() - timedelta(days=30)).strftime("%Y-%m-%d")
    dql = f'type:Event locations.city.name:"New Orleans" startDateTime>{since} sortBy:startDateTime'
    call = f"https://kg.diffbot.com/kg/v3/dql?type=query&token={token}&query={urllib.parse.quote(dql)}&size=100"  # expect: PD113

    res = requests.get(call)  # expect: PD102, PD105
    events = [simplify(e) for e in res.json()["data"]]
    store.set("cached", events, ttl=43200)
    return events
