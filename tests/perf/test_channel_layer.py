"""The Redis channel layer: capacity and expiry set on purpose, payloads encrypted, and an
over-capacity ``group_send`` (which channels-redis drops without a word) caught by counting."""

from __future__ import annotations

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
    """CHANNEL_LAYERS['default']['CONFIG'] as the settings build it from ``env``."""
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps(s.CHANNEL_LAYERS['default']['CONFIG']))"
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


def test_it_sets_capacity_and_expiry_and_encrypts_with_the_field_keys():
    field_key = Fernet.generate_key().decode()
    config = _layer_config(REDIS_URL="redis://127.0.0.1:6379/15", FIELD_ENCRYPTION_KEYS=field_key)
    assert config["capacity"] == 100
    assert config["expiry"] == 10
    assert config["group_expiry"] == 86400
    assert config["symmetric_encryption_keys"] == [field_key]


def test_it_prefers_dedicated_channel_layer_keys():
    config = _layer_config(
        REDIS_URL="redis://127.0.0.1:6379/15",
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        CHANNEL_LAYER_KEYS="new-layer-key,old-layer-key",
        CHANNEL_LAYER_CAPACITY="250",
    )
    assert config["symmetric_encryption_keys"] == ["new-layer-key", "old-layer-key"]
    assert config["capacity"] == 250


def test_the_delivery_counter_names_every_missing_sequence_number():
    counter = DeliveryCounter()
    counter.expect("couple-1:a:reveal", 5)
    for sequence in (0, 1, 3):
        counter.got("couple-1:a:reveal", sequence)
    counter.got("couple-1:a:reveal", 3)
    assert counter.missing("couple-1:a:reveal") == [2, 4]
    assert counter.dropped == 2
    assert counter.duplicates == 1


def _layer(capacity: int):
    from channels_redis.core import RedisChannelLayer

    return RedisChannelLayer(
        hosts=[REDIS_URL],
        capacity=capacity,
        expiry=10,
        prefix=f"perf-test-{uuid.uuid4().hex[:8]}",
        symmetric_encryption_keys=["a-channel-layer-test-key"],
    )


async def _drain(layer, channel: str, counter: DeliveryCounter, stream: str) -> None:
    import asyncio

    while True:
        try:
            message = await asyncio.wait_for(layer.receive(channel), 0.5)
        except TimeoutError:
            return
        counter.got(stream, message["sequence"])


@needs_redis
async def test_group_send_past_capacity_drops_silently_and_the_counter_catches_it():
    layer = _layer(capacity=5)
    channel = await layer.new_channel()
    await layer.group_add("session.perf", channel)
    counter = DeliveryCounter()
    counter.expect("session.perf", 8)
    for sequence in range(8):
        # No exception: channels-redis drops what does not fit.
        await layer.group_send("session.perf", {"type": "session.state", "sequence": sequence})
    await _drain(layer, channel, counter, "session.perf")
    await layer.flush()
    assert counter.missing("session.perf") == [5, 6, 7]
    assert counter.dropped == 3


@needs_redis
async def test_within_capacity_nothing_is_dropped():
    layer = _layer(capacity=100)
    channel = await layer.new_channel()
    await layer.group_add("session.perf", channel)
    counter = DeliveryCounter()
    counter.expect("session.perf", 50)
    for sequence in range(50):
        await layer.group_send("session.perf", {"type": "session.state", "sequence": sequence})
    await _drain(layer, channel, counter, "session.perf")
    await layer.flush()
    assert counter.dropped == 0


@needs_redis
async def test_what_passes_through_redis_is_encrypted():
    import redis.asyncio as redis

    layer = _layer(capacity=10)
    channel = await layer.new_channel()
    marker = "bram-answer-marker-5e1c"
    await layer.group_add("session.perf", channel)
    await layer.group_send("session.perf", {"type": "session.reveal", "text": marker})
    client = redis.Redis.from_url(REDIS_URL)
    stored = b""
    async for key in client.scan_iter(match=f"{layer.prefix}*"):
        if await client.type(key) == b"zset":
            stored += b"".join(await client.zrange(key, 0, -1))
    await client.aclose()
    assert stored, "the message should be waiting in Redis"
    assert marker.encode() not in stored
    message = await layer.receive(channel)
    assert message["text"] == marker
    await layer.flush()
