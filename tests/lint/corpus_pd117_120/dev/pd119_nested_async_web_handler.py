from aiohttp import web


def make_app():
    async def handler(request):
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/", handler)
    return app
