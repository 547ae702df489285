"""Notification email: plain text and HTML, the person's language, sender "Tweespraak", and an
unsubscribe link that works without signing in."""

import pytest
from django.core import signing

from notifications.models import Event, OutboxMessage, OutboxStatus
from notifications.selectors import preference_for
from notifications.services import outbox_send_due, unsubscribe_url

pytestmark = pytest.mark.django_db


def send_one(enqueue, user, event=Event.PARTNER_STARTED, path="/s/42"):
    enqueue(user=user, event=event, path=path)
    outbox_send_due()


def test_it_sends_a_discreet_email_in_dutch_with_text_and_html_parts(
    anna, enqueue, no_quiet_hours, outbox_mail
):
    no_quiet_hours(anna)
    send_one(enqueue, anna)

    [email] = outbox_mail
    assert email.to == ["anna@example.com"]
    assert email.from_email == "Tweespraak <hallo@tweespraak.local>"
    assert email.subject == "Er staat iets nieuws voor je klaar in Tweespraak"
    assert email.body.startswith("Er staat iets nieuws voor je klaar in Tweespraak.\n")
    assert "https://tweespraak.example/s/42" in email.body
    [(html, mimetype)] = email.alternatives
    assert mimetype == "text/html"
    assert '<html lang="nl">' in html
    assert "Er staat iets nieuws voor je klaar in Tweespraak." in html
    link = unsubscribe_url(user=anna)
    assert link in email.body and link in html
    assert email.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert OutboxMessage.objects.get().status == OutboxStatus.SENT


def test_it_writes_english_to_english_speakers(bram, enqueue, no_quiet_hours, outbox_mail):
    bram.language = "en"
    bram.save()
    no_quiet_hours(bram)
    send_one(enqueue, bram)

    [email] = outbox_mail
    assert email.subject == "Something new is waiting for you in Tweespraak"
    assert "No more emails from Tweespraak:" in email.body
    assert '<html lang="en">' in email.alternatives[0][0]


def test_detailed_texts_name_the_event_and_nothing_more(anna, enqueue, no_quiet_hours, outbox_mail):
    no_quiet_hours(anna, detailed_texts=True)
    send_one(enqueue, anna, event=Event.READY_TO_REVEAL)

    [email] = outbox_mail
    assert email.subject == (
        "Jullie hebben allebei geantwoord. Je kunt jullie antwoorden nu samen onthullen"
    )


def test_the_unsubscribe_link_turns_email_off_without_signing_in(
    anna, api, enqueue, no_quiet_hours, outbox_mail
):
    no_quiet_hours(anna)
    path = unsubscribe_url(user=anna).removeprefix("https://tweespraak.example")

    response = api.get(path)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Je ontvangt geen e-mails meer van Tweespraak." in response.content.decode()
    assert preference_for(user=anna).email_enabled is False
    send_one(enqueue, anna)
    assert outbox_mail == []
    assert not OutboxMessage.objects.exists()


def test_mail_clients_can_unsubscribe_in_one_click(anna, api):
    path = unsubscribe_url(user=anna).removeprefix("https://tweespraak.example")
    assert api.post(path).status_code == 204
    assert preference_for(user=anna).email_enabled is False


def test_an_email_already_queued_is_not_sent_after_unsubscribing(
    anna, api, enqueue, no_quiet_hours, outbox_mail
):
    no_quiet_hours(anna)
    enqueue(user=anna, event=Event.PARTNER_STARTED)
    api.post(unsubscribe_url(user=anna).removeprefix("https://tweespraak.example"))

    assert outbox_send_due() == {"dead": 1}
    assert OutboxMessage.objects.get().last_error == "unsubscribed"
    assert outbox_mail == []


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_or_foreign_token_gets_404(anna, api, method):
    token = unsubscribe_url(user=anna).rstrip("/").rsplit("/", 1)[1]
    forged = signing.Signer(salt="something-else").sign(str(anna.pk))
    for bad in (token[:-2] + "xx", forged, "nonsense"):
        response = getattr(api, method)(f"/api/notifications/unsubscribe/{bad}/")
        assert response.status_code == 404
    assert preference_for(user=anna).email_enabled is True


def test_email_can_be_turned_back_on(anna, api, client_for):
    api.post(unsubscribe_url(user=anna).removeprefix("https://tweespraak.example"))
    response = client_for(anna).patch(
        "/api/notifications/preferences/", {"email_enabled": True}, format="json"
    )
    assert response.json()["email_enabled"] is True


def test_a_failing_mail_server_is_retried(anna, enqueue, no_quiet_hours, settings, outbox_mail):
    no_quiet_hours(anna)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9

    enqueue(user=anna, event=Event.PARTNER_STARTED)

    assert outbox_send_due() == {"failed": 1}
    assert OutboxMessage.objects.get().last_error == "ConnectionRefusedError"
