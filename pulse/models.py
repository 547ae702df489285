"""A person's private relationship pulse: four items and a free note, now and then. Only its
owner sees it, unless they share one entry with their partner (or, per therapist link, consent
to their trend: ``therapists``)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from project.crypto import EncryptedJSONField


class PulseEntry(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pulse_entries"
    )
    # Answers and note are what the person wrote: encrypted at rest. The score is derived from
    # the answers and kept beside them, encrypted too, so a trend needs no decryption of notes.
    answers = EncryptedJSONField(_("answers"))
    note = EncryptedJSONField(_("note"), default="", blank=True)
    score = EncryptedJSONField(_("score"))
    # The couple it was shared in: the partner of that couple sees it while the couple lasts.
    shared_in = models.ForeignKey(
        "pairing.Couple",
        verbose_name=_("shared in couple"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pulse entry")
        verbose_name_plural = _("pulse entries")
        indexes = [models.Index(fields=["user", "created_at"])]

    def __str__(self) -> str:
        return str(self.id)
