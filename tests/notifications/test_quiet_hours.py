"""Quiet hours in the person's own time zone: messages wait until the quiet hours end."""

from datetime import UTC, datetime, time, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from notifications.models import Event, NotificationPreference, OutboxMessage
from notifications.selectors import outside_quiet_hours
from notifications.services import outbox_send_due, preference_update

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_YORK = ZoneInfo("America/New_York")


def preference(start, end, zone="Europe/Amsterdam") -> NotificationPreference:
    return NotificationPreference(quiet_hours_start=start, quiet_hours_end=end, timezone=zone)


OVERNIGHT = (time(22, 0), time(8, 0))


@pytest.mark.parametrize(
    "local, expected",
    [
        # Before midnight: waits until 08:00 the next morning.
        (datetime(2025, 6, 2, 23, 30), datetime(2025, 6, 3, 8, 0)),
        # Exactly at the start: quiet.
        (datetime(2025, 6, 2, 22, 0), datetime(2025, 6, 3, 8, 0)),
        # After midnight: waits until 08:00 the same morning.
        (datetime(2025, 6, 3, 7, 59), datetime(2025, 6, 3, 8, 0)),
        # At the end and during the day: goes at once.
        (datetime(2025, 6, 3, 8, 0), datetime(2025, 6, 3, 8, 0)),
        (datetime(2025, 6, 3, 14, 0), datetime(2025, 6, 3, 14, 0)),
    ],
)
def test_an_overnight_window_holds_messages_until_the_morning(local, expected):
    moment = local.replace(tzinfo=AMSTERDAM).astimezone(UTC)
    result = outside_quiet_hours(preference=preference(*OVERNIGHT), moment=moment)
    assert result == expected.replace(tzinfo=AMSTERDAM)


def test_a_daytime_window_works_too():
    window = preference(time(13, 0), time(15, 0))
    inside = datetime(2025, 6, 3, 14, 0, tzinfo=AMSTERDAM)
    outside = datetime(2025, 6, 3, 15, 30, tzinfo=AMSTERDAM)
    assert outside_quiet_hours(preference=window, moment=inside) == inside.replace(hour=15)
    assert outside_quiet_hours(preference=window, moment=outside) == outside


def test_quiet_hours_are_read_in_the_persons_time_zone():
    # 04:00 UTC is 06:00 in Amsterdam (quiet) but midnight in New York (also quiet, longer).
    moment = datetime(2025, 6, 3, 4, 0, tzinfo=UTC)
    in_amsterdam = outside_quiet_hours(preference=preference(*OVERNIGHT), moment=moment)
    in_new_york = outside_quiet_hours(
        preference=preference(*OVERNIGHT, zone="America/New_York"), moment=moment
    )
    assert in_amsterdam == datetime(2025, 6, 3, 8, 0, tzinfo=AMSTERDAM)
    assert in_new_york == datetime(2025, 6, 3, 8, 0, tzinfo=NEW_YORK)
    assert in_new_york - in_amsterdam == timedelta(hours=6)


def test_no_window_means_no_waiting():
    moment = datetime(2025, 6, 3, 3, 0, tzinfo=UTC)
    assert outside_quiet_hours(preference=preference(None, None), moment=moment) == moment
    same = preference(time(8, 0), time(8, 0))
    assert outside_quiet_hours(preference=same, moment=moment) == moment


def test_a_message_at_night_waits_for_the_morning_then_goes(
    anna, device_for, push_service, enqueue
):
    preference_update(user=anna, email_enabled=False)
    device = device_for(anna)
    night = datetime(2025, 6, 2, 23, 30, tzinfo=AMSTERDAM)
    morning = datetime(2025, 6, 3, 8, 0, tzinfo=AMSTERDAM)

    with mock.patch("notifications.services.timezone.now", return_value=night):
        enqueue(user=anna, event=Event.READY_TO_REVEAL)

    assert OutboxMessage.objects.get().next_attempt_at == morning
    assert outbox_send_due(now=morning - timedelta(minutes=1)) == {}
    assert push_service.received == []
    assert outbox_send_due(now=morning) == {"sent": 1}
    assert device.decrypt(push_service.received[0])["body"].startswith("Er staat iets nieuws")


def test_a_retry_that_would_fall_in_quiet_hours_waits_for_the_morning(
    anna, device_for, push_service, enqueue
):
    preference_update(user=anna, email_enabled=False)
    device_for(anna)
    evening = datetime(2025, 6, 2, 21, 59, 30, tzinfo=AMSTERDAM)
    push_service.statuses.append(500)

    with mock.patch("notifications.services.timezone.now", return_value=evening):
        enqueue(user=anna, event=Event.PARTNER_STARTED)
    outbox_send_due(now=evening)

    message = OutboxMessage.objects.get()
    assert message.next_attempt_at == datetime(2025, 6, 3, 8, 0, tzinfo=AMSTERDAM)
