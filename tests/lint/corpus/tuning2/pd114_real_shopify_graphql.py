import requests


def handler(pd: "pipedream"):
    shop = pd.inputs["shop"]
    token = pd.inputs["shopify"]["$auth"]["oauth_access_token"]
    sku = pd.steps["trigger"]["event"]["sku"]
    # expect-next-line: PD114
    query = f"""
    {{
      productVariants(first: 1, query: "sku:{sku}") {{
        edges {{ node {{ id inventoryQuantity }} }}
      }}
    }}
    """
    r = requests.post(f"https://{shop}.myshopify.com/admin/api/2024-04/graphql.json", json={"query": query}, headers={"X-Shopify-Access-Token": token}, timeout=20)
    r.raise_for_status()
    return r.json()["data"]["productVariants"]["edges"]
