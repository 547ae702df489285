"""Writes about safety. Nothing here logs, emails or notifies anyone, and nothing here touches
another app: pausing only changes this person's own safety state, which the session code asks
about through ``safety.selectors.require_couple_exercise_allowed`` for the acting person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from project.errors import Conflict, Invalid, RateLimited
from project.ratelimit import hit, limit_reached, opaque_key

from .content import DANGER_IDS, QUESTION_IDS, RATHER_NOT_SAY, YES
from .models import CheckInOutcome, HelpResource, SafetyCheckIn, SafetyReport, SafetyState
from .selectors import PauseState

# Per person, per kind of write: far more than anyone needs, few enough to stop a script filling
# the tables. Help resources are never limited (GET resources/ stays open).
WRITE_LIMIT = 20
WRITE_WINDOW_SECONDS = 60 * 60


def _count_write(user: User, kind: str) -> None:
    """Refuse (429) when ``user`` wrote ``kind`` too often this hour; otherwise count it. The
    cache key is opaque: it names neither the person nor what they did."""
    keys = [opaque_key(f"safety.{kind}", user.pk)]
    if limit_reached(keys=keys, limit=WRITE_LIMIT):
        raise RateLimited(message=_("Too many attempts in a short time. Try again in an hour."))
    hit(keys=keys, window_seconds=WRITE_WINDOW_SECONDS)


def _locked_state(user: User) -> tuple[SafetyState, PauseState]:
    row, _created = SafetyState.objects.select_for_update().get_or_create(
        user=user, defaults={"data": PauseState().to_data()}
    )
    return row, PauseState.from_data(row.data)


def _save_state(row: SafetyState, state: PauseState) -> None:
    row.data = state.to_data()
    row.save(update_fields=["data"])


PausedListener = Callable[[User], object]
_paused_listeners: list[PausedListener] = []


def on_paused(listener: PausedListener) -> None:
    """Call ``listener(user)`` inside the transaction that pauses ``user``'s couple exercises (a
    "yes" in a check-in, or a report). Apps above safety register in ``AppConfig.ready()``; the
    sessions app closes the person's live-reveal sockets (to the partner: "left the room")."""
    _paused_listeners.append(listener)


def _paused(user: User) -> None:
    for listener in _paused_listeners:
        listener(user)


def _signal(state: PauseState, now: datetime) -> PauseState:
    """A "yes" or a report: pause (or stay paused) and restart the 24-hour clock."""
    return PauseState(
        paused_since=state.paused_since or now,
        last_signal_at=now,
        resumed_at=state.resumed_at,
    )


@dataclass(frozen=True)
class CheckInResult:
    outcome: CheckInOutcome
    # True when this check-in paused (or kept pausing) couple exercises: a "yes" somewhere.
    # False for "ok" and for "I'd rather not say" without a "yes".
    pauses: bool = False


def check_in_outcome(answers: Mapping[str, str]) -> CheckInOutcome:
    """What a complete set of answers means. A "yes" on a danger item is ``urgent``; any other
    "yes" is ``help_first``; "I'd rather not say" without any "yes" also shows the help-first
    information (``help_first``) but does not pause, see ``check_in_submit``."""
    yes = {question_id for question_id in QUESTION_IDS if answers[question_id] == YES}
    if yes & DANGER_IDS:
        return CheckInOutcome.URGENT
    if yes or any(answers[question_id] == RATHER_NOT_SAY for question_id in QUESTION_IDS):
        return CheckInOutcome.HELP_FIRST
    return CheckInOutcome.OK


@transaction.atomic
def check_in_submit(
    *, user: User, alone: bool, answers: Mapping[str, str] | None = None
) -> CheckInResult:
    """Record a check-in's outcome (never its answers).

    ``alone=False`` returns ``not_alone`` and writes nothing at all (not even a rate-limit
    count). Otherwise every question must be answered. Any "yes" pauses the person's couple
    exercises (``urgent`` on a danger item, else ``help_first``); "I'd rather not say" without
    a "yes" shows help without pausing. The state row is rewritten on every check-in, whatever
    the outcome, so the database's write pattern does not tell one outcome from another.
    """
    if not alone:
        return CheckInResult(CheckInOutcome.NOT_ALONE)
    answers = answers or {}
    missing = [question_id for question_id in QUESTION_IDS if question_id not in answers]
    if missing:
        raise Invalid(
            fields={"answers": [_("Answer every question (yes, no or I'd rather not say).")]},
            extra={"missing": missing},
        )
    _count_write(user, "check_in")
    outcome = check_in_outcome(answers)
    pauses = any(answers[question_id] == YES for question_id in QUESTION_IDS)
    now = timezone.now()
    row, state = _locked_state(user)
    SafetyCheckIn.objects.create(user=user, created_at=now, outcome=outcome.value)
    if pauses:
        state = _signal(state, now)
    _save_state(row, state)
    if pauses:
        _paused(user)
    return CheckInResult(outcome, pauses)


