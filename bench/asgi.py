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
