"""The prompt editor in the admin: options as rows (never JSON), positions that fill and
renumber themselves, and nothing typed lost on a validation error."""

import pytest
from django.test import Client
from django.urls import reverse

from exercises.models import DraftPrompt, Exercise
from exercises.services import content_editors_group_ensure, exercise_publish_problems
from tests.mfa import sign_in_with_two_step

PREFIX = "draft_prompts"


@pytest.fixture
def editor(eva):
    eva.groups.add(content_editors_group_ensure())
    return sign_in_with_two_step(Client(), eva)


def _plain(value):
    if value is None:
        return ""
    return str(value)


def _page_data(page) -> dict:
    """What the browser would send back for the page as it is."""
    data = {}
    form = page.context["adminform"].form
    for name, field in form.fields.items():
        data[name] = _plain(form.initial.get(name, field.initial))
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = _plain(management.initial.get(name))
        for prompt_form in formset.forms:
            for name, field in prompt_form.fields.items():
                value = prompt_form.initial.get(name, field.initial)
                if name == "options":
                    data.update(_option_rows(prompt_form.add_prefix(name), value or []))
                elif name == "DELETE":
                    continue
                else:
                    data[prompt_form.add_prefix(name)] = _plain(value)
    return data


def _option_rows(name: str, options: list[dict], orders: list | None = None) -> dict:
    data = {f"{name}-rows": str(len(options))}
    for index, option in enumerate(options):
        data[f"{name}-{index}-order"] = str(orders[index]) if orders else str(index + 1)
        for part in ("value", "label_nl", "label_en"):
            data[f"{name}-{index}-{part}"] = option.get(part, "")
    return data


def _prompt(index: int, kind: str, **fields) -> dict:
    key = f"{PREFIX}-{index}"
    data = {
        f"{key}-kind": kind,
        f"{key}-position": "",
        f"{key}-text_nl": f"Vraag {index}",
        f"{key}-text_en": f"Question {index}",
        f"{key}-help_text_nl": "",
        f"{key}-help_text_en": "",
        f"{key}-talk_about_nl": "Wat valt je op?",
        f"{key}-talk_about_en": "What stands out?",
        f"{key}-min": "",
        f"{key}-max": "",
        f"{key}-min_label_nl": "",
        f"{key}-min_label_en": "",
        f"{key}-max_label_nl": "",
        f"{key}-max_label_en": "",
    }
    data.update({f"{key}-{name}": value for name, value in fields.items()})
    return data


CHOICES = [
    {"value": "yes", "label_nl": "Ja", "label_en": "Yes"},
    {"value": "no", "label_nl": "Nee", "label_en": "No"},
    {"value": "other", "label_nl": "Iets anders", "label_en": "Something else"},
]


def _new_exercise_data(editor) -> dict:
    data = _page_data(editor.get(reverse("admin:exercises_exercise_add")))
    data.update(
        slug="vier-soorten",
        theme="appreciation",
        level="light",
        audience="couple",
        minutes="10",
        title_nl="Vier soorten",
        title_en="Four kinds",
        summary_nl="Kort.",
        summary_en="Short.",
        intro_nl="Inleiding.",
        intro_en="Introduction.",
    )
    data[f"{PREFIX}-TOTAL_FORMS"] = "4"
    data.update(_prompt(0, "text"))
    data.update(
        _prompt(
            1,
            "scale",
            min="1",
            max="5",
            min_label_nl="Weinig",
            min_label_en="Little",
            max_label_nl="Veel",
            max_label_en="A lot",
        )
    )
    data.update(_prompt(2, "choice"))
    data.update(_option_rows(f"{PREFIX}-2-options", CHOICES))
    data.update(_prompt(3, "multi"))
    data.update(_option_rows(f"{PREFIX}-3-options", CHOICES, orders=[3, 1, 2]))
    return data


def test_a_writer_creates_all_four_kinds_with_option_rows(editor):
    response = editor.post(reverse("admin:exercises_exercise_add"), _new_exercise_data(editor))

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    exercise = Exercise.objects.get(slug="vier-soorten")
    prompts = list(exercise.draft_prompts.order_by("position"))
    assert [(p.position, p.kind) for p in prompts] == [
        (1, "text"),
        (2, "scale"),
        (3, "choice"),
        (4, "multi"),
    ]
    assert prompts[2].options == CHOICES
    assert [option["value"] for option in prompts[3].options] == ["no", "other", "yes"]
    assert exercise_publish_problems(exercise=exercise) == []


def test_the_form_shows_option_rows_and_no_json(editor, draft_exercise):
    exercise = draft_exercise()
    page = editor.get(reverse("admin:exercises_exercise_change", args=[exercise.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert 'name="draft_prompts-2-options-0-label_en"' in body
    assert '"label_nl"' not in body
    assert "exercises/admin/prompt_kind.js" in body


def test_reordering_prompts_renumbers_them_without_gaps(editor, draft_exercise):
    exercise = draft_exercise()
    url = reverse("admin:exercises_exercise_change", args=[exercise.pk])
    data = _page_data(editor.get(url))
    first = DraftPrompt.objects.get(exercise=exercise, position=1)
    # Move the first prompt to the end (any number past the others) and add one without a
    # position: it goes last.
    data[f"{PREFIX}-0-position"] = "40"
    data[f"{PREFIX}-TOTAL_FORMS"] = "5"
    data.update(_prompt(4, "text"))

    response = editor.post(url, data)

    assert response.status_code == 302, response.context["errors"] if response.context else ""
    prompts = list(exercise.draft_prompts.order_by("position"))
    assert [p.position for p in prompts] == [1, 2, 3, 4, 5]
    assert prompts[3].pk == first.pk
    assert prompts[4].text_en == "Question 4"


def test_a_validation_error_keeps_everything_typed(editor):
    data = _new_exercise_data(editor)
    data[f"{PREFIX}-2-options-1-value"] = "yes"  # a duplicate value
    data[f"{PREFIX}-0-text_en"] = "A question I spent an hour on"

    response = editor.post(reverse("admin:exercises_exercise_add"), data)

    assert response.status_code == 200
    assert not Exercise.objects.filter(slug="vier-soorten").exists()
    body = response.content.decode()
    assert "A question I spent an hour on" in body
    assert 'value="Iets anders"' in body
    assert 'value="Something else"' in body
    assert response.context["errors"]


def test_an_option_label_without_value_is_refused(editor):
    data = _new_exercise_data(editor)
    data[f"{PREFIX}-2-options-0-value"] = ""

    response = editor.post(reverse("admin:exercises_exercise_add"), data)

    assert response.status_code == 200
    assert not Exercise.objects.filter(slug="vier-soorten").exists()
