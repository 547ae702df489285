"""What one live-reveal message costs in SQL statements, counted on the consumer's database
thread, as exact lists (issue 19: at most 3 per action, BEGIN/COMMIT aside).

Channels runs every consumer's database call of a process on one shared thread
(``database_sync_to_async``), so these counts are what limits how many couples one worker
carries (docs/performance.md). A state change reaches each connection with its shared state,
so handing it to the two partners costs no query at all.
"""

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.db import connection
from django.test.utils import CaptureQueriesContext

from project.db_threads import side_thread
from sessions import consumers
from sessions.models import CoupleSession
from sessions.selectors import live_shared_state
from tests.support.live import channels_of, connect, session_key_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def one_live_db_thread(monkeypatch):
    """The consumers' bounded pool with one thread, so its one connection sees every query."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="live-db-test")
    monkeypatch.setattr(consumers, "_pool", pool)
    yield
    pool.shutdown(wait=True)


_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


class ConsumerQueries:
    """Counts the queries of every consumer in this process while the block runs.

    Entered and left on the consumer's own database thread, whose connection is the one the
    consumers use; ``count`` is read there too.
    """

    async def __aenter__(self) -> "ConsumerQueries":
        self.context = CaptureQueriesContext(connection)
        await self._on_pool(self.context.__enter__)
        return self

    @staticmethod
    async def _on_pool(function):
        # Where the consumers' service calls run: their pool, which has one thread in these
        # tests (``one_live_db_thread``), or under SQLite Channels' one shared thread.
        if consumers.uses_pool():
            return await asyncio.wrap_future(consumers.live_db_pool().submit(function))
        return await database_sync_to_async(function)()

    async def __aexit__(self, *exc_info) -> None:
        def leave() -> list[str]:
            self.context.__exit__(None, None, None)
            return [query["sql"] for query in self.context.captured_queries]

        self.sql = await self._on_pool(leave)
        self.count = len(self.sql)
        # What the brief counts: SQL statements, the transaction's own BEGIN/COMMIT aside.
        self.statements = [
            sql for sql in self.sql if not sql.upper().startswith(_TRANSACTION_CONTROL)
        ]


class HandshakeQueries(ConsumerQueries):
    """The same, on the thread that runs a handshake's reads (``project.db_threads``): its own
    under PostgreSQL; under SQLite the shared one, where ``ConsumerQueries`` sees them already."""

    @staticmethod
    async def _on_pool(function):
        return await side_thread(function)()


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


@pytest.fixture
def reveal_reads(monkeypatch):
    """Every time a connection read a reveal from the database instead of from the event."""
    reads = []
    reveal_message = consumers.reveal_message

    def counting(**kwargs):
        reads.append(kwargs["user"])
        return reveal_message(**kwargs)

    monkeypatch.setattr(consumers, "reveal_message", counting)
    return reads


def _tables(statements: list[str]) -> list[str]:
    """Each statement as its verb and table: what the exact counts below name."""
    named = []
    for sql in statements:
        verb = sql.split()[0].upper()
        table = (
            sql.split('"couple_sessions_', 1)[1].split('"', 1)[0]
            if "couple_sessions_" in sql
            else "?"
        )
        named.append(f"{verb} {table}")
    return named


async def test_a_first_ready_is_3_statements_for_both_partners_together(
    anna, bram, ready_session, state_reads
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    async with ConsumerQueries() as queries:
        await anna_live.send({"type": "ready"})
        await anna_live.expect("state", you_ready=True)
        await bram_live.expect("state", partner_ready=True)
    # One short transaction: the locked read (both partners' readiness in it), my readiness,
    # the session's version. Handing the state to both partners reads nothing.
    assert _tables(queries.statements) == [
        "SELECT couplesession",
        "UPDATE sessionparticipant",
        "UPDATE couplesession",
    ]
    assert state_reads == []
    await anna_live.close()
    await bram_live.close()


async def test_the_revealing_ready_is_3_statements_and_nobody_reads_the_reveal(
    anna, bram, ready_session, state_reads, reveal_reads
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
    # The locked read carries both answers to the prompt the connection's last state showed;
    # then the reveal's row and the session's move. The event carries each partner's view.
    # (It was 15: 11 in the service, 2 x 2 to read each partner's reveal.)
    assert _tables(queries.statements) == [
        "SELECT couplesession",
        "INSERT promptreveal",
        "UPDATE couplesession",
    ]
    assert queries.count == 5  # with BEGIN and COMMIT
    assert state_reads == []
    assert reveal_reads == []
    await anna_live.close()
    await bram_live.close()


async def test_a_reaction_is_1_statement_and_no_transaction(anna, bram, ready_session):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "ready"})
    await bram_live.send({"type": "ready"})
    revealed = await anna_live.expect("reveal")
    await bram_live.expect("reveal")
    async with ConsumerQueries() as queries:
        await bram_live.send({"type": "react", "prompt": revealed["prompt"], "reaction": "thanks"})
        await anna_live.expect("reaction", from_me=False)
        await bram_live.expect("reaction", from_me=True)
    # The reaction's row, written only where the session's status, its couple and that
    # prompt's reveal allow it: one INSERT … SELECT, in autocommit. (It was 6, then 2 in a
    # transaction.)
    assert _tables(queries.statements) == ["INSERT sessionreaction"]
    assert queries.count == 1  # no BEGIN, no COMMIT
    await anna_live.close()
    await bram_live.close()


def _join_transaction(sql: list[str]) -> list[str]:
    begin = next(n for n, statement in enumerate(sql) if statement.upper().startswith("BEGIN"))
    end = next(n for n, statement in enumerate(sql) if statement.upper().startswith("COMMIT"))
    return sql[begin + 1 : end]


async def test_a_side_thread_5_on_its_own_thread_and_a_join_writes_2_statements(
    anna, bram, ready_session, state_reads
):
    anna_live, ok, _ = await connect(anna, ready_session.id)
    assert ok
    await anna_live.expect("state")
    key = await database_sync_to_async(session_key_for)(bram)
    own_thread = connection.vendor != "sqlite"
    async with ConsumerQueries() as queries, HandshakeQueries() as handshake:
        bram_live, ok, _ = await connect(bram, ready_session.id, key=key)
        assert ok
        await bram_live.expect("state", partner_present=True)
        await anna_live.expect("state", partner_present=True)
    # The handshake's reads: signing in (the token's session and user, three reads in one
    # database call) and, once per connection, the access it keeps: the session with its two
    # members and the person's safety facts, and the prompts (it was 5). On PostgreSQL they run
    # on the handshake thread; under SQLite on the shared one, counted once.
    reads = handshake.statements if own_thread else queries.statements[:5]
    assert sum('"django_session"' in sql or 'FROM "accounts_user"' in sql for sql in reads) == 3
    access = reads[3:]
    assert len(access) == 2
    assert 'FROM "couple_sessions_couplesession"' in access[0]
    assert '"safety_' in access[0]  # the safety facts, as subqueries of the same read
    assert access[1].startswith('SELECT "exercises_prompt"."id"')
    # Then the join on the shared thread: the locked read and the session's version.
    join = queries.statements if own_thread else queries.statements[5:]
    assert len(join) == 2
    assert _tables(_join_transaction(queries.sql)) == [
        "SELECT couplesession",
        "UPDATE couplesession",
    ]
    assert state_reads == []
    await anna_live.close()
    await bram_live.close()


async def test_a_join_that_completes_a_reveal_is_3_statements(
    anna, bram, ready_session, reveal_reads
):
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "ready"})
    await bram_live.expect("state", partner_ready=True)
    await anna_live.close()
    await bram_live.expect("state", partner_present=False)
    await bram_live.send({"type": "ready"})
    await bram_live.expect("state", you_ready=True, partner_ready=True)
    key = await database_sync_to_async(session_key_for)(anna)
    async with ConsumerQueries() as queries:
        anna_again, ok, _ = await connect(anna, ready_session.id, key=key)
        assert ok
        await anna_again.expect("reveal")
        await bram_live.expect("reveal")
    assert _tables(_join_transaction(queries.sql)) == [
        "SELECT couplesession",
        "INSERT promptreveal",
        "UPDATE couplesession",
    ]
    assert reveal_reads == []
    await anna_again.close()
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


async def test_no_message_takes_a_hop_to_the_database_thread_just_to_close_connections(
    anna, bram, ready_session, monkeypatch
):
    """Channels' own dispatch would close stale connections on the shared database thread before
    every frame and every group event; the consumers do that inside their own database calls
    (``project.consumers.OwnDatabaseCalls``), so a reaction and its fan-out take no such hop."""
    import channels.consumer

    hops = []

    async def counted() -> None:
        hops.append(1)

    monkeypatch.setattr(channels.consumer, "aclose_old_connections", counted)
    anna_live, bram_live = await _both(ready_session, anna, bram)
    await anna_live.send({"type": "ready"})
    await bram_live.send({"type": "ready"})
    revealed = await anna_live.expect("reveal")
    await bram_live.expect("reveal")
    await bram_live.send({"type": "react", "prompt": revealed["prompt"], "reaction": "thanks"})
    await anna_live.expect("reaction", from_me=False)
    await bram_live.expect("reaction", from_me=True)
    assert hops == []
    await anna_live.close()
    await bram_live.close()


async def test_the_partner_waiting_notification_is_written_off_the_shared_thread(
    anna, bram, ready_session
):
    """The first partner's join tells the other one they are waited for: a transaction of its
    own after the join's commit. It runs on the side thread (``project.after_commit``,
    ``project.db_threads``), not on the shared thread the live actions wait on; under SQLite
    both are the same thread, so there only its arrival is checked."""
    from notifications.models import Event, OutboxMessage, PushSubscription

    # "Partner is waiting" goes by push only (the default): bram has a phone subscribed.
    await database_sync_to_async(PushSubscription.objects.create)(
        user=bram, endpoint="https://push.invalid/bram", p256dh="key", auth="secret"
    )
    async with ConsumerQueries() as queries, HandshakeQueries() as side:
        anna_live, ok, _ = await connect(anna, ready_session.id)
        assert ok
        await anna_live.expect("state", partner_present=False)
    waiting = await database_sync_to_async(
        lambda: list(
            OutboxMessage.objects.filter(event=Event.PARTNER_WAITING).values_list(
                "user_id", flat=True
            )
        )
    )()
    assert waiting and set(waiting) == {bram.pk}
    outbox_writes = [sql for sql in queries.statements if "INSERT" in sql and "outbox" in sql]
    if connection.vendor != "sqlite":
        assert outbox_writes == []
        assert any("INSERT" in sql and "outbox" in sql for sql in side.statements)
    else:
        assert outbox_writes
    await anna_live.close()
