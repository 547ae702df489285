"""Issue 21: one language per admin session, the editor's own (their profile language, whatever
the browser asks for), and one name per concept: every section and model name on the admin index
comes through gettext, in Dutch for a Dutch editor and in English for an English one."""

import pytest
from django.test import Client
from django.urls import reverse

from exercises.services import content_editors_group_ensure
from tests.mfa import sign_in_with_two_step

pytestmark = pytest.mark.django_db

# What a superuser sees on the admin index: every registered section with its models.
EVERYTHING = {
    "nl": {
        "Authenticatie en autorisatie": ["Groepen"],
        "E-mailadressen": ["E-mailadressen"],
        "Gebruikers": ["Gebruikers"],
        "Gebruikerssessies": ["Gebruikerssessies"],
        "Meldingen": ["Pushabonnementen", "Uitgaande berichten"],
        "Oefenbibliotheek": ["Oefeningen", "Oefeningversies"],
        "Sessies als stel": ["Sessies als stel", "Vragen van de dag"],
        "Stellen en uitnodigingen": ["Partneruitnodigingen", "Stellen"],
        "Therapeuten": ["Aanvragen als therapeut", "Koppelingen met therapeuten"],
        "Tweestapsverificatie": ["Verificatiemiddelen"],
        "Veiligheid": ["Hulpbronnen", "Veiligheidscheck-ins"],
    },
    "en": {
        "Authentication and Authorization": ["Groups"],
        "Couple sessions": ["Couple sessions", "Questions of the day"],
        "Couples and invites": ["Couples", "Partner invites"],
        "Email addresses": ["Email addresses"],
        "Exercise library": ["Exercise versions", "Exercises"],
        "Notifications": ["Outbox messages", "Push subscriptions"],
        "Safety": ["Help resources", "Safety check-ins"],
        "Therapists": ["Therapist applications", "Therapist links"],
        "Two-step sign-in": ["Authenticators"],
        "User sessions": ["User sessions"],
        "Users": ["Users"],
    },
}
OTHER = {"nl": "en", "en": "nl"}


def _index(client: Client, browser_language: str) -> tuple[dict[str, list[str]], str]:
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=browser_language)
    assert response.status_code == 200
    sections = {
        str(app["name"]): sorted(str(model["name"]) for model in app["models"])
        for app in response.context["app_list"]
    }
    return sections, response.content.decode()


def _names(sections: dict[str, list[str]]) -> set[str]:
    return set(sections) | {name for models in sections.values() for name in models}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_index_speaks_the_superusers_profile_language_only(superuser, language):
    superuser.language = language
    superuser.save(update_fields=["language"])
    client = sign_in_with_two_step(Client(), superuser)

    # The browser asks for the other language: the profile wins, for the whole session.
    sections, body = _index(client, browser_language=OTHER[language])

    assert sections == EVERYTHING[language]
    foreign = _names(EVERYTHING[OTHER[language]]) - _names(EVERYTHING[language])
    assert [name for name in foreign if f">{name}<" in body] == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nl",
            {"Oefenbibliotheek": ["Oefeningen", "Oefeningversies"], "Veiligheid": ["Hulpbronnen"]},
        ),
        (
            "en",
            {"Exercise library": ["Exercise versions", "Exercises"], "Safety": ["Help resources"]},
        ),
    ],
)
def test_an_editor_sees_the_library_and_help_lines_in_their_language(eva, language, expected):
    eva.groups.add(content_editors_group_ensure())
    eva.language = language
    eva.save(update_fields=["language"])
    client = sign_in_with_two_step(Client(), eva)

    sections, body = _index(client, browser_language=OTHER[language])

    assert sections == expected
    foreign = _names(EVERYTHING[OTHER[language]]) - _names(EVERYTHING[language])
    assert [name for name in foreign if f">{name}<" in body] == []
    # The section's name in the breadcrumbs of its pages is the same word.
    library = next(iter(expected))
    change_page = client.get(reverse("admin:exercises_exercise_changelist"))
    assert change_page.status_code == 200
    assert f">{library}<" in change_page.content.decode()
