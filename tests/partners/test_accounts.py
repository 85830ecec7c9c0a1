from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

User = get_user_model()


def create_account(*args):
    out = StringIO()
    call_command("create_partner_account", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def own(add_partner):
    return add_partner(title="Harbor Shelter", slug="harbor")


@pytest.mark.django_db
def test_creates_user_group_page_permission_and_collection(client, own):
    output = create_account("harbor", "Help@Example.org")
    user = User.objects.get(email="help@example.org")
    assert not user.has_usable_password()
    group = Group.objects.get(name="Partner: Harbor Shelter")
    assert list(user.groups.all()) == [group]
    page_perms = GroupPagePermission.objects.filter(group=group)
    assert [(p.page_id, p.permission.codename) for p in page_perms] == [(own.pk, "change_page")]
    collection_perms = GroupCollectionPermission.objects.filter(group=group)
    assert {p.collection.name for p in collection_perms} == {"Harbor Shelter"}
    assert {p.permission.codename for p in collection_perms} == {
        "add_image",
        "choose_image",
        "add_document",
        "choose_document",
    }
    assert group.permissions.filter(codename="access_admin").exists()

    # The printed link sets the password once.
    link = output.strip().splitlines()[-1]
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url, {"new_password1": "a-Strong-pass-2026", "new_password2": "a-Strong-pass-2026"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-Strong-pass-2026")
    assert client.get(path, follow=True).context["validlink"] is False


@pytest.mark.django_db
def test_running_twice_changes_nothing(own):
    create_account("harbor", "help@example.org")
    counts = (
        User.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
    )
    create_account("harbor", "help@example.org")
    assert counts == (
        User.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "args, message",
    [
        (["no-such-partner", "help@example.org"], "No partner page has the slug 'no-such-partner'"),
        (["harbor", "not-an-email"], "'not-an-email' is not a valid email address"),
    ],
)
def test_bad_input_says_what_is_wrong_and_creates_nothing(own, args, message):
    users = User.objects.count()
    with pytest.raises(CommandError, match=message):
        create_account(*args)
    assert User.objects.count() == users
    assert not Group.objects.filter(name__startswith="Partner:").exists()


@pytest.mark.django_db
def test_refuses_an_administrators_address(own):
    User.objects.create_superuser("boss", "boss@example.org", "pw-boss-1")
    with pytest.raises(CommandError, match="administrator"):
        create_account("harbor", "boss@example.org")
    assert not Group.objects.filter(name__startswith="Partner:").exists()


@pytest.mark.django_db
def test_refuses_another_organizations_address(own, add_partner):
    other = add_partner(title="Bridge House", slug="bridge")
    create_account("bridge", "team@bridge.org")
    with pytest.raises(CommandError, match=r"another organization \(Bridge House\)"):
        create_account("harbor", "team@bridge.org")
    user = User.objects.get(email="team@bridge.org")
    assert list(user.groups.values_list("name", flat=True)) == [f"Partner: {other.title}"]
    assert not Group.objects.filter(name="Partner: Harbor Shelter").exists()
