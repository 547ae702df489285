"""Plain functions that build what tests need through the project's own services.

The root ``conftest.py`` turns the common ones into fixtures (the cast, ``anna_and_bram``,
``version``, ...); a test that needs something the fixtures do not give calls these directly:
``from tests.factories import make_user, link, publish``.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from rest_framework.test import APIClient

from accounts.models import User
from exercises.models import DraftPrompt, Exercise, ExerciseVersion, PromptKind, Theme
from exercises.services import (
    SAFETY_CHECKLIST_KEYS,
    exercise_publish,
    exercise_review_approve,
    exercise_submit_for_review,
)
from pairing.models import Couple
from pairing.services import invite_accept, invite_create
from safety import services as safety_services
from safety.content import QUESTION_IDS
from sessions import services as session_services
from sessions.models import CoupleSession
from therapists.models import TherapistLink
from therapists.services import therapist_invite_accept, therapist_invite_create

# Planted in answers so a test can prove where they do and do not show up.
MARKER = "bram-secret-marker-7f3a9c"
PRIVATE_MARKER = "bram-kept-private-marker-41d2"
ANNA_MARKER = "anna-marker-c1e55b"
BRAM_MARKER = "bram-marker-9d04f2"


# ---- people --------------------------------------------------------------------------------


def make_user(key: str, **fields) -> User:
    """``key@example.com`` with a verified address and the password ``password_of`` knows."""
    email = f"{key}@example.com"
    fields.setdefault("display_name", key.capitalize())
    user = User.objects.create_user(email=email, password=f"{key}-Secret-Pass-1", **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def password_of(user: User) -> str:
    return f"{user.email.split('@')[0]}-Secret-Pass-1"


def reauthenticate(client: APIClient, user: User) -> None:
    """Re-enter ``user``'s password in this client's session (allauth's browser client)."""
    response = client.post(
        "/_allauth/browser/v1/auth/reauthenticate",
        {"password": password_of(user)},
        format="json",
    )
    assert response.status_code == 200, response.content


def link(first: User, second: User) -> Couple:
    """``first`` invites ``second``, who accepts: the real path to a couple."""
    return invite_accept(user=second, code=invite_create(inviter=first).code)


def therapist_link(therapist: User, *partners: User) -> TherapistLink:
    """``therapist`` invites a couple; each of ``partners`` accepts the code."""
    issued = therapist_invite_create(therapist=therapist)
    link_ = issued.link
    for partner in partners:
        link_ = therapist_invite_accept(user=partner, code=issued.code)
    return link_


# ---- safety --------------------------------------------------------------------------------


def all_no() -> dict[str, str]:
    """Check-in answers: "no" to every question."""
    return dict.fromkeys(QUESTION_IDS, "no")


def one_yes(question_id: str = "afraid_to_say_no") -> dict[str, str]:
    """Check-in answers: "yes" to one question, "no" to the others."""
    return {**all_no(), question_id: "yes"}


def fresh_check_in(user: User) -> None:
    """A fresh check-in with every answer "no": the person may do couple exercises."""
    safety_services.check_in_submit(user=user, alone=True, answers=all_no())


def screen_positive(user: User) -> None:
    """A fresh check-in with one "yes": the person's couple exercises are paused."""
    safety_services.check_in_submit(user=user, alone=True, answers=one_yes("afraid"))


def screen_urgent(user: User) -> None:
    """A fresh check-in with a "yes" on a danger item: urgent, and paused."""
    safety_services.check_in_submit(user=user, alone=True, answers=one_yes("strangled"))


def rather_not_say(user: User) -> None:
    """A fresh check-in answered "I'd rather not say" throughout: help shown, nothing paused."""
    safety_services.check_in_submit(
        user=user, alone=True, answers=dict.fromkeys(QUESTION_IDS, "rather_not_say")
    )


def report_unsafe(user: User, note: str = "") -> None:
    """ "I don't feel safe": the person's couple exercises are paused."""
    safety_services.report_create(user=user, note=note)


# ---- the library ---------------------------------------------------------------------------


def build_draft(slug: str = "grenzen-voelen", theme: str = Theme.BOUNDARIES) -> Exercise:
    """A complete, publishable draft with one prompt of each kind (text, scale, choice, multi)."""
    exercise = Exercise.objects.create(
        slug=slug,
        theme=theme,
        minutes=15,
        title_nl=f"Titel {slug}",
        title_en=f"Title {slug}",
        summary_nl="Korte samenvatting.",
        summary_en="Short summary.",
        intro_nl="Een inleiding van een paar zinnen.",
        intro_en="An introduction of a few sentences.",
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=1,
        kind=PromptKind.TEXT,
        text_nl="Wanneer voelde je een grens?",
        text_en="When did you feel a boundary?",
        help_text_nl="Neem de tijd.",
        help_text_en="Take your time.",
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=2,
        kind=PromptKind.SCALE,
        text_nl="Hoe makkelijk is nee zeggen?",
        text_en="How easy is saying no?",
        min=1,
        max=5,
        min_label_nl="Moeilijk",
        min_label_en="Hard",
        max_label_nl="Makkelijk",
        max_label_en="Easy",
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=3,
        kind=PromptKind.CHOICE,
        text_nl="Wat doe je meestal?",
        text_en="What do you usually do?",
        options=[
            {"value": "say_it", "label_nl": "Ik zeg het", "label_en": "I say it"},
            {"value": "wait", "label_nl": "Ik wacht", "label_en": "I wait"},
        ],
    )
    DraftPrompt.objects.create(
        exercise=exercise,
        position=4,
        kind=PromptKind.MULTI,
        text_nl="Waar merk je het?",
        text_en="Where do you notice it?",
        options=[
            {"value": "body", "label_nl": "In mijn lijf", "label_en": "In my body"},
            {"value": "thoughts", "label_nl": "In mijn hoofd", "label_en": "In my thoughts"},
            {"value": "mood", "label_nl": "In mijn humeur", "label_en": "In my mood"},
        ],
    )
    # Every prompt of a couple exercise carries a cue for after the reveal.
    exercise.draft_prompts.update(talk_about_nl="Wat valt je op?", talk_about_en="What stands out?")
    return exercise


def publish(slug: str = "grenzen-voelen", extra_text_prompts: int = 0) -> ExerciseVersion:
    """``build_draft(slug)`` (plus ``extra_text_prompts`` text prompts), published."""
    exercise = build_draft(slug)
    for number in range(extra_text_prompts):
        DraftPrompt.objects.create(
            exercise=exercise,
            position=10 + number,
            kind=PromptKind.TEXT,
            text_nl=f"Extra vraag {number}",
            text_en=f"Extra question {number}",
            talk_about_nl="Wat valt je op?",
            talk_about_en="What stands out?",
        )
    return publish_reviewed(exercise)


def build_editor(key: str) -> User:
    """A staff member ``key@example.com``, made once."""
    return User.objects.filter(email=f"{key}@example.com").first() or make_user(key, is_staff=True)


def publish_reviewed(exercise: Exercise, by: User | None = None) -> ExerciseVersion:
    """The whole workflow in one step: a writer submits, a second editor approves with every
    item of the safety checklist, then ``by`` publishes."""
    review = exercise_submit_for_review(exercise=exercise, by=build_editor("writer"))
    exercise_review_approve(
        review=review, by=build_editor("reviewer"), checklist=SAFETY_CHECKLIST_KEYS
    )
    return exercise_publish(exercise=exercise, by=by)


# ---- couple sessions -----------------------------------------------------------------------


def answers_for(version: ExerciseVersion, text: str = "Mijn antwoord") -> dict:
    """A valid answer for every prompt of a ``publish()``ed ``version``, keyed by prompt."""
    values = {
        PromptKind.TEXT: text,
        PromptKind.SCALE: 3,
        PromptKind.CHOICE: "say_it",
        PromptKind.MULTI: ["body", "mood"],
    }
    return {prompt: values[prompt.kind] for prompt in version.prompts.order_by("position")}


def answer_all(session: CoupleSession, user: User, text: str = "Mijn antwoord", private=()) -> None:
    """``user`` answers every prompt; prompts whose position is in ``private`` are kept private."""
    for prompt, value in answers_for(session.version, text).items():
        session_services.answer_save(
            user=user,
            session=session,
            prompt_id=prompt.id,
            value=value,
            keep_private=prompt.position in private,
        )


def submitted_session(anna, bram, version: ExerciseVersion, bram_private=()) -> CoupleSession:
    """Both answered (anna's text is "Anna schrijft", bram's carries MARKER) and submitted:
    ready to reveal."""
    session = session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    answer_all(session, anna, text="Anna schrijft")
    answer_all(session, bram, text=MARKER, private=bram_private)
    session_services.session_submit(user=anna, session=session)
    session_services.session_submit(user=bram, session=session)
    session.refresh_from_db()
    return session


def answered_session(
    version: ExerciseVersion, anna, bram, *, submit: bool = True, bram_private=()
) -> CoupleSession:
    """A session where anna's text answers carry ANNA_MARKER and bram's BRAM_MARKER."""
    session = session_services.session_start(user=anna, exercise_slug=version.exercise.slug)
    answer_all(session, anna, text=ANNA_MARKER)
    answer_all(session, bram, text=BRAM_MARKER, private=bram_private)
    if submit:
        session_services.session_submit(user=anna, session=session)
        session_services.session_submit(user=bram, session=session)
    session.refresh_from_db()
    return session


def reveal_first_prompt(session: CoupleSession, first: User, second: User) -> None:
    """Both partners join the live reveal and say ready: the first prompt is revealed."""
    for number, user in enumerate((first, second)):
        session_services.reveal_join(
            user=user, session_id=session.id, channel_name=f"test-channel-{number}"
        )
    for user in (first, second):
        session_services.reveal_ready(user=user, session_id=session.id)


def reveal_all(session: CoupleSession, first: User, second: User) -> CoupleSession:
    """Both partners join the live reveal and say ready for every prompt: completed."""
    for user in (first, second):
        session_services.reveal_join(
            user=user, session_id=session.id, channel_name=f"test.{user.pk}"
        )
    for index in range(session.version.prompts.count()):
        for user in (first, second):
            session_services.reveal_ready(user=user, session_id=session.id, index=index)
    session.refresh_from_db()
    return session
