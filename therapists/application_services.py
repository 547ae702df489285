"""Therapist applications: a person asks, a superuser verifies in the admin."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from project.errors import Conflict, Forbidden, Invalid, NotFound

from .models import TherapistApplication

# BIG numbers (the Dutch register of health professionals) have 11 digits, AGB codes 8.
_DUTCH_NUMBER_LENGTHS = (8, 11)


def registration_number_clean(*, number: str, country: str) -> str:
    """The number as stored. In the Netherlands it must be a BIG or AGB number (spaces and dots
    allowed while typing); elsewhere it is free text, because every country registers
    differently."""
    number = " ".join(number.split())
    if country != "NL":
        if len(number) < 3:
            raise Invalid(
                fields={"registration_number": [_("Give your professional registration number.")]}
            )
        return number
    digits = re.sub(r"[\s.]", "", number)
    if not digits.isdigit() or len(digits) not in _DUTCH_NUMBER_LENGTHS:
        raise Invalid(
            fields={
                "registration_number": [
                    _("Give your BIG number (11 digits) or your AGB code (8 digits).")
                ]
            }
        )
    return digits


@transaction.atomic
def therapist_application_submit(
    *, user: User, name: str, practice: str, registration_number: str
) -> TherapistApplication:
    """Ask to be a therapist, or correct my application while it waits for verification."""
    application = TherapistApplication.objects.select_for_update().filter(user=user).first()
    if user.is_therapist or (application is not None and application.is_verified):
        raise Conflict("already_verified", _("You are already a verified therapist."))
    if application is not None and application.review_started_at is not None:
        raise Conflict(
            "under_review",
            _(
                "Your application is being checked now, so it cannot be changed. We will let you "
                "know the outcome."
            ),
        )
    number = registration_number_clean(number=registration_number, country=user.country)
    if application is None:
        application = TherapistApplication(user=user)
    application.name = name.strip()
    application.practice = practice.strip()
    application.registration_number = number
    application.country = user.country
    application.save()
    return application


def therapist_application_for(*, user: User) -> TherapistApplication:
    application = TherapistApplication.objects.filter(user=user).first()
    if application is None:
        raise NotFound()
    return application


def _require_superuser(by: User) -> None:
    if not by.is_superuser:
        raise Forbidden("not_allowed", _("Only an administrator can verify therapists."))


@transaction.atomic
def therapist_application_review_start(
    *, application: TherapistApplication, by: User
) -> TherapistApplication:
    """An administrator starts checking the registration: from now on the applicant cannot
    change the application, so the verification is of exactly what was checked."""
    _require_superuser(by)
    application = TherapistApplication.objects.select_for_update().get(pk=application.pk)
    if application.review_started_at is None:
        application.review_started_at = timezone.now()
        application.save(update_fields=["review_started_at", "updated_at"])
    return application


@transaction.atomic
def therapist_application_verify(
    *, application: TherapistApplication, by: User
) -> TherapistApplication:
    """Verify the registration and make the person a therapist. Superusers only: checking a
    registration is a decision about who may read couples' progress."""
    _require_superuser(by)
    application = TherapistApplication.objects.select_for_update().get(pk=application.pk)
    if application.is_verified:
        return application
    if application.review_started_at is None:
        raise Conflict(
            "review_not_started",
            _("Start the review first: the application is frozen while you check it."),
        )
    application.verified_at = timezone.now()
    application.verified_by = by
    application.save(update_fields=["verified_at", "verified_by", "updated_at"])
    User.objects.filter(pk=application.user_id).update(is_therapist=True)
    return application
