"""The Redis channel layer: publish/subscribe on purpose, payloads encrypted, and delivery
counted by sequence number (what is not delivered can only be seen by counting)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from tests.support.delivery import DeliveryCounter

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "")
needs_redis = pytest.mark.skipif(
    not REDIS_URL, reason="needs a Redis server: set REDIS_URL (as CI does) to run it"
)


def _layer_config(**env: str) -> dict:
    """CHANNEL_LAYERS['default'] as the settings build it from ``env``."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps(s.CHANNEL_LAYERS['default']))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in env}
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "project.settings.base",
            "SECRET_KEY": "a-test-secret-key-for-the-channel-layer-settings-0123456789",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_it_is_publish_subscribe_and_encrypts_with_the_field_keys():
    field_key = Fernet.generate_key().decode()
    config = _layer_config(REDIS_URL="redis://127.0.0.1:6379/15", FIELD_ENCRYPTION_KEYS=field_key)
    assert config["BACKEND"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    assert config["CONFIG"]["symmetric_encryption_keys"] == [field_key]
    assert config["CONFIG"]["hosts"] == [
        {"address": "redis://127.0.0.1:6379/15", "socket_timeout": 15}
    ]


def test_it_prefers_dedicated_channel_layer_keys():
    config = _layer_config(
        REDIS_URL="redis://127.0.0.1:6379/15",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        CHANNEL_LAYER_KEYS="new-layer-key,old-layer-key",
    )
    assert config["CONFIG"]["symmetric_encryption_keys"] == ["new-layer-key", "old-layer-key"]


def test_the_delivery_counter_names_every_missing_sequence_number():
    counter = DeliveryCounter()
    counter.expect("couple-1:a:reveal", 5)
    for sequence in (0, 1, 3):
        counter.got("couple-1:a:reveal", sequence)
    counter.got("couple-1:a:reveal", 3)
    assert counter.missing("couple-1:a:reveal") == [2, 4]
    assert counter.dropped == 2
    assert counter.duplicates == 1


def _layer(prefix: str = ""):
    from channels_redis.pubsub import RedisPubSubChannelLayer

    return RedisPubSubChannelLayer(
        hosts=[REDIS_URL],
        prefix=prefix or f"perf-test-{uuid.uuid4().hex[:8]}",
        symmetric_encryption_keys=["a-channel-layer-test-key"],
    )


async def _drain(layer, channel: str, counter: DeliveryCounter, stream: str) -> None:
    while True:
        try:
            message = await asyncio.wait_for(layer.receive(channel), 0.5)
        except TimeoutError:
            return
        counter.got(stream, message["sequence"])


@needs_redis
async def test_a_group_receives_every_event_sent_while_it_listens():
    layer = _layer()
    channel = await layer.new_channel()
    await layer.group_add("session.perf", channel)
    counter = DeliveryCounter()
    counter.expect("session.perf", 200)
    for sequence in range(200):
        await layer.group_send("session.perf", {"type": "session.state", "sequence": sequence})
    await _drain(layer, channel, counter, "session.perf")
    await layer.flush()
    assert counter.dropped == 0
    assert counter.duplicates == 0


@needs_redis
async def test_an_event_sent_before_joining_is_not_delivered_and_the_counter_names_it():
    """Publish/subscribe delivers to whoever listens at that moment: why a consumer joins its
    groups before it announces itself, and why the bench counts by sequence number."""
    layer = _layer()
    channel = await layer.new_channel()
    counter = DeliveryCounter()
    counter.expect("session.perf", 4)
    await layer.group_send("session.perf", {"type": "session.state", "sequence": 0})
    await layer.group_add("session.perf", channel)
    for sequence in (1, 2, 3):
        await layer.group_send("session.perf", {"type": "session.state", "sequence": sequence})
    await _drain(layer, channel, counter, "session.perf")
    await layer.flush()
    assert counter.missing("session.perf") == [0]
    assert counter.dropped == 1


@needs_redis
async def test_what_passes_through_redis_is_encrypted():
    import redis.asyncio as redis

    prefix = f"perf-test-{uuid.uuid4().hex[:8]}"
    layer = _layer(prefix)
    channel = await layer.new_channel()
    await layer.group_add("session.perf", channel)
    # A separate connection listens to everything published under the layer's prefix.
    client = redis.Redis.from_url(REDIS_URL)
    listener = client.pubsub()
    await listener.psubscribe(f"{prefix}*")
    marker = "bram-answer-marker-5e1c"
    await layer.group_send("session.perf", {"type": "session.reveal", "text": marker})
    published = []
    # redis-py answers None for the subscription's own confirmation: read on until the event.
    for _ in range(20):
        message = await listener.get_message(ignore_subscribe_messages=True, timeout=1)
        if message is not None:
            published.append(message["data"])
            break
    assert published, "the event should have been published"
    await listener.aclose()
    await client.aclose()
    assert marker.encode() not in published[0]
    message = await asyncio.wait_for(layer.receive(channel), 5)
    assert message["text"] == marker
    await layer.flush()
