import os

import requests

SHOP = os.environ["SHOP_DOMAIN"]
PRODUCTS = "{{ products(first: {count}, query: \"{search}\") {{ edges {{ node {{ id title }} }} }} }}"


def find_products(search, count=10):
    document = PRODUCTS.format(count=count, search=search)  # expect: PD114
    r = requests.post(
        f"https://{SHOP}/admin/api/2024-04/graphql.json",
        json={"query": document},
        headers={"X-Shopify-Access-Token": os.environ["SHOPIFY_TOKEN"]},
        timeout=20,
    )
    r.raise_for_status()
    return [e["node"] for e in r.json()["data"]["products"]["edges"]]
