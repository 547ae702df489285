"""What one live-reveal message costs in queries, counted on the consumer's database thread.

Channels runs every consumer's database call of a process on one shared thread
(``database_sync_to_async``), so these counts are what limits how many couples one worker
carries (docs/performance.md). A state change reaches each connection with its shared state,
so handing it to the two partners costs no query at all.
"""

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sessions import consumers
from sessions.models import CoupleSession
from sessions.selectors import live_shared_state
from tests.support.live import channels_of, connect

pytestmark = pytest.mark.django_db(transaction=True)


class ConsumerQueries:
    """Counts the queries of every consumer in this process while the block runs.

    Entered and left on the consumer's own database thread, whose connection is the one the
    consumers use; ``count`` is read there too.
    """

    async def __aenter__(self) -> "ConsumerQueries":
        self.context = CaptureQueriesContext(connection)
        await database_sync_to_async(self.context.__enter__)()
        return self

    async def __aexit__(self, *exc_info) -> None:
        def leave() -> int:
            self.context.__exit__(None, None, None)
            return len(self.context.captured_queries)

        self.count = await database_sync_to_async(leave)()


async def _both(session, anna, bram):
    anna_live, ok_a, _ = await connect(anna, session.id)
    bram_live, ok_b, _ = await connect(bram, session.id)
    assert ok_a and ok_b
    await anna_live.expect("state", partner_present=True)
    await bram_live.expect("state", partner_present=True)
    return anna_live, bram_live


@pytest.fixture
def state_reads(monkeypatch):
    """Every time a connection read its state from the database instead of from the event."""
    reads = []
    live_state = consumers.live_state

    def counting(**kwargs):
        reads.append(kwargs["user"])
        return live_state(**kwargs)

    monkeypatch.setattr(consumers, "live_state", counting)
    return reads


async def test_a_first_ready_costs_9_queries_for_both_partners_together(
    anna, bram, ready_session, state_reads
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    async with ConsumerQueries() as queries:
        await anna_live.send({"type": "ready"})
        await anna_live.expect("state", you_ready=True)
        await bram_live.expect("state", partner_ready=True)
    # The service's transaction only (19 when each connection re-read its state, 10 with
    # presence in the database).
    assert queries.count == 9
    assert state_reads == []
    await anna_live.close()
    await bram_live.close()


async def test_the_revealing_ready_costs_14_queries_for_both_partners_together(
    anna, bram, ready_session, state_reads
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "ready"})
    await bram_live.expect("state", partner_ready=True)
    async with ConsumerQueries() as queries:
        await bram_live.send({"type": "ready"})
        await anna_live.expect("reveal")
        await bram_live.expect("reveal")
        await anna_live.expect("state", current_index=1)
        await bram_live.expect("state", current_index=1)
    # The service, then each partner's own reveal read from the database (answers never travel
    # in an event): 10 + 2 x 2 (11 + 4 with presence in the database). It was 29 when each
    # connection also re-read its state.
    assert queries.count == 14
    assert state_reads == []
    await anna_live.close()
    await bram_live.close()


async def test_a_reaction_costs_6_queries_and_none_to_hand_it_out(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "ready"})
    await bram_live.send({"type": "ready"})
    revealed = await anna_live.expect("reveal")
    await bram_live.expect("reveal")
    async with ConsumerQueries() as queries:
        await bram_live.send({"type": "react", "prompt": revealed["prompt"], "reaction": "thanks"})
        await anna_live.expect("reaction", from_me=False)
        await bram_live.expect("reaction", from_me=True)
    assert queries.count == 6
    await anna_live.close()
    await bram_live.close()


def _channel_of(user, session) -> str:
    [channel] = channels_of(user, session.id)
    return channel


@database_sync_to_async
def _shared_state(session) -> dict:
    return live_shared_state(session=CoupleSession.objects.get(pk=session.pk))


async def test_an_older_state_arriving_late_does_not_undo_a_newer_one(anna, bram, ready_session):
    """Two workers send their events after their own commits; Redis may hand a connection the
    later state first. The version (ordered by the session's row lock) decides."""
    anna_live, bram_live = await _both(ready_session, anna, bram)
    older = {"type": "session.state", **await _shared_state(ready_session)}
    await anna_live.send({"type": "ready"})
    await anna_live.expect("state", you_ready=True)
    await bram_live.expect("state", partner_ready=True)

    await get_channel_layer().send(_channel_of(anna, ready_session), older)
    await anna_live.nothing_more()

    newer = {"type": "session.state", **await _shared_state(ready_session)}
    await get_channel_layer().send(_channel_of(anna, ready_session), newer)
    assert (await anna_live.expect("state"))["you_ready"] is True
    await anna_live.close()
    await bram_live.close()
