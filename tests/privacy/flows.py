"""Plant markers everywhere a person writes something private, through the real services."""

from __future__ import annotations

from dataclasses import dataclass

from pairing.services import invite_accept, invite_create
from safety import services as safety_services
from safety.content import QUESTION_IDS
from sessions.models import CoupleSession
from tests.factories import MARKER, fresh_check_in, publish, reveal_first_prompt, submitted_session

REPORT_NOTE = "REPORT-NOTE-MARKER-3e9d"


@dataclass
class Planted:
    session: CoupleSession
    invite_code: str
    markers: tuple[str, ...]


def plant_everything(anna, bram) -> Planted:
    fresh_check_in(anna)
    fresh_check_in(bram)
    issued = invite_create(inviter=anna)
    invite_accept(user=bram, code=issued.code)
    session = submitted_session(anna, bram, publish())
    reveal_first_prompt(session, anna, bram)
    safety_services.check_in_submit(
        user=bram, alone=True, answers={**dict.fromkeys(QUESTION_IDS, "no"), "afraid": "yes"}
    )
    safety_services.report_create(user=bram, note=REPORT_NOTE)
    return Planted(
        session=session, invite_code=issued.code, markers=(MARKER, "Anna schrijft", REPORT_NOTE)
    )
