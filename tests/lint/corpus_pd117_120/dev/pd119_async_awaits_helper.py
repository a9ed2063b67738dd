import httpx


async def fetch_all(urls):
    async with httpx.AsyncClient(timeout=10) as client:
        return [(await client.get(u)).status_code for u in urls]


async def handler(pd):  # expect: PD119
    return await fetch_all(pd.steps["collect"]["$return_value"])
