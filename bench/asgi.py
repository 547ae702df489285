"""The benchmark server: the real application plus two WebSocket echo baselines.

``/bench/bare/``      a bare ASGI echo (no framework at all)
``/bench/channels/``  a plain Channels ``AsyncJsonWebsocketConsumer`` echo
anything else         ``project.asgi.application`` (the real reveal at ``/ws/sessions/<id>/``)
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

from channels.generic.websocket import AsyncJsonWebsocketConsumer

from project.asgi import application as project_application


async def bare_echo(scope, receive, send) -> None:
    while True:
        event = await receive()
        if event["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif event["type"] == "websocket.receive":
            await send({"type": "websocket.send", "text": event.get("text")})
        else:
            return


class EchoConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs) -> None:
        await self.send_json(content)


channels_echo = EchoConsumer.as_asgi()


async def application(scope, receive, send) -> None:
    if scope["type"] == "websocket":
        if scope["path"] == "/bench/bare/":
            return await bare_echo(scope, receive, send)
        if scope["path"] == "/bench/channels/":
            return await channels_echo(scope, receive, send)
    return await project_application(scope, receive, send)


def _apply_experiment(name: str) -> None:
    """What-if runs for docs/performance.md, chosen with BENCH_EXPERIMENT; never in production.

    ``db_threads``: run the consumer's service calls on the default thread pool instead of the
    one thread that ``database_sync_to_async`` shares per process.
    """
    if name == "db_threads":
        from channels.db import database_sync_to_async
        from django.utils import translation

        from sessions import consumers

        def run(function, language, **kwargs):
            with translation.override(language):
                return function(**kwargs)

        consumers._run = database_sync_to_async(run, thread_sensitive=False)


_apply_experiment(os.environ.get("BENCH_EXPERIMENT", ""))

if os.environ.get("BENCH_PROFILE"):
    from . import sampler

    sampler.start(f"{os.environ['BENCH_PROFILE']}.{os.getpid()}.json")
