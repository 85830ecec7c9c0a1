import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from coalition_site.forms import SALT
from coalition_site.models import FormField, FormPage
from partners.roles import grant_partner_access
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()


@pytest.fixture
def contact(home):
    page = FormPage(
        title="Contact",
        slug="contact",
        to_address="staff@example.org",
        from_address="site@example.org",
        subject="Message",
    )
    page.form_fields = [
        FormField(sort_order=0, label="Your name", field_type="singleline", required=True),
        FormField(sort_order=1, label="Email", field_type="email", required=True),
        FormField(sort_order=2, label="Message", field_type="multiline", required=True),
    ]
    home.add_child(instance=page)
    return page


def started(seconds_ago=10):
    """The signed start time a form shown `seconds_ago` would carry."""
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def answer(**overrides):
    data = {
        "your_name": "Ana",
        "email": "ana@example.org",
        "message": "Can someone speak at our school?",
        "website_address": "",
        "form_started": started(),
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_submission_is_saved_then_mailed_to_staff(client, contact):
    response = client.post("/en/contact/", answer())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    data = submission.get_data()
    assert data["message"] == "Can someone speak at our school?"
    assert "website_address" not in data and "form_started" not in data
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@example.org"]
    assert "Can someone speak" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_mail_failure_loses_nothing_and_is_logged(client, contact, caplog):
    with mock.patch("wagtail.contrib.forms.models.send_mail", side_effect=OSError("SMTP down")):
        response = client.post("/en/contact/", answer())
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1
    assert "Could not email the submission" in caplog.text


@pytest.mark.django_db
def test_honeypot_refuses_with_a_message_and_saves_nothing(client, contact):
    response = client.post("/en/contact/", answer(website_address="http://spam.example"))
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_too_fast_submission_is_refused_and_can_be_sent_again(client, contact):
    response = client.post("/en/contact/", answer(form_started=started(seconds_ago=0)))
    assert response.status_code == 400
    assert "quicker than a person" in response.content.decode()
    assert not FormSubmission.objects.exists()
    # The form shown again keeps what was typed and a valid start time.
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('input[name="your_name"]')["value"] == "Ana"
    token = soup.select_one('input[name="form_started"]')["value"]
    assert signing.loads(token, salt=SALT)


@pytest.mark.django_db
def test_missing_or_forged_start_time_is_refused(client, contact):
    for token in ["", "not-a-token", signing.dumps(0, salt="other")]:
        response = client.post("/en/contact/", answer(form_started=token))
        assert response.status_code == 400
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_address(client, contact):
    for _ in range(5):
        assert client.post("/en/contact/", answer()).status_code == 200
    response = client.post("/en/contact/", answer())
    assert response.status_code == 429
    assert "Too many messages" in response.content.decode()
    assert FormSubmission.objects.count() == 5
    other = client.post("/en/contact/", answer(), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200


@pytest.mark.django_db
def test_errors_are_shown_next_to_fields_and_summarised(client, contact):
    response = client.post("/en/contact/", answer(email="not-an-email", message=""))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#error-summary")
    assert summary["role"] == "alert"
    assert [a["href"] for a in summary.select("a")] == ["#id_email", "#id_message"]
    label = soup.select_one('label[for="id_email"]')
    assert "valid email" in label.select_one(".form-field__errors").get_text()
    assert soup.select_one("#id_email")["aria-invalid"] == "true"
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_form_has_a_privacy_note_and_csrf_is_enforced(contact):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = strict.get("/en/contact/")
    assert "Only coalition staff can read it" in page.content.decode()
    response = strict.post("/en/contact/", answer())
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_staff_read_and_export_submissions_partners_cannot(client, home, contact):
    client.post("/en/contact/", answer())
    admin = get_user_model().objects.create_superuser("admin", password="pw-admin-1")
    client.force_login(admin)
    listing = client.get(f"/admin/forms/submissions/{contact.pk}/")
    assert "Can someone speak" in listing.content.decode()
    export = client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")
    assert export.status_code == 200
    assert "Can someone speak" in b"".join(export.streaming_content).decode()

    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    partner_page = PartnerPageFactory.build()
    directory.add_child(instance=partner_page)
    partner = get_user_model().objects.create_user("p@example.org", "p@example.org", "pw-p-1")
    grant_partner_access(partner_page, partner)
    client.force_login(partner)
    assert client.get(f"/admin/forms/submissions/{contact.pk}/").status_code in {302, 403}
    forms_index = client.get("/admin/forms/")
    assert "Contact" not in (forms_index.content.decode() if forms_index.status_code == 200 else "")


@pytest.mark.django_db
def test_a_form_corrected_after_errors_can_be_sent_straight_away(client, contact):
    # The visitor spent time on the form, but left a field wrong.
    response = client.post("/en/contact/", answer(email="not-an-email"))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    token = soup.select_one('input[name="form_started"]')["value"]

    # Correcting it and sending it again at once is what a person does.
    response = client.post("/en/contact/", answer(form_started=token))
    assert response.status_code == 200
    assert "quicker than a person" not in response.content.decode()
    assert FormSubmission.objects.filter(page=contact).count() == 1


@pytest.mark.django_db
def test_a_forged_start_time_is_replaced_when_the_form_is_shown_again(client, contact):
    response = client.post("/en/contact/", answer(form_started="not-a-token"))
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    token = soup.select_one('input[name="form_started"]')["value"]
    assert signing.loads(token, salt=SALT) <= time.time()


@pytest.fixture
def speaker_request(home):
    page = FormPage(
        title="Request a speaker",
        slug="request-a-speaker",
        to_address="staff@example.org",
        from_address="site@example.org",
        subject="Speaker request",
    )
    page.form_fields = [
        FormField(sort_order=0, label="Your name", field_type="singleline", required=True),
        FormField(
            sort_order=1,
            label="Audience",
            field_type="dropdown",
            required=True,
            choices="Students\nParents\nEmployers",
        ),
        FormField(
            sort_order=2,
            label="Language",
            field_type="dropdown",
            required=False,
            choices="English, Spanish",
        ),
        FormField(sort_order=3, label="Audience size", field_type="number", required=False),
    ]
    home.add_child(instance=page)
    return page


def speaker_answer(**overrides):
    data = {
        "your_name": "Ana",
        "audience": "Parents",
        "language": "",
        "audience_size": "",
        "website_address": "",
        "form_started": started(),
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_dropdowns_start_on_choose_so_a_required_one_must_be_answered(client, speaker_request):
    soup = BeautifulSoup(client.get("/en/request-a-speaker/").content, "html.parser")
    for name in ["audience", "language"]:
        options = soup.select(f'select[name="{name}"] option')
        assert (options[0]["value"], options[0].get_text()) == ("", "Choose…")
        selected = [option["value"] for option in options if option.has_attr("selected")]
        assert selected in ([], [""])

    # Sent as it came, the required dropdown is refused, not answered "Students".
    response = client.post("/en/request-a-speaker/", speaker_answer(audience=""))
    assert response.status_code == 400
    label = BeautifulSoup(response.content, "html.parser").select_one('label[for="id_audience"]')
    assert "This field is required" in label.get_text()
    assert not FormSubmission.objects.exists()

    # The optional one may stay on "Choose…".
    assert client.post("/en/request-a-speaker/", speaker_answer()).status_code == 200
    assert FormSubmission.objects.get().get_data()["audience"] == "Parents"


@pytest.mark.django_db
def test_an_empty_optional_number_is_empty_in_the_submissions_and_the_email(
    client, speaker_request
):
    assert client.post("/en/request-a-speaker/", speaker_answer()).status_code == 200
    body = mail.outbox[0].body
    assert "Audience size: \n" in body + "\n"
    assert "None" not in body

    admin = get_user_model().objects.create_superuser("admin", password="pw-admin-1")
    client.force_login(admin)
    listing = client.get(f"/admin/forms/submissions/{speaker_request.pk}/")
    cells = BeautifulSoup(listing.content, "html.parser").select("table tbody td")
    assert "Parents" in [cell.get_text(strip=True) for cell in cells]
    assert "None" not in [cell.get_text(strip=True) for cell in cells]
    export = client.get(f"/admin/forms/submissions/{speaker_request.pk}/?export=csv")
    assert "None" not in b"".join(export.streaming_content).decode()