TherapistLinkOf = Callable[[User], UUID | None]
_therapist_link_of: list[TherapistLinkOf] = []


def register_therapist_link_of(resolver: TherapistLinkOf) -> None:
    """``resolver(user)`` is the id of the therapist link both partners of ``user``'s couple
    consented to, or None. Safety sits below the therapist feature, which registers it."""
    _therapist_link_of[:] = [resolver]


def _therapist_link_now(user: User) -> str | None:
    link_id = _therapist_link_of[0](user) if _therapist_link_of else None
    return None if link_id is None else str(link_id)


@transaction.atomic
def report_create(
    *, user: User, note: str = "", share_with_therapist: bool = False
) -> SafetyReport:
    """ "I don't feel safe": store the report (encrypted, one size) and pause the person's couple
    exercises, restarting the 24-hour clock before they can resume. Shared with the therapist
    only when asked, and then with the link that exists now (a later therapist never sees it)."""
    # Asking for help never fails on the share box: without a linked therapist, it is kept
    # unshared (the PWA offers the box only when there is one).
    shared_with = _therapist_link_now(user) if share_with_therapist else None
    _count_write(user, "report")
    now = timezone.now()
    row, state = _locked_state(user)
    report = SafetyReport.objects.create(
        user=user,
        data={
            "created_at": now.isoformat(),
            "note": note.strip() or None,
            "shared_with": shared_with,
        },
    )
    _save_state(row, _signal(state, now))
    _paused(user)
    return report


@transaction.atomic
def report_update(*, report: SafetyReport, share_with_therapist: bool) -> SafetyReport:
    """Opt a report in or out of sharing with the therapist (revocable, per report); opting in
    binds it to the therapist link of now."""
    if report.share_with_therapist == share_with_therapist:
        return report
    shared_with = _therapist_link_now(report.user) if share_with_therapist else None
    if share_with_therapist and shared_with is None:
        message = _("You have no therapist linked to share this with.")
        raise Invalid("no_therapist", message, fields={"share_with_therapist": [message]})
    report.data = {**report.data, "shared_with": shared_with}
    report.save(update_fields=["data"])
    return report


@transaction.atomic
def pause_resume(*, user: User) -> PauseState:
    """The person resumes their own couple exercises; not sooner than 24 hours after their
    last report or positive check-in (409 ``resume_too_soon``). Resuming when not paused
    changes nothing. After resuming, a fresh check-in is due before the next couple exercise.
    """
    row, state = _locked_state(user)
    if not state.paused:
        return state
    now = timezone.now()
    can_resume_at = state.can_resume_at
    if can_resume_at is not None and now < can_resume_at:
        raise Conflict(
            "resume_too_soon",
            _("You can resume couple exercises from %(time)s.")
            % {"time": timezone.localtime(can_resume_at).strftime("%Y-%m-%d %H:%M")},
        )
    state = PauseState(paused_since=None, last_signal_at=state.last_signal_at, resumed_at=now)
    _save_state(row, state)
    return state


# ---- help resources (curated by content editors) -------------------------------------------

# Ways to reach a line, and what a call costs: change one and the entry is no longer checked
# against its source (a "free" that is no longer true costs a frightened person money).
HELP_RESOURCE_CONTACT_FIELDS = ("phone", "phone_display", "sms", "chat_url", "url", "hours", "cost")


@transaction.atomic
def help_resource_save(*, resource: HelpResource, changed: Iterable[str]) -> HelpResource:
    """Save an editor's change. A changed way to reach the line (number, chat, address, hours)
    clears the verification: nobody has checked the new one against a source yet."""
    if resource.pk is not None and set(changed) & set(HELP_RESOURCE_CONTACT_FIELDS):
        resource.last_verified = None
        resource.verified_by = None
    resource.full_clean()
    resource.save()
    return resource


@transaction.atomic
def help_resources_mark_verified(*, resources: Iterable[HelpResource], by: User) -> int:
    """An editor checked these entries against their source today: record who and when. An
    entry without a source address cannot be verified (there is nothing to check it against)."""
    ids = [resource.pk for resource in resources]
    return (
        HelpResource.objects.filter(pk__in=ids)
        .exclude(source_url="")
        .update(last_verified=timezone.localdate(), verified_by=by)
    )
