"""Issue 17: the content the check-in guards. No revealed prompt of the starter library asks
about safety in the relationship or about something a controlling partner could punish (those
belong in the private check-in), and prompts that could feed self-blame say where they stop.
A test over the library file itself, so a later edit cannot bring such a prompt back."""

import json
import re
from pathlib import Path

import pytest

LIBRARY = Path(__file__).resolve().parents[2] / "exercises" / "starter_library.json"
EXERCISES = json.loads(LIBRARY.read_text())["exercises"]

SAFETY = re.compile(
    r"(on)?veilig|\bsafe|\bsafety|\bbang\b|afraid|\bfear|\bangst|scared|threat|dreig|geweld"
    r"|violen|abuse|mishandel|slaan|\bhit\b",
    re.I,
)
RELATIONSHIP = re.compile(
    r"partner|relati|each other|elkaar|together|samen|the other|de ander", re.I
)
# Answers a controlling partner could punish once they are revealed.
PUNISHABLE = re.compile(
    r"nee (te )?zeggen tegen (je|jouw) partner|say no to (your|my) partner"
    r"|van je partner nodig|from your partner to",
    re.I,
)
SELF_BLAME = re.compile(
    r"eigen aandeel|own part|reactie.*vergeleken|reaction.*compared|afstand groter"
    r"|distance grow|zwaartepunt|where does the weight|oude wond|old wound",
    re.I,
)
STOPS = {"nl": ("dreiging", "controle"), "en": ("threats", "control")}


def revealed_prompts():
    for exercise in EXERCISES:
        # Solo exercises (for one person, never revealed) may ask what couple ones may not.
        if exercise.get("audience", "couple") != "couple":
            continue
        for position, prompt in enumerate(exercise["prompts"], start=1):
            yield f"{exercise['slug']}#{position}", prompt


def words(prompt, language):
    texts = [prompt["text"][language], prompt["help_text"][language]]
    texts += [option["label"][language] for option in prompt["options"]]
    return " ".join(texts)


PROMPTS = list(revealed_prompts())


def test_the_library_has_revealed_prompts_to_check():
    assert len(PROMPTS) >= 50


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_revealed_prompt_asks_about_safety_in_the_relationship(language):
    found = [
        (where, prompt["text"][language])
        for where, prompt in PROMPTS
        if SAFETY.search(words(prompt, language).replace("onveiligheid", ""))
        and RELATIONSHIP.search(prompt["text"][language])
    ]
    assert found == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_revealed_prompt_asks_what_a_controlling_partner_could_punish(language):
    found = [
        (where, prompt["text"][language])
        for where, prompt in PROMPTS
        if PUNISHABLE.search(words(prompt, language))
    ]
    assert found == []


def test_the_two_prompts_named_in_the_review_are_gone():
    texts = {prompt["text"]["nl"] for _where, prompt in PROMPTS}
    assert not [t for t in texts if t.startswith("Voel je je in deze relatie over het algemeen")]
    assert "Hoe makkelijk is het voor jou om nee te zeggen tegen je partner?" not in texts


@pytest.mark.parametrize("language", ["nl", "en"])
def test_prompts_that_could_feed_self_blame_say_where_they_stop(language):
    prone = [(where, p) for where, p in PROMPTS if SELF_BLAME.search(words(p, language))]
    assert len(prone) >= 4
    missing = [
        where
        for where, prompt in prone
        if not all(word in prompt["help_text"][language] for word in STOPS[language])
    ]
    assert missing == []
