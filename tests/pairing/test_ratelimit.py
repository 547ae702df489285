from pairing.models import Couple
from pairing.ratelimit import GUESS_LIMIT, GUESS_WINDOW_SECONDS

WRONG = "ZZZZ-ZZZZ"


def _guess_wrong(client, times: int, *, how: str = "get") -> None:
    for _ in range(times):
        if how == "get":
            response = client.get(f"/api/pairing/invites/{WRONG}/")
        else:
            response = client.post(f"/api/pairing/invites/{WRONG}/accept/")
        assert response.json()["code"] == "invite_invalid"


def test_it_locks_a_person_out_after_too_many_wrong_codes(client_for, bram, annas_invite):
    client = client_for(bram)
    _guess_wrong(client, 5, how="get")
    _guess_wrong(client, 5, how="post")

    # Even the right code is refused now: the lockout must not tell right from wrong.
    preview = client.get(f"/api/pairing/invites/{annas_invite.code}/")
    accept = client.post(f"/api/pairing/invites/{annas_invite.code}/accept/")

    for response in (preview, accept):
        assert response.status_code == 429
        assert response.json() == {
            "code": "too_many_attempts",
            "message": "Te veel verkeerde codes. Wacht 15 minuten en probeer het dan opnieuw.",
        }
    assert not Couple.objects.exists()


def test_the_lockout_message_is_in_english_for_english_speakers(client_for, bram):
    bram.language = "en"
    bram.save()
    client = client_for(bram)
    _guess_wrong(client, GUESS_LIMIT)

    response = client.get(f"/api/pairing/invites/{WRONG}/")

    assert response.json()["message"] == "Too many wrong codes. Wait 15 minutes, then try again."


def test_it_locks_out_an_address_that_guesses_with_many_accounts(client_for, bram, cas, dirk):
    _guess_wrong(client_for(cas), GUESS_LIMIT // 2)
    _guess_wrong(client_for(dirk), GUESS_LIMIT - GUESS_LIMIT // 2)

    response = client_for(bram).get(f"/api/pairing/invites/{WRONG}/")

    assert response.status_code == 429


def test_it_locks_out_a_person_who_changes_address(client_for, bram):
    client = client_for(bram)
    for number in range(GUESS_LIMIT):
        client.get(f"/api/pairing/invites/{WRONG}/", REMOTE_ADDR=f"10.0.0.{number + 1}")

    response = client.get(f"/api/pairing/invites/{WRONG}/", REMOTE_ADDR="10.0.1.1")

    assert response.status_code == 429


def test_others_on_other_addresses_are_not_locked_out(client_for, bram, cas, annas_invite):
    _guess_wrong(client_for(cas), GUESS_LIMIT)

    response = client_for(bram).get(
        f"/api/pairing/invites/{annas_invite.code}/", REMOTE_ADDR="192.0.2.7"
    )

    assert response.status_code == 200


def test_right_codes_do_not_count(client_for, bram, annas_invite):
    client = client_for(bram)
    for _ in range(GUESS_LIMIT + 2):
        assert client.get(f"/api/pairing/invites/{annas_invite.code}/").status_code == 200


def test_the_lockout_ends_when_the_window_does(clock, client_for, bram, annas_invite):
    client = client_for(bram)
    _guess_wrong(client, GUESS_LIMIT)
    assert client.get(f"/api/pairing/invites/{annas_invite.code}/").status_code == 429

    clock.move(seconds=GUESS_WINDOW_SECONDS - 1)
    assert client.get(f"/api/pairing/invites/{annas_invite.code}/").status_code == 429

    clock.move(seconds=1)
    assert client.get(f"/api/pairing/invites/{annas_invite.code}/").status_code == 200
