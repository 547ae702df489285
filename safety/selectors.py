"""Reads about safety. Other apps ask exactly these questions and nothing more:

- ``is_paused(user)``: are this person's couple exercises paused?
- ``check_in_due(user)``: must this person do a check-in before a couple exercise?
- ``require_couple_exercise_allowed(user)``: the guard for starting, answering or joining a
  couple session (REST and WebSocket); raises a 409 for the acting person only.
- ``require_solo_exercise_allowed(user, safe_while_paused=...)``: the same for a solo
  exercise: while paused, only the ones marked safe for that moment.
- ``reports_shared_with_therapist(user)``: the reports this person chose to share.
- ``safety_export(user)``: this person's own safety data for their export.

Never call them about the *partner* in anything the partner can see: the partner must observe
nothing that depends on the other person's check-ins, reports or pause.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Count, Q, QuerySet, Subquery
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.models import User
from project.errors import Conflict, NotFound

from .models import (
    INTERNATIONAL,
    KIND_RANK,
    HelpResource,
    SafetyCheckIn,
    SafetyReport,
    SafetyState,
)

CHECK_IN_VALID_FOR = timedelta(days=14)
# Help lines change numbers and hours: an entry not checked for this long needs a new look.
VERIFICATION_VALID_FOR = timedelta(days=183)
RESUME_NOT_BEFORE = timedelta(hours=24)
COUNTRY_ALIASES = {"UK": "GB"}


@dataclass(frozen=True)
class PauseState:
    paused_since: datetime | None = None
    last_signal_at: datetime | None = None
    resumed_at: datetime | None = None

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def can_resume_at(self) -> datetime | None:
        if not self.paused or self.last_signal_at is None:
            return None
        return self.last_signal_at + RESUME_NOT_BEFORE

    def to_data(self) -> dict[str, str | None]:
        return {
            "paused_since": _iso(self.paused_since),
            "last_signal_at": _iso(self.last_signal_at),
            "resumed_at": _iso(self.resumed_at),
        }

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> PauseState:
        data = data or {}
        return cls(
            paused_since=_parse(data.get("paused_since")),
            last_signal_at=_parse(data.get("last_signal_at")),
            resumed_at=_parse(data.get("resumed_at")),
        )


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


def pause_state(user: User) -> PauseState:
    """The person's decrypted pause state (not paused when they never did a check-in)."""
    row = SafetyState.objects.filter(user=user).only("data").first()
    return PauseState.from_data(row.data if row else None)


def is_paused(user: User) -> bool:
    """True while this person's couple exercises are paused (after any "yes" in a check-in or
    any report, until they resume them themselves). One query.

    Only ever ask this about the person who is acting, never to shape what their partner sees.
    """
    return pause_state(user).paused


