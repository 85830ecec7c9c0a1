"""Hostile requests across the demo site: each gets a 4xx or a normal page, never a
5xx, and none of them changes what is stored."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Revision

from coalition_site.forms import SALT

OK = {200}
NOT_FOUND = {404}
BAD = {400}
NORMAL_OR_BAD = {200, 400}
NORMAL_OR_NOT_FOUND = {200, 404}
NOT_ALLOWED = {405}
HARMLESS = {200, 405}

LISTINGS = ["/en/partners/", "/en/news/", "/en/resources/", "/en/justice-journal/", "/en/search/"]

MANY_FIELDS = "&".join(f"f{i}=1" for i in range(12_000))
LONG = "x" * 10_000


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def contact(**fields):
    data = {
        "your_name": "Ana",
        "email": "ana@example.org",
        "message": "Hello",
        "website_address": "",
        "form_started": started(),
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


# (id, method, path, request options, acceptable statuses)
CASES = [
    # ---- oversized and malformed query strings
    *[
        (f"long-keyword{path.replace('/', '-')}", "get", f"{path}?q={LONG}", {}, OK)
        for path in LISTINGS
    ],
    ("query-100k-chars", "get", "/en/news/?q=" + "y" * 100_000, {}, OK),
    ("too-many-query-fields-listing", "get", "/en/partners/?" + MANY_FIELDS, {}, NORMAL_OR_BAD),
    ("too-many-query-fields-search", "get", "/en/search/?" + MANY_FIELDS, {}, NORMAL_OR_BAD),
    ("nul-in-keyword", "get", "/en/search/?q=traffick%00ing", {}, OK),
    ("nul-in-news-keyword", "get", "/en/news/?q=%00%00", {}, OK),
    ("nul-in-filter", "get", "/en/partners/?sector=%00", {}, OK),
    ("invalid-utf8-query", "get", "/en/search/?q=%ff%fe%fd", {}, OK),
    ("invalid-utf8-filter", "get", "/en/resources/?topic=%ff%fe", {}, OK),
    ("invalid-utf8-path", "get", "/%ff%fe/", {}, NOT_FOUND),
    ("nul-in-path", "get", "/en/about%00/", {}, NOT_FOUND),
    ("bare-ampersands", "get", "/en/news/?&&&=&==&page", {}, OK),
    ("percent-garbage", "get", "/en/partners/?q=%%%25%zz", {}, OK),
    # ---- bad pagination on every listing
    *[
        (f"page-{label}{path.replace('/', '-')}", "get", f"{path}?page={value}", {}, OK)
        for path in LISTINGS
        for label, value in [
            ("letters", "abc"),
            ("negative", "-5"),
            ("huge", "99999999999999999999999"),
        ]
    ],
    ("page-float", "get", "/en/news/?page=1.5", {}, OK),
    ("page-repeated", "get", "/en/resources/?page=1&page=2&page=x", {}, OK),
    # ---- bad filter values on every listing
    ("partners-unknown-sector", "get", "/en/partners/?sector=martians", {}, OK),
    ("partners-unknown-service", "get", "/en/partners/?service=../../etc/passwd", {}, OK),
    ("partners-array-filter", "get", "/en/partners/?language[]=en&area[0]=x", {}, OK),
    ("news-bad-year", "get", "/en/news/?year=20x5", {}, OK),
    ("news-far-year", "get", "/en/news/?year=99999", {}, OK),
    ("news-unknown-kind", "get", "/en/news/?kind=<script>", {}, OK),
    ("news-unknown-topic", "get", "/en/news/?topic=' OR 1=1 --", {}, OK),
    ("resources-unknown-type", "get", "/en/resources/?type=exe&audience=%00", {}, OK),
    ("resources-every-filter-bad", "get", "/en/resources/?topic=a&type=b&language=c&q=%ff", {}, OK),
    ("podcast-unknown-filters", "get", "/en/justice-journal/?season=x&category=y", {}, OK),
    ("search-unknown-type", "get", "/en/search/?q=help&type=../../settings", {}, OK),
    ("search-sql", "get", "/en/search/?q=%27%3B+DROP+TABLE+wagtailcore_page%3B--", {}, OK),
    ("search-only-operators", "get", "/en/search/?q=%22%22%22+OR+AND+NOT+-+*", {}, OK),
    # ---- forged Host headers
    ("forged-host", "get", "/en/", {"HTTP_HOST": "evil.example"}, BAD),
    ("forged-host-with-port", "get", "/en/about/", {"HTTP_HOST": "testserver:99999x"}, BAD),
    ("forged-host-on-form-post", "post", "/en/contact/", {"HTTP_HOST": "evil.example"}, BAD),
    ("forwarded-host-ignored", "get", "/en/", {"HTTP_X_FORWARDED_HOST": "evil.example"}, OK),
    # ---- oversized and malformed bodies
    (
        "oversized-form-post",
        "post",
        "/en/contact/",
        {"data": contact(message="m" * 3_000_000)},
        {400, 413},
    ),
    (
        "oversized-raw-body",
        "post",
        "/en/request-a-speaker/",
        {
            "data": b"a=" + b"b" * 3_000_000,
            "content_type": "application/x-www-form-urlencoded",
        },
        {400, 413},
    ),
    (
        "too-many-post-fields",
        "post",
        "/en/contact/",
        {"data": MANY_FIELDS, "content_type": "application/x-www-form-urlencoded"},
        BAD,
    ),
    (
        "broken-multipart",
        "post",
        "/en/contact/",
        {"data": b"--nope\r\n\r\n\x00\x01", "content_type": "multipart/form-data; boundary=x"},
        BAD,
    ),
    (
        "multipart-without-boundary",
        "post",
        "/en/contact/",
        {"data": b"x", "content_type": "multipart/form-data"},
        BAD,
    ),
    (
        "json-body-to-form",
        "post",
        "/en/contact/",
        {"data": '{"your_name": "Ana"}', "content_type": "application/json"},
        BAD,
    ),
    # ---- malformed form data
    ("form-missing-fields", "post", "/en/contact/", {"data": {"your_name": "Ana"}}, BAD),
    ("form-empty-post", "post", "/en/contact/", {"data": {}}, BAD),
    ("form-list-for-string", "post", "/en/contact/", {"data": contact(email=["a@b.c", "x"])}, BAD),
    ("form-bad-email", "post", "/en/contact/", {"data": contact(email="not-an-email")}, BAD),
    ("form-forged-start-time", "post", "/en/contact/", {"data": contact(form_started="1")}, BAD),
    ("form-honeypot-filled", "post", "/en/contact/", {"data": contact(website_address="x")}, BAD),
    ("form-nul-bytes", "post", "/en/contact/", {"data": contact(message="a\x00b")}, BAD),
    (
        "speaker-unknown-choice",
        "post",
        "/en/request-a-speaker/",
        {"data": {"audience": "Martians", "topic": "<b>", "form_started": started()}},
        BAD,
    ),
    (
        "speaker-number-not-a-number",
        "post",
        "/en/request-a-speaker/",
        {"data": {"expected_audience_size": "lots", "form_started": started()}},
        BAD,
    ),
    # ---- path traversal
    ("traversal-documents", "get", "/documents/1/../../etc/passwd", {}, NOT_FOUND),
    ("traversal-documents-encoded", "get", "/documents/1/..%2f..%2fetc%2fpasswd", {}, NOT_FOUND),
    ("traversal-static", "get", "/static/../settings.py", {}, NOT_FOUND),
    (
        "traversal-static-deep",
        "get",
        "/static/../../coalition_site/settings/base.py",
        {},
        NOT_FOUND,
    ),
    ("traversal-static-encoded", "get", "/static/%2e%2e/%2e%2e/manage.py", {}, NOT_FOUND),
    ("traversal-media", "get", "/media/%2e%2e/", {}, NOT_FOUND),
    ("traversal-media-settings", "get", "/media/../coalition_site/settings/base.py", {}, NOT_FOUND),
    ("traversal-audio", "get", "/podcasts/audio/1/..%2f..%2fmanage.py", {}, NOT_FOUND),
    ("traversal-page", "get", "/en/about/../../../etc/passwd", {}, NOT_FOUND),
    ("document-id-letters", "get", "/documents/abc/file.pdf", {}, NOT_FOUND),
    ("document-id-huge", "get", "/documents/99999999999999999999/file.pdf", {}, NOT_FOUND),
    # ---- method mismatches
    *[
        (f"{method}-{name}", method, path, {}, HARMLESS)
        for method in ("put", "delete", "patch")
        for name, path in [
            ("home", "/en/"),
            ("standard-page", "/en/about/"),
            ("news-item", "/en/news/"),
        ]
    ],
    ("put-search", "put", "/en/search/?q=help", {}, NOT_ALLOWED),
    ("delete-search", "delete", "/en/search/", {}, NOT_ALLOWED),
    ("post-search", "post", "/en/search/", {"data": {"q": "x"}}, NOT_ALLOWED),
    ("post-robots", "post", "/robots.txt", {}, NOT_ALLOWED),
    ("delete-form-page", "delete", "/en/contact/", {}, HARMLESS),
    ("patch-sitemap", "patch", "/sitemap.xml", {}, HARMLESS),
    ("options-home", "options", "/en/", {}, HARMLESS),
    # ---- odd cookies and headers
    (
        "garbage-cookies",
        "get",
        "/en/",
        {"HTTP_COOKIE": "sessionid=../../etc; csrftoken=%00%ff; x=\x7f"},
        OK,
    ),
    ("garbage-accept-language", "get", "/en/about/", {"HTTP_ACCEPT_LANGUAGE": "zz-ZZ;q=x,*;;"}, OK),
    ("forwarded-proto-https", "get", "/en/about/", {"HTTP_X_FORWARDED_PROTO": "https"}, OK),
    ("huge-user-agent", "get", "/en/", {"HTTP_USER_AGENT": "A" * 50_000}, OK),
]


@pytest.fixture
def stored():
    def counts():
        return {
            "pages": Page.objects.count(),
            "revisions": Revision.objects.count(),
            "submissions": FormSubmission.objects.count(),
            "users": get_user_model().objects.count(),
        }

    return counts


@pytest.mark.parametrize(
    "method, path, options, expected",
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_hostile_request_is_answered_calmly_and_changes_nothing(
    demo, stored, method, path, options, expected
):
    cache.clear()  # the form's per-address rate limit
    before = stored()
    client = Client(raise_request_exception=False)
    response = getattr(client, method)(path, **options)
    assert response.status_code in expected, (
        f"{method.upper()} {path[:80]} answered {response.status_code}"
    )
    assert response.status_code < 500
    assert stored() == before


def test_the_case_list_is_long_enough():
    assert len(CASES) >= 50
    assert len({case[0] for case in CASES}) == len(CASES), "duplicate case ids"


# ---------------------------------------------------------------- CSRF


def test_a_form_post_without_a_csrf_token_is_refused(demo, stored):
    before = stored()
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/contact/", contact())
    assert response.status_code == 403
    assert stored() == before


def test_a_form_post_with_a_wrong_csrf_token_is_refused(demo, stored):
    before = stored()
    client = Client(enforce_csrf_checks=True)
    client.get("/en/contact/")
    client.cookies["csrftoken"] = "a" * 32
    response = client.post("/en/contact/", {**contact(), "csrfmiddlewaretoken": "b" * 32})
    assert response.status_code == 403
    assert stored() == before


def test_a_form_post_from_another_origin_is_refused(demo, stored):
    before = stored()
    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/contact/")
    token = page.context["csrf_token"]
    response = client.post(
        "/en/contact/",
        {**contact(), "csrfmiddlewaretoken": str(token)},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert stored() == before


def test_an_admin_sign_in_without_a_csrf_token_is_refused(demo):
    get_user_model().objects.create_superuser("boss", password="b" * 16)
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "boss", "password": "b" * 16})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_a_real_form_post_with_its_token_is_accepted(demo, stored):
    """The control for the refusals above: the same post, done properly, is stored."""
    cache.clear()
    before = stored()
    client = Client(enforce_csrf_checks=True)
    page = client.get("/en/contact/")
    token = page.context["csrf_token"]
    response = client.post("/en/contact/", {**contact(), "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 200
    assert stored()["submissions"] == before["submissions"] + 1


# ---------------------------------------------------------------- other hostile inputs


def test_search_terms_are_escaped_not_run(client, demo):
    response = client.get("/en/search/", {"q": '<script>alert("x")</script>'})
    assert response.status_code == 200
    assert b'<script>alert("x")</script>' not in response.content


def test_sign_in_never_redirects_to_another_site(demo):
    get_user_model().objects.create_superuser("boss", password="b" * 16)
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": "boss", "password": "b" * 16, "next": "https://evil.example/steal"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
