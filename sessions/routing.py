from django.urls import path

from .consumers import SessionConsumer
from .me import MeConsumer

websocket_urlpatterns = [
    path("ws/sessions/<uuid:session_id>/", SessionConsumer.as_asgi()),
    path("ws/me/", MeConsumer.as_asgi()),
]
