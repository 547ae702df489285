"""Each event, each person's choices per event and channel, and the scheduled reminders."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from notifications.content import DETAILED_TEXTS, DISCREET_TEXT
from notifications.models import Channel, Event, OutboxMessage
from notifications.services import (
    notify,
    outbox_send_due,
    register_due_source,
    reminders_enqueue,
    unregister_due_source,
)

pytestmark = pytest.mark.django_db

# The weekly and daily-question reminders go only to people who opted in (tests below).
ALWAYS_ON = [event for event in Event if event not in (Event.WEEKLY_REMINDER, Event.DAILY_QUESTION)]


def channels_of(user) -> list[tuple[str, str]]:
    return sorted(OutboxMessage.objects.filter(user=user).values_list("event", "channel"))


@pytest.mark.parametrize("event", ALWAYS_ON)
def test_each_event_reaches_the_channels_chosen_by_default(
    event, anna, device_for, push_service, enqueue, no_quiet_hours
):
    no_quiet_hours(anna)
    device = device_for(anna)

    enqueue(user=anna, event=event, path="/s/1")

    expected = [(event.value, "push")]
    if event != Event.PARTNER_WAITING:
        expected.append((event.value, "email"))
    assert sorted(channels_of(anna)) == sorted(expected)
    outbox_send_due()
    assert device.decrypt(push_service.received[0]) == {
        "title": "Tweespraak",
        "body": "Er staat iets nieuws voor je klaar in Tweespraak.",
        "url": "/s/1",
    }


@pytest.mark.parametrize("event", list(Event))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_event_has_its_own_detailed_text_in_both_languages(
    event, language, anna, device_for, push_service, enqueue, no_quiet_hours
):
    anna.language = language
    anna.save()
    no_quiet_hours(
        anna, detailed_texts=True, weekly_reminder=True, daily_reminder=True, email_enabled=False
    )
    device = device_for(anna)

    enqueue(user=anna, event=event)
    outbox_send_due()

    body = device.decrypt(push_service.received[0])["body"]
    assert body
    with translation.override("en"):
        english = str(DETAILED_TEXTS[event])
    assert (body == english) is (language == "en")
    assert body != str(DISCREET_TEXT)


@pytest.mark.parametrize("event", list(Event))
@pytest.mark.parametrize("channel", list(Channel))
def test_turning_one_event_off_on_one_channel_enqueues_nothing_there(
    event, channel, anna, device_for, push_service, enqueue, no_quiet_hours
):
    other = Channel.EMAIL if channel == Channel.PUSH else Channel.PUSH
    no_quiet_hours(
        anna,
        weekly_reminder=True,
        daily_reminder=True,
        event_channels={event.value: {channel.value: False, other.value: True}},
    )
    device_for(anna)

    enqueue(user=anna, event=event)

    assert channels_of(anna) == [(event.value, other.value)]


def test_without_a_device_only_email_goes_out(anna, enqueue, no_quiet_hours):
    no_quiet_hours(anna)
    enqueue(user=anna, event=Event.PARTNER_STARTED)
    assert channels_of(anna) == [("partner_started", "email")]


def test_nothing_is_enqueued_when_the_action_rolls_back(anna, no_quiet_hours):
    no_quiet_hours(anna)
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(user=anna, event=Event.PARTNER_STARTED)
        raise RuntimeError("the action failed")
    assert not OutboxMessage.objects.exists()


def test_notify_waits_for_the_commit(anna, no_quiet_hours, django_capture_on_commit_callbacks):
    no_quiet_hours(anna)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(user=anna, event=Event.PARTNER_STARTED)
        assert not OutboxMessage.objects.exists()
    # The rows are written on commit, and once they are committed a task worker is woken.
    assert len(callbacks) == 2
    assert OutboxMessage.objects.count() == 1


def test_notify_refuses_a_path_to_another_site(anna):
    with pytest.raises(ValueError):
        notify(user=anna, event=Event.PARTNER_STARTED, path="//evil.example/")


@pytest.mark.parametrize("devices", [1, 3])
def test_notify_enqueues_in_a_fixed_number_of_queries(
    devices, anna, device_for, enqueue, no_quiet_hours, django_assert_num_queries
):
    no_quiet_hours(anna)
    for number in range(devices):
        device_for(anna, f"device {number}")
    # Two savepoints each for the caller's and notify's transactions, the person, their
    # choices, their devices, one insert: the same for any number of devices.
    with django_assert_num_queries(8):
        enqueue(user=anna, event=Event.PARTNER_STARTED)
    assert OutboxMessage.objects.count() == devices + 1


def test_weekly_reminders_go_only_to_people_who_opted_in_once_a_week(
    anna, bram, no_quiet_hours, django_capture_on_commit_callbacks
):
    no_quiet_hours(anna, weekly_reminder=True)
    no_quiet_hours(bram)
    monday = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)

    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue(now=monday)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue(now=monday + timedelta(days=3))
    assert channels_of(anna) == [("weekly_reminder", "email")]
    assert channels_of(bram) == []

    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue(now=monday + timedelta(days=7))
    assert channels_of(anna) == [("weekly_reminder", "email")] * 2


def test_the_daily_question_reminder_is_opt_in_once_a_day_and_says_nothing_of_safety(
    anna, bram, cas, anna_and_bram, no_quiet_hours, django_capture_on_commit_callbacks
):
    no_quiet_hours(anna, daily_reminder=True)
    no_quiet_hours(bram)
    # cas chose the reminder too, but has nobody to answer with: nothing is sent to him.
    no_quiet_hours(cas, daily_reminder=True)
    morning = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)

    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue(now=morning)
    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue(now=morning + timedelta(hours=3))
    assert channels_of(anna) == [("daily_question", "email")]
    assert channels_of(bram) == []
    assert channels_of(cas) == []
    assert OutboxMessage.objects.get(user=anna).payload == {"path": "/daily"}

    with django_capture_on_commit_callbacks(execute=True):
        reminders_enqueue(now=morning + timedelta(days=1))
    assert channels_of(anna) == [("daily_question", "email")] * 2
    for language in ("nl", "en"):
        with translation.override(language):
            text = str(DETAILED_TEXTS[Event.DAILY_QUESTION]).lower()
        assert not any(word in text for word in ("veilig", "safe", "check", "streak", "reeks"))


def test_assignments_due_tomorrow_are_reminded_once(
    anna, bram, no_quiet_hours, django_capture_on_commit_callbacks
):
    no_quiet_hours(anna, bram)
    asked: list[date] = []

    def due_tomorrow(day: date):
        asked.append(day)
        return [(anna, "/assignments/7"), (bram, "/assignments/7")]

    register_due_source(due_tomorrow)
    try:
        now = datetime(2025, 6, 2, 9, 0, tzinfo=UTC)
        for _run in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                reminders_enqueue(now=now)
    finally:
        unregister_due_source(due_tomorrow)

    assert asked == [date(2025, 6, 3)] * 2
    for person in (anna, bram):
        [message] = OutboxMessage.objects.filter(user=person)
        assert (message.event, message.payload) == ("assignment_due", {"path": "/assignments/7"})


def test_the_commands_enqueue_and_send(
    anna, no_quiet_hours, outbox_mail, capsys, django_capture_on_commit_callbacks
):
    no_quiet_hours(anna, weekly_reminder=True)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders")
    call_command("send_notifications")

    assert len(outbox_mail) == 1
    assert "sent: 1" in capsys.readouterr().out
