"""The check-in's questions and the fixed help-first texts, in code so they are translated
with the rest of the app (nl + en) and reviewed like code.

The questions were written for this app. They cover the areas short published screens such as
HARK, PVS and WAST-Short ask about, without copying any instrument. Every one is phrased so
that "yes" signals unsafety, the same direction throughout: a person in a hurry cannot misread
which answer means what.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    id: str
    text: Promise


ALONE_QUESTION = _("Are you alone and able to answer freely right now?")

QUESTIONS: tuple[Question, ...] = (
    Question("afraid", _("Are you sometimes afraid of your partner?")),
    Question(
        "hurt",
        _("In the past year, has your partner hit, pushed, choked or otherwise hurt you?"),
    ),
    Question(
        "threatened",
        _("Has your partner threatened to hurt you, someone close to you, a pet, or themselves?"),
    ),
    Question(
        "controlled",
        _(
            "Does your partner control your money, your phone, who you see or where you are "
            "allowed to go?"
        ),
    ),
    Question(
        "forced_sex",
        _("Has your partner pressured or forced you into sexual acts you did not want?"),
    ),
    Question("afraid_to_say_no", _("Are you afraid to say no to your partner?")),
    Question("belittled", _("Does your partner often belittle, insult or humiliate you?")),
    Question(
        "memory_doubted",
        _("Does your partner make you doubt your own memory or what you know happened?"),
    ),
)

QUESTION_IDS: tuple[str, ...] = tuple(question.id for question in QUESTIONS)

YES = "yes"
NO = "no"

ABOUT_UNSAFETY_TITLE = _("This is not yours to fix")
ABOUT_UNSAFETY_TEXT = _(
    "Some things are not a difference to work through together. Manipulation, twisting what "
    "you know happened (gaslighting), contempt, threats, anger you cannot predict, being "
    "neglected, and aggression in words or deeds make a relationship structurally unsafe. "
    "That is never yours to solve or to learn to live with, and a couple exercise will not "
    "change it. Taking it seriously is the right step: reach out to one of the people below. "
    "You can talk to them without giving your name."
)
PAUSE_TEXT = _(
    "Couple exercises are paused for you. Your partner is not told anything; to them it looks "
    "as if you simply have not answered yet. You can resume them yourself, at the earliest "
    "24 hours from now."
)

# The same neutral site the app's quick exit goes to (frontend/static/frontend/js/exit.js).
QUICK_EXIT_URL = "https://www.google.com/"
QUICK_EXIT_HINT = _(
    "Need to leave quickly? Press the exit button or press Shift three times: this page is "
    "replaced by a neutral website."
)
