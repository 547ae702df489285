"""The check-in's questions and the fixed help-first texts, in code so they are translated
with the rest of the app (nl + en) and reviewed like code. docs/safety.md gives the source of
every choice made here.

The questions were written for this app. They cover what short validated screens such as HARK,
HITS, WAST-Short and PVS ask about, without copying any instrument's wording. Every one is
phrased so that "yes" signals unsafety, the same direction throughout, without qualifiers such
as "often" that invite a person to play it down. The danger items ask about the strongest
predictors of severe or lethal violence; any "yes" there is ``urgent``.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    id: str
    text: Promise
    danger: bool = False


ALONE_QUESTION = _("Are you alone and able to answer freely right now?")

WHY_WE_ASK_TITLE = _("Why we ask everyone this")
WHY_WE_ASK_TEXT = _(
    "Before you do exercises together, we ask everyone the same short questions, because "
    "exercises for two only help when both of you are safe. If you answer yes to any of them, "
    "couple exercises pause for you and we show you where to find help. Your partner never "
    "sees your answers, that you did this check-in, or that anything was paused. You can "
    "always choose “I'd rather not say”."
)

QUESTIONS: tuple[Question, ...] = (
    Question("afraid", _("Are you ever afraid of your partner?")),
    Question(
        "unsafe_now",
        _("Do you feel unsafe with your partner right now?"),
    ),
    Question(
        "hurt",
        _("In the past year, has your partner hit, kicked, pushed or otherwise hurt you?"),
    ),
    Question(
        "forced_sex",
        _("Has your partner pressured or forced you into sexual acts you did not want?"),
    ),
    Question(
        "threatened",
        _("Has your partner threatened to hurt you, someone close to you, a pet, or themselves?"),
    ),
    Question(
        "controlled",
        _("Does your partner control your money, who you see or where you are allowed to go?"),
    ),
    Question(
        "monitored",
        _(
            "Does your partner check your phone or messages, or keep track of where you are, "
            "when you do not want that?"
        ),
    ),
    Question("afraid_to_say_no", _("Are you afraid to say no to your partner?")),
    Question("belittled", _("Does your partner belittle, insult or humiliate you?")),
    Question(
        "memory_doubted",
        _("Does your partner make you doubt your own memory or what you know happened?"),
    ),
    Question(
        "anger",
        _("Does your partner scream at you, or get angry in ways you cannot predict?"),
    ),
    # The danger items: the strongest known warning signs of severe violence.
    Question(
        "strangled",
        _("Has your partner ever choked or strangled you, or pressed on your neck, even briefly?"),
        danger=True,
    ),
    Question(
        "threat_to_kill",
        _("Has your partner ever threatened to kill you or someone close to you?"),
        danger=True,
    ),
    Question(
        "weapon",
        _("Has your partner ever threatened you with a weapon, or do they have one?"),
        danger=True,
    ),
    Question(
        "escalating",
        _("Has the violence become worse or more frequent lately?"),
        danger=True,
    ),
    Question(
        "followed",
        _("Does your partner follow you, wait for you, or turn up where you are uninvited?"),
        danger=True,
    ),
)

QUESTION_IDS: tuple[str, ...] = tuple(question.id for question in QUESTIONS)
DANGER_IDS: frozenset[str] = frozenset(q.id for q in QUESTIONS if q.danger)

YES = "yes"
NO = "no"
RATHER_NOT_SAY = "rather_not_say"
ANSWERS = (YES, NO, RATHER_NOT_SAY)

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
    "as if you simply have not answered yet. You decide when to resume them, from 24 hours "
    "after your last answer or report."
)

URGENT_TITLE = _("You don't have to decide anything else now")
URGENT_TEXT = _(
    "What you told us can mean you are in serious danger. If you are in danger right now, "
    "call the emergency number. If not, the 24-hour line below is there for you, day and night, "
    "and you can call without giving your name. Nothing else needs to happen today."
)

RATHER_NOT_SAY_TITLE = _("Thank you for answering")
RATHER_NOT_SAY_TEXT = _(
    "That is fine. You do not have to explain anything. Nothing has been paused. Help is "
    "there whenever you want it, for you or for someone you worry about."
)

# The help-first page, in the order a person needs it. Each section: a title and a text, and
# optionally a short list.
HELP_SECTIONS: tuple[tuple[str, Promise, Promise, tuple[Promise, ...]], ...] = (
    (
        "not_your_fault",
        _("It is not your fault"),
        _(
            "Nothing you did or said makes violence, threats or control acceptable. People "
            "who are treated this way often end up blaming themselves, because that is what "
            "they are told. The person who chooses to hurt or control is responsible for it."
        ),
        (),
    ),
    (
        "stay_or_leave",
        _("Help, whether you stay or leave"),
        _(
            "You do not have to decide to leave before you can get help. Help lines support "
            "people who stay, who are thinking about it, who have left, and everyone in "
            "between. They listen, help you see your options, think about safety with you, "
            "and can point you to shelter, legal advice or someone to talk to regularly."
        ),
        (),
    ),
    (
        "safety_plan",
        _("A short safety plan"),
        _(
            "A plan made on a calm day helps on a bad one. A help line can make one with you; "
            "these are the basics."
        ),
        (
            _(
                "Keep ready, somewhere you can grab it: ID, keys, some money or a bank card, "
                "medicines, a charger, and a few important numbers on paper."
            ),
            _(
                "Tell one person you trust what is going on, and agree on a code word or "
                "message that means: call for help, or come and get me."
            ),
            _(
                "Think about where you could go at any hour, and which rooms at home you would "
                "avoid in an argument (kitchen, rooms without a second way out)."
            ),
            _("If there are children, teach them how and when to call the emergency number."),
        ),
    ),
    (
        "tech_safety",
        _("Your phone and this app"),
        _("A partner who controls may also read your phone. Ways they can see what you do:"),
        (
            _("the browser history, notifications on the lock screen, messages and call logs;"),
            _("a shared tablet or computer, or an account that is signed in on their device;"),
            _("your email, if they know or can reset the password, and location sharing."),
            _(
                "Tweespraak helps: the “Leave quickly” button and pressing Shift three times "
                "leave at once; notifications never mention safety; two-step sign-in keeps "
                "others out; and under Profile you can sign out devices you do not recognise."
            ),
            _(
                "If you can, look for help on a device your partner cannot use, and call from "
                "a phone they do not check."
            ),
        ),
    ),
    (
        "couple_therapy",
        _("Why couple exercises wait"),
        _(
            "While there is violence, threats or control, couple exercises and couple therapy "
            "are not advised. Talking openly together can be used against you afterwards, and "
            "working on it as a couple suggests the problem is shared, while it is not. Help "
            "for you alone comes first; a partner who wants to change can get help of their "
            "own."
        ),
        (),
    ),
)

# The same neutral site the app's quick exit goes to (frontend/static/frontend/js/exit.js).
QUICK_EXIT_URL = "https://www.google.com/"
QUICK_EXIT_HINT = _(
    "Need to leave quickly? Press the exit button or press Shift three times: this page is "
    "replaced by a neutral website."
)
