import aiohttp


async def handler(pd: "pipedream"):  # expect: PD119
    urls = pd.steps["collect"]["$return_value"]
    async with aiohttp.ClientSession() as session:
        results = []
        for url in urls:
            async with session.head(url) as resp:
                results.append({"url": url, "status": resp.status})
    return results
