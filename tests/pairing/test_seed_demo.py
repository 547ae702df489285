import io

from django.core.management import call_command

from accounts.models import User
from pairing.models import Couple
from pairing.selectors import active_couple_for, partner_of


def test_seed_demo_links_anna_and_bram_once(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    anna = User.objects.get(email="anna@example.com")
    couple = active_couple_for(user=anna)
    assert partner_of(user=anna, couple=couple).email == "bram@example.com"
    assert Couple.objects.count() == 1
    assert active_couple_for(user=User.objects.get(email="cas@example.com")) is None
