import pytest


def test_admins_see_couples_as_ids_dates_and_states(admin_browser, anna_and_bram):
    listing = admin_browser.get("/admin/pairing/couple/")
    detail = admin_browser.get(f"/admin/pairing/couple/{anna_and_bram.pk}/change/")

    for response in (listing, detail):
        assert response.status_code == 200
        page = response.content.decode()
        assert str(anna_and_bram.pk) in page
        assert "Anna" not in page and "anna@example.com" not in page


def test_admins_see_invites_without_their_codes(admin_browser, annas_invite):
    invite = annas_invite.invite
    listing = admin_browser.get("/admin/pairing/partnerinvite/")
    detail = admin_browser.get(f"/admin/pairing/partnerinvite/{invite.pk}/change/")

    for response in (listing, detail):
        assert response.status_code == 200
        page = response.content.decode()
        assert str(invite.pk) in page
        assert "open" in page
        assert annas_invite.code not in page
        assert annas_invite.code.replace("-", "") not in page
        assert invite.code_digest not in page


@pytest.mark.parametrize("model", ["couple", "partnerinvite"])
def test_nobody_edits_pairing_history_in_the_admin(admin_browser, anna_and_bram, model):
    assert admin_browser.get(f"/admin/pairing/{model}/add/").status_code == 403
