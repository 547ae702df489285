"""The benchmark server: the real application plus two WebSocket echo baselines.

``/bench/bare/``      a bare ASGI echo (no framework at all)
``/bench/channels/``  a plain Channels ``AsyncJsonWebsocketConsumer`` echo
``/bench/channels_db/`` the same echo writing one row per message through the ORM (Channels'
                      ``database_sync_to_async``): the limit for an action that must persist
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


def _write_row() -> None:
    # One INSERT of a real table through the ORM: an expired session row nobody will use.
    from datetime import timedelta
    from uuid import uuid4

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    Session.objects.create(
        session_key=f"bench{uuid4().hex}",
        session_data="",
        expire_date=timezone.now() - timedelta(days=1),
    )


class DbEchoConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs) -> None:
        from channels.db import database_sync_to_async

        await database_sync_to_async(_write_row)()
        await self.send_json(content)


channels_db_echo = DbEchoConsumer.as_asgi()


async def application(scope, receive, send) -> None:
    if scope["type"] == "websocket":
        if scope["path"] == "/bench/bare/":
            return await bare_echo(scope, receive, send)
        if scope["path"] == "/bench/channels/":
            return await channels_echo(scope, receive, send)
        if scope["path"] == "/bench/channels_db/":
            return await channels_db_echo(scope, receive, send)
    return await project_application(scope, receive, send)


def _apply_experiment(name: str) -> None:
    """What-if runs for docs/performance.md, chosen with BENCH_EXPERIMENT; never in production.

    ``db_pool``: run the consumer's service calls on the bounded pool
    (``sessions.consumers.live_db_pool``, 4 threads) instead of the one thread Channels'
    ``database_sync_to_async`` shares per process.
    """
    if name == "db_pool":
        from sessions import consumers

        consumers.uses_pool = lambda: True


_apply_experiment(os.environ.get("BENCH_EXPERIMENT", ""))

if os.environ.get("BENCH_PROFILE"):
    from . import sampler

    sampler.start(f"{os.environ['BENCH_PROFILE']}.{os.getpid()}.json")