def last_check_in_at(user: User) -> datetime | None:
    return (
        SafetyCheckIn.objects.filter(user=user)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


@dataclass(frozen=True)
class GateFacts:
    """What the guards below need about one person, read by the caller inside its own query
    (``gate_annotations``) so that guarding an action costs no statement of its own."""

    state: PauseState
    last_check_in_at: datetime | None

    @classmethod
    def from_row(cls, row: Any) -> GateFacts:
        """From an object annotated with ``gate_annotations``."""
        return cls(
            state=PauseState.from_data(row.safety_pause_data),
            last_check_in_at=row.safety_last_check_in_at,
        )


def gate_annotations(user: User | UUID) -> dict[str, Subquery]:
    """Subqueries for another app's query: ``safety_pause_data`` and ``safety_last_check_in_at``
    of ``user`` (the acting person only, or their id), to hand to the guards as
    ``GateFacts.from_row``."""
    return {
        "safety_pause_data": Subquery(SafetyState.objects.filter(user=user).values("data")[:1]),
        "safety_last_check_in_at": Subquery(
            SafetyCheckIn.objects.filter(user=user).order_by("-created_at").values("created_at")[:1]
        ),
    }


def check_in_due(
    user: User, *, state: PauseState | None = None, facts: GateFacts | None = None
) -> bool:
    """True when the person must do a check-in before a couple exercise: they never did one,
    their last one is older than 14 days, or they resumed after a pause since their last one
    (resuming always leads through a fresh check-in). Two queries, one when ``state`` (the
    person's ``pause_state``) is already at hand, none with ``facts``."""
    if facts is not None:
        state, last_at = facts.state, facts.last_check_in_at
    else:
        last_at = last_check_in_at(user)
    if last_at is None or timezone.now() - last_at > CHECK_IN_VALID_FOR:
        return True
    resumed_at = (state or pause_state(user)).resumed_at
    return resumed_at is not None and resumed_at >= last_at


def require_couple_exercise_allowed(user: User, *, facts: GateFacts | None = None) -> None:
    """The guard for every couple-exercise action of ``user`` (start, answer, submit, join,
    WebSocket connect). Raises ``Conflict`` (409):

    - ``paused`` while the person's couple exercises are paused;
    - ``check_in_required`` when a check-in is due (see ``check_in_due``).

    Returns ``None`` when the action may go ahead. The error goes to the acting person only:
    never call this for the partner, and never change anything the partner sees because of it.
    With ``facts`` (read by the caller's own query, see ``gate_annotations``) it costs nothing.
    """
    state = facts.state if facts is not None else pause_state(user)
    if state.paused:
        raise Conflict(
            "paused",
            _("Couple exercises are paused for now. You can resume them on your own page."),
        )
    if check_in_due(user, state=state, facts=facts):
        raise Conflict(
            "check_in_required",
            _("Please do the short personal check-in first. It takes a minute."),
        )


def require_solo_exercise_allowed(
    user: User, *, safe_while_paused: bool, facts: GateFacts | None = None
) -> None:
    """The guard for a solo exercise of ``user``: no check-in is needed (it involves nobody
    else), but while the person is paused only the solo exercises marked safe for that moment
    (grounding, self-care, getting support) may be started or answered. Raises ``Conflict``
    ``paused`` (409) for the acting person only."""
    if safe_while_paused:
        return
    if facts.state.paused if facts is not None else is_paused(user):
        raise Conflict(
            "paused",
            _(
                "For now only the exercises for looking after yourself are open. You can "
                "resume the others on your own page."
            ),
        )


def couple_exercise_allowed_until(user: User, *, facts: GateFacts | None = None) -> datetime:
    """``require_couple_exercise_allowed``, and the moment its answer changes by itself (the
    last check-in turns 14 days old), so a long-lived connection may keep the gate: a pause
    reaches it as an event (``on_paused``), the passing of time by this deadline. Two queries;
    none with ``facts`` (see ``gate_annotations``)."""
    if facts is not None:
        state, last_at = facts.state, facts.last_check_in_at
    else:
        state, last_at = pause_state(user), last_check_in_at(user)
    resumed_since = state.resumed_at is not None and last_at is not None
    if (
        state.paused
        or last_at is None
        or timezone.now() - last_at > CHECK_IN_VALID_FOR
        or (resumed_since and state.resumed_at >= last_at)
    ):
        # Closed: the one guard says why, in the same words as everywhere else.
        require_couple_exercise_allowed(user, facts=facts)
    return last_at + CHECK_IN_VALID_FOR


def reports_for(user: User) -> list[SafetyReport]:
    """The person's own reports, newest first (sorted here: when a report was made is
    encrypted). There is no way to list anyone else's."""
    reports = SafetyReport.objects.filter(user=user)
    return sorted(reports, key=lambda report: report.created_at, reverse=True)


def report_for(user: User, report_id) -> SafetyReport:
    """One of the person's own reports; anyone else's (or none) is the same 404."""
    report = SafetyReport.objects.filter(user=user, pk=report_id).first()
    if report is None:
        raise NotFound()
    return report


def reports_shared_with_therapist(user: User, *, link_id: object) -> list[SafetyReport]:
    """The reports ``user`` shared with this therapist link, newest first.

    For the therapist feature: the caller passes the link it reads through (its active link to
    ``user``'s couple). A report shared with another link, an earlier one included, is never
    among them; reports not opted in never leave this app.
    """
    return reports_shared_with_therapist_by({user.pk: link_id})


def reports_shared_with_therapist_by(link_of: Mapping[object, object]) -> list[SafetyReport]:
    """:func:`reports_shared_with_therapist` for several people in one query (a therapist's
    caseload), newest first: ``link_of`` maps each person's id to the link the caller reads
    through, and only reports shared with that very link are returned."""
    reports = SafetyReport.objects.filter(user_id__in=list(link_of))
    shared = [r for r in reports if r.shared_with == str(link_of[r.user_id])]
    return sorted(shared, key=lambda report: report.created_at, reverse=True)


def normalise_country(country: str | None) -> str:
    code = (country or "").strip().upper()
    return COUNTRY_ALIASES.get(code, code)


def help_resources(*, country: str | None, language: str) -> list[HelpResource]:
    """Active help resources for a country, emergency numbers first.

    Prefers the person's language, then any language of that country; a country without a list
    of its own (or none given) gets the international list. At most two queries.
    """
    code = normalise_country(country)
    resources: list[HelpResource] = []
    if code:
        resources = _best_language(
            list(HelpResource.objects.filter(active=True, country=code)), language
        )
    if not resources:
        resources = _best_language(
            list(HelpResource.objects.filter(active=True, country=INTERNATIONAL)), language
        )
    return sorted(resources, key=lambda r: (KIND_RANK.get(r.kind, 99), r.order, r.name))


def help_resources_needing_check(
    queryset: QuerySet[HelpResource] | None = None,
) -> QuerySet[HelpResource]:
    """Entries never checked against a source, or last checked more than half a year ago."""
    queryset = HelpResource.objects.all() if queryset is None else queryset
    stale_before = timezone.localdate() - VERIFICATION_VALID_FOR
    return queryset.filter(Q(last_verified__isnull=True) | Q(last_verified__lt=stale_before))


def help_resource_needs_check(resource: HelpResource) -> bool:
    if resource.last_verified is None:
        return True
    return resource.last_verified < timezone.localdate() - VERIFICATION_VALID_FOR


def _best_language(resources: list[HelpResource], language: str) -> list[HelpResource]:
    mine = [resource for resource in resources if resource.language == language]
    return mine or resources


def safety_export(user: User) -> dict[str, Any]:
    """Everything safety stores about ``user``, for their own export (privacy rule 6)."""
    state = pause_state(user)
    return {
        "check_ins": [
            {"date": check_in.created_at.isoformat(), "outcome": check_in.outcome}
            for check_in in SafetyCheckIn.objects.filter(user=user).order_by("created_at")
        ],
        "reports": [
            {
                "id": str(report.id),
                "date": report.created_at.isoformat(),
                "note": report.note,
                "share_with_therapist": report.share_with_therapist,
            }
            for report in reversed(reports_for(user))
        ],
        "pause": {
            "paused": state.paused,
            "paused_since": _iso(state.paused_since),
            "can_resume_at": _iso(state.can_resume_at),
        },
    }


def monthly_counts() -> list[dict[str, Any]]:
    """Numbers of check-ins and reports per month, for admins: counts only, no outcomes, no
    notes, no people."""
    months: dict[datetime, dict[str, Any]] = {}
    rows = (
        SafetyCheckIn.objects.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in rows:
        entry = months.setdefault(row["month"], {"month": row["month"]})
        entry["check_ins"] = row["count"]
    # When a report was made is encrypted: counted here, not by the database.
    for report in SafetyReport.objects.all():
        at = timezone.localtime(report.created_at)
        month = at.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        entry = months.setdefault(month, {"month": month})
        entry["reports"] = entry.get("reports", 0) + 1
    return [
        {"check_ins": 0, "reports": 0, **entry}
        for _month, entry in sorted(months.items(), reverse=True)
    ]
