import pytest

from safety.models import KIND_RANK, HelpResource
from safety.selectors import help_resources

pytestmark = pytest.mark.django_db


def _get(client, country=None, **headers):
    params = {"country": country} if country else {}
    response = client.get("/api/safety/resources/", params, **headers)
    assert response.status_code == 200, response.content
    return response.json()


def _phones(body) -> list[str]:
    return [r["phone"] for r in body["resources"]]


def _assert_ordered_emergency_first(resources):
    assert resources[0]["kind"] == "emergency"
    ranks = [KIND_RANK[r["kind"]] for r in resources]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize(
    "country, emergency, helplines",
    [
        ("NL", ["112"], ["08002000", "113", "08000188"]),
        ("BE", ["101", "112"], ["1712", "080030030", "1813"]),
        ("GB", ["999"], ["08082000247", "08009995428"]),
        ("UK", ["999"], ["08082000247"]),
        ("US", ["911"], ["18007997233", "988", "18006564673"]),
        ("DE", ["110", "112"], ["116016", "08001239900"]),
    ],
)
def test_it_lists_each_countrys_resources_emergency_first(api, country, emergency, helplines):
    body = _get(api, country)
    resources = body["resources"]
    _assert_ordered_emergency_first(resources)
    assert [r["phone"] for r in resources if r["kind"] == "emergency"] == emergency
    assert set(helplines) <= set(_phones(body))
    kinds = {r["kind"] for r in resources}
    assert {
        "emergency",
        "domestic_abuse",
        "sexual_violence",
        "for_people_who_use_violence",
    } <= kinds
    assert body["country"] == ("GB" if country == "UK" else country)
    assert {r["country"] for r in resources} == {body["country"]}


def test_the_uk_explains_the_silent_55_option(api):
    emergency = _get(api, "GB", HTTP_ACCEPT_LANGUAGE="en")["resources"][0]
    assert "press 55" in emergency["description"]


def test_the_us_hotline_says_how_to_text(api):
    hotline = next(r for r in _get(api, "US")["resources"] if r["kind"] == "domestic_abuse")
    assert hotline["phone"] == "18007997233"
    assert hotline["phone_display"] == "1-800-799-7233"
    assert "88788" in hotline["sms"]
    assert "START" in hotline["sms"]


def test_another_country_gets_the_international_list(api):
    body = _get(api, "FR")
    assert body["country"] == "FR"
    _assert_ordered_emergency_first(body["resources"])
    assert {r["country"] for r in body["resources"]} == {""}
    assert {"emergency", "domestic_abuse", "for_people_who_use_violence"} <= {
        r["kind"] for r in body["resources"]
    }


def test_anonymous_without_a_country_gets_the_international_list(api):
    body = _get(api)
    assert body["country"] == ""
    assert {r["country"] for r in body["resources"]} == {""}
    assert body["about_unsafety"]["text"]
    assert body["quick_exit"]["hint"]


def test_a_signed_in_person_gets_their_own_country_by_default(client_for, anna):
    anna.country = "BE"
    anna.save()
    body = _get(client_for(anna))
    assert body["country"] == "BE"
    assert "1712" in _phones(body)


def test_the_country_parameter_wins_over_my_profile(client_for, anna):
    assert _get(client_for(anna), "de")["country"] == "DE"


def test_resources_follow_my_language(client_for, anna, api):
    dutch = _get(client_for(anna), "NL")["resources"]
    assert {r["language"] for r in dutch} == {"nl"}
    assert dutch[0]["name"] == "Alarmnummer 112"
    anna.language = "en"
    anna.save()
    english = _get(client_for(anna), "NL")["resources"]
    assert {r["language"] for r in english} == {"en"}
    assert english[0]["name"] == "Emergency number 112"
    assert _get(api, "NL", HTTP_ACCEPT_LANGUAGE="en")["resources"][0]["language"] == "en"


def test_the_unsafety_text_names_the_patterns_and_says_it_is_not_theirs_to_fix(api):
    about = _get(api, "NL", HTTP_ACCEPT_LANGUAGE="en")["about_unsafety"]
    for word in ("manipulation", "gaslighting", "contempt", "threats", "anger", "neglected"):
        assert word in about["text"].lower()
    assert "never yours to solve" in about["text"]
    dutch = _get(api, "NL", HTTP_ACCEPT_LANGUAGE="nl")["about_unsafety"]
    assert "nooit aan jou" in dutch["text"]


def test_a_bad_country_is_a_400_with_a_field_message(api):
    response = api.get("/api/safety/resources/", {"country": "NLD"})
    assert response.status_code == 400
    assert "country" in response.json()["fields"]


def test_inactive_resources_are_left_out(api):
    HelpResource.objects.filter(country="NL", phone="08002000").update(active=False)
    assert "08002000" not in _phones(_get(api, "NL"))


def test_a_country_listed_only_in_another_language_still_gets_its_list(db):
    HelpResource.objects.filter(country="DE", language="en").delete()
    resources = help_resources(country="DE", language="en")
    assert resources[0].phone == "110"
    assert {r.language for r in resources} == {"nl"}


def test_every_seeded_resource_exists_in_dutch_and_english():
    for language in ("nl", "en"):
        for country in ("NL", "BE", "GB", "US", "DE", ""):
            assert HelpResource.objects.filter(country=country, language=language).count() >= 4
    assert (
        HelpResource.objects.filter(language="nl").count()
        == HelpResource.objects.filter(language="en").count()
    )


def test_help_resources_costs_one_query_for_a_listed_country(django_assert_num_queries):
    with django_assert_num_queries(1):
        help_resources(country="NL", language="nl")
    with django_assert_num_queries(2):
        help_resources(country="FR", language="nl")


def test_a_resource_without_a_website_has_url_null_and_one_with_a_website_its_address(api):
    HelpResource.objects.filter(country="NL", phone="08002000").update(url="")
    resources = _get(api, "NL")["resources"]
    without = [r for r in resources if r["phone"] == "08002000"]
    assert without and all(r["url"] is None for r in without)
    with_site = [r["url"] for r in resources if r["url"] is not None]
    assert with_site and all(url.startswith("https://") for url in with_site)
    assert "" not in [r["url"] for r in resources]
