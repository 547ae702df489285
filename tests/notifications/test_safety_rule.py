"""Safety rules 3 and 4 for notifications: nothing goes out because of a check-in, a report, a
pause or a resume; no text mentions safety; and what a paused person's partner (or the paused
person's own phone) receives is exactly what they receive when that person has not answered."""

import ast
import re
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from django.utils import timezone, translation

from notifications.content import DETAILED_TEXTS, DISCREET_TEXT, SENDER_NAME, TITLE
from notifications.models import Event, OutboxMessage
from notifications.services import outbox_send_due
from safety import services as safety_services
from tests.factories import fresh_check_in, make_user, report_unsafe, screen_positive

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SAFETY_WORDS = re.compile(
    r"safe|unsafe|veilig|check-in|report|melding|pause|pauze|help|hulp|afraid|bang|alone|alleen",
    re.IGNORECASE,
)


def imported_modules(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
    return found


def test_notifications_never_ask_about_safety_and_safety_never_notifies():
    assert not any(name.startswith("safety") for name in imported_modules("notifications"))
    assert not any(name.startswith("notifications") for name in imported_modules("safety"))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_text_mentions_safety_and_the_sender_is_just_tweespraak(language):
    with translation.override(language):
        texts = [str(DISCREET_TEXT), *(str(text) for text in DETAILED_TEXTS.values())]
    for template in ("email.txt", "email.html", "unsubscribed.html"):
        texts.append((ROOT / "notifications/templates/notifications" / template).read_text())
    for text in texts:
        assert not SAFETY_WORDS.search(text), text
    assert SENDER_NAME == TITLE == "Tweespraak"


def test_check_ins_reports_pauses_and_resumes_enqueue_nothing(
    anna, bram, device_for, push_service, outbox_mail, django_capture_on_commit_callbacks
):
    for person in (anna, bram):
        device_for(person)
    with django_capture_on_commit_callbacks(execute=True):
        fresh_check_in(anna)
        screen_positive(anna)
        report_unsafe(anna, note="private")
        report_unsafe(bram)
    later = timezone.now() + timedelta(days=2)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        django_capture_on_commit_callbacks(execute=True),
    ):
        safety_services.pause_resume(user=anna)

    assert not OutboxMessage.objects.exists()
    assert outbox_send_due(now=later) == {}
    assert push_service.received == []
    assert outbox_mail == []


def _scenario(index, partner_state, device_for, push_service, enqueue, no_quiet_hours):
    """Anna starts an exercise with Bram; Bram then does not answer, or pauses."""
    anna, bram = make_user(f"anna{index}"), make_user(f"bram{index}")
    no_quiet_hours(anna, weekly_reminder=True)
    no_quiet_hours(bram)
    devices = {"anna": device_for(anna), "bram": device_for(bram)}
    fresh_check_in(anna)
    fresh_check_in(bram)
    enqueue(user=bram, event=Event.PARTNER_STARTED, path="/s/SESSION")
    if partner_state == "paused by a check-in":
        screen_positive(bram)
    elif partner_state == "paused by a report":
        report_unsafe(bram, note="he shouts")
    # Anna keeps going on her own; the session's own events are the same either way.
    enqueue(user=anna, event=Event.WEEKLY_REMINDER, path="/library")
    push_service.received.clear()
    outbox_send_due()
    received = []
    for request in push_service.received:
        for who, device in devices.items():
            if device.subscription.endpoint.endswith(request.path):
                received.append((who, device.decrypt(request)))
    rows = sorted(
        (
            row.user.email.removesuffix(f"{index}@example.com"),
            row.channel,
            row.event,
            row.payload,
            row.status,
            row.attempts,
            row.last_error,
        )
        for row in OutboxMessage.objects.filter(user__in=[anna, bram]).select_related("user")
    )
    return sorted(received, key=repr), rows


def _emails(outbox_mail, index):
    return sorted(
        (
            message.to[0].replace(str(index), ""),
            message.from_email,
            message.subject,
            re.sub(r"unsubscribe/[^/]+/", "unsubscribe/TOKEN/", message.body),
        )
        for message in outbox_mail
    )


@pytest.mark.parametrize("partner_state", ["paused by a check-in", "paused by a report"])
def test_a_paused_partner_looks_exactly_like_one_who_has_not_answered(
    partner_state, device_for, push_service, enqueue, no_quiet_hours, outbox_mail
):
    not_answered = _scenario(1, "not answered", device_for, push_service, enqueue, no_quiet_hours)
    mails_not_answered = _emails(outbox_mail, 1)
    outbox_mail.clear()

    paused = _scenario(2, partner_state, device_for, push_service, enqueue, no_quiet_hours)

    assert paused == not_answered
    assert _emails(outbox_mail, 2) == mails_not_answered
    assert len(not_answered[0]) == 2 and len(not_answered[1]) == 4
