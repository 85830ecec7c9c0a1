import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import EDITORS_GROUP
from partners.admin_views import profiles_needing_attention
from partners.roles import grant_partner_access

User = get_user_model()


@pytest.mark.django_db
def test_report_lists_stale_unreviewed_and_accountless_profiles(client, add_partner):
    today = timezone.localdate()
    fresh = add_partner(title="Fresh", last_reviewed=today - datetime.timedelta(days=30))
    stale = add_partner(title="Stale", last_reviewed=today - datetime.timedelta(days=400))
    never = add_partner(title="Never reviewed", last_reviewed=None)
    no_account = add_partner(title="No account", last_reviewed=today)
    for page in [fresh, stale, never]:
        user = User.objects.create_user(f"{page.slug}@example.org", f"{page.slug}@example.org")
        grant_partner_access(page, user)

    listed = {p.title for p in profiles_needing_attention(today)}
    assert listed == {"Stale", "Never reviewed", "No account"}

    editor = User.objects.create_user("editor", "editor@example.org", "pw")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    response = client.get("/admin/reports/partner-profiles/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Stale" in text and "Never reviewed" in text and "No account" in text
    assert f'href="/admin/partners/{no_account.pk}/invite/"' in text
    assert ">Fresh<" not in text
    export = client.get("/admin/reports/partner-profiles/?export=csv")
    rows = b"".join(export.streaming_content).decode()
    assert "Never reviewed" in rows and "Fresh" not in rows


@pytest.mark.django_db
def test_a_profile_is_reported_once_not_once_per_translation(add_partner):
    from wagtail.models import Locale

    english = add_partner(title="Never reviewed", last_reviewed=None)
    spanish = english.copy_for_translation(
        Locale.objects.get_or_create(language_code="es")[0], copy_parents=True
    )
    spanish.save_revision().publish()
    assert [p.pk for p in profiles_needing_attention()] == [english.pk]
