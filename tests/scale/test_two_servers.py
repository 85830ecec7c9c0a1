"""Two app servers behind one load balancer share everything: a change made on one
is what the other serves, at once.

Two gunicorn instances run the production settings against one throwaway
PostgreSQL database, one Redis database and one S3 bucket (moto's S3 server).
An editor signs in on server A through the admin (password and authenticator
code, as production asks), uploads an image and a private document, and edits
and publishes a page; server B, whose page cache already held the old page,
serves the new one on the next request, with image renditions made on B and
read from S3. `make scale-check` runs this module on PostgreSQL.
"""

import io
import re
import time
import urllib.request
import uuid
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django_otp.oath import totp
from PIL import Image

from caching.generation import WATCH_INTERVAL

from .servers import (
    Browser,
    Gunicorn,
    MotoS3,
    django_json,
    postgres_url_from_environment,
    production_environment,
)

# The module's tests share one cluster, built once per pytest-xdist worker; `make test`
# runs a module's tests on one worker (`--dist loadfile`).
pytestmark = pytest.mark.scale

PASSWORD = "scale-check-" + uuid.uuid4().hex
TOTP_KEY = uuid.uuid4().hex + uuid.uuid4().hex[:8]  # 20 bytes, hex, as django-otp keeps it
OLD_TITLE = "Shared servers, before"
NEW_TITLE = "Shared servers, after"

SETUP = """
import json
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, CollectionViewRestriction
from coalition_site.models import HomePage, StandardPage

editor = get_user_model().objects.create_superuser("scale-editor", "", {password!r})
TOTPDevice.objects.create(user=editor, name="app", key={key!r}, confirmed=True)
private = Collection.get_first_root_node().add_child(name="Scale private")
CollectionViewRestriction.objects.create(
    collection=private, restriction_type=CollectionViewRestriction.LOGIN
)
page = StandardPage(title={title!r}, slug="shared-servers", introduction="Before.")
HomePage.objects.get(locale__language_code="en").add_child(instance=page)
page.save_revision().publish()
print(json.dumps({{"page": page.pk, "path": page.url, "private": private.pk}}))
"""


@pytest.fixture(scope="module")
def database():
    if postgres_url_from_environment() is None:
        pytest.skip(
            "two servers share PostgreSQL: run with DATABASE_URL=postgres://... "
            "(make scale-check does)"
        )


@pytest.fixture(scope="module")
def cluster(database, redis_url, moto_installed, site_database, static_root, tmp_path_factory):
    """Servers A and B, moto's S3 server, one database and one Redis database."""
    import redis

    logs = tmp_path_factory.mktemp("two-servers")
    redis.Redis.from_url(redis_url).flushdb()
    s3 = MotoS3(logs).start()
    # As in production (docs/performance.md, "More than one server"): only renditions are public.
    s3.allow_public_read("images/")
    env = production_environment(
        site_database,
        static_root,
        REDIS_URL=redis_url,
        PAGE_CACHE_SECONDS=300,
        **s3.environment(),
    )
    servers = []
    try:
        setup = django_json(env, SETUP.format(password=PASSWORD, key=TOTP_KEY, title=OLD_TITLE))
        for name in ("a", "b"):
            servers.append(Gunicorn(env, logs / f"gunicorn-{name}.log").start())
        yield {"a": servers[0], "b": servers[1], "s3": s3, "env": env, **setup}
    finally:
        for server in servers:
            server.stop()
        s3.stop()
        redis.Redis.from_url(redis_url).flushdb()


@pytest.fixture(scope="module")
def editor_cookies(cluster):
    """The cookies of an editor signed in on server A (a code is good for one sign-in)."""
    browser = Browser(cluster["a"].port)
    sign_in(browser)
    return browser.cookies


def soup(response):
    return BeautifulSoup(response.body, "html.parser")


def csrf_token(response):
    return soup(response).find("input", {"name": "csrfmiddlewaretoken"})["value"]


def sign_in(browser):
    """Password, then the authenticator code, as production asks of a superuser."""
    response = browser.get("/admin/login/")
    response = browser.post(
        "/admin/login/",
        {
            "csrfmiddlewaretoken": csrf_token(response),
            "username": "scale-editor",
            "password": PASSWORD,
            "next": "/admin/",
        },
    )
    assert response.status == 302, soup(response).select(
        ".error-message, .help-critical, .messages"
    )
    response = browser.get("/admin/")
    assert response.status == 302
    assert response.header("Location").startswith("/admin/two-factor/verify/")
    verify = response.header("Location")
    response = browser.post(
        verify,
        {
            "csrfmiddlewaretoken": csrf_token(browser.get(verify)),
            "token": f"{totp(bytes.fromhex(TOTP_KEY)):06d}",
            "next": "/admin/",
        },
    )
    assert response.status == 302, response.text[:2000]
    assert browser.get("/admin/").status == 200


def png(width=640, height=480, color="#e63946"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def post_form(browser, path, changes, files):
    """Open an admin form, fill in `changes` and the files, send it; it must redirect."""
    fields = form_values(soup(browser.get(path)).find("form", action=path))
    fields.update(changes)
    response = browser.post(path, list(fields.items()), files)
    assert response.status == 302, soup(response).select(".error-message, .help-critical")


def upload_image(browser, title, content, filename="shared.png"):
    post_form(
        browser, "/admin/images/add/", {"title": title}, [("file", filename, content, "image/png")]
    )


def upload_document(browser, title, collection, content):
    post_form(
        browser,
        "/admin/documents/add/",
        {"title": title, "collection": collection},
        [("file", "shared-notes.txt", content, "text/plain")],
    )


def form_values(form):
    """What a browser would send for `form` untouched: its named fields and their values."""
    values = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("file", "submit", "button"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            values[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            # Without a selected option, a browser sends the first one.
            chosen = field.find("option", selected=True) or field.find("option")
            values[name] = chosen.get("value", "") if chosen else ""
        else:
            values[name] = field.get("value", "")
    return values


def publish_edit(browser, page_id, changes):
    """Open the page's editor, change fields, press "Publish"."""
    path = f"/admin/pages/{page_id}/edit/"
    fields = form_values(soup(browser.get(path)).find("form", id="page-edit-form"))
    fields.update(changes)
    fields["action-publish"] = "action-publish"
    response = browser.post(path, fields)
    assert response.status == 302, soup(response).select(".error-message, .help-critical")


def lookup(cluster, code):
    return django_json(cluster["env"], "import json\n" + code)


def test_a_change_published_on_one_server_is_served_by_the_other(cluster, editor_cookies):
    a, b, s3 = cluster["a"], cluster["b"], cluster["s3"]
    reader = Browser(b.port)

    # B's page cache holds the old page.
    assert reader.get(cluster["path"]).header("X-Page-Cache") == "miss"
    cached = reader.get(cluster["path"])
    assert cached.header("X-Page-Cache") == "hit"
    assert soup(cached).h1.get_text(strip=True) == OLD_TITLE

    editor = Browser(a.port, editor_cookies)
    upload_image(editor, "Shared picture", png())
    document_text = b"Notes for coalition members only. " + uuid.uuid4().hex.encode()
    upload_document(editor, "Shared notes", cluster["private"], document_text)
    ids = lookup(
        cluster,
        "from wagtail.images.models import Image\n"
        "from wagtail.documents.models import Document\n"
        "print(json.dumps({'image': Image.objects.get(title='Shared picture').pk,"
        " 'document': Document.objects.get(title='Shared notes').pk}))",
    )
    # The uploads went to the shared bucket, not to A's disk.
    keys = s3.keys()
    assert any(re.fullmatch(r"original_images/shared[^/]*\.png", key) for key in keys), keys
    assert any(key.startswith("documents/shared-notes") for key in keys), keys

    publish_edit(
        editor,
        cluster["page"],
        {
            "title": NEW_TITLE,
            "introduction": "After.",
            "body-count": "2",
            "body-0-type": "image",
            "body-0-id": str(uuid.uuid4()),
            "body-0-order": "0",
            "body-0-deleted": "",
            "body-0-value-image-image": ids["image"],
            "body-0-value-image-alt_text": "A red rectangle",
            "body-0-value-caption": "Uploaded on A",
            "body-1-type": "document",
            "body-1-id": str(uuid.uuid4()),
            "body-1-order": "1",
            "body-1-deleted": "",
            "body-1-value-document": ids["document"],
            "body-1-value-label": "",
        },
    )

    # On B, the new page, not B's cached copy: B's processes hear of the change on
    # Redis's channel within milliseconds, and read it themselves every WATCH_INTERVAL.
    deadline = time.monotonic() + WATCH_INTERVAL + 0.25
    fresh = reader.get(cluster["path"])
    while fresh.header("X-Page-Cache") == "hit" and time.monotonic() < deadline:
        time.sleep(0.005)
        fresh = reader.get(cluster["path"])
    assert fresh.status == 200
    assert fresh.header("X-Page-Cache") == "miss"
    page = soup(fresh)
    assert page.h1.get_text(strip=True) == NEW_TITLE
    assert OLD_TITLE not in fresh.text
    assert reader.get(cluster["path"]).header("X-Page-Cache") == "hit"

    # B made the renditions and they are read from the S3 endpoint.
    figure = page.select_one("figure.figure")
    assert figure is not None, "the image block is not on B's page"
    sources = [figure.img["src"]] + [
        candidate.strip().split()[0]
        for source in figure.find_all("source")
        for candidate in source["srcset"].split(",")
    ]
    for url in sources:
        assert url.startswith(f"{s3.endpoint}/{s3.bucket}/images/"), url
    with urllib.request.urlopen(figure.img["src"], timeout=10) as response:
        rendition = Image.open(io.BytesIO(response.read()))
    assert rendition.size[0] <= 640 and rendition.format == "JPEG"
    assert any(key.startswith("images/shared") for key in s3.keys())
    # Only renditions are public: not the original upload, not documents.
    for key in s3.keys():
        if key.startswith(("original_images/", "documents/")):
            assert s3.anonymous_status(key) == 403, key

    # The private document on the page: never by a public S3 address, only through
    # Wagtail's serve view, which checks privacy.
    page = reader.get(cluster["path"])
    assert soup(page).h1.get_text(strip=True) == NEW_TITLE
    links = [a["href"] for a in soup(page).find_all("a", href=True) if "shared-notes" in a["href"]]
    assert links and all(re.fullmatch(r"/documents/\d+/shared-notes[^/]*\.txt", h) for h in links)
    assert "documents/shared-notes" not in page.text.replace(links[0], "")
    assert cluster["s3"].endpoint not in str(soup(page).find_all("a"))

    # An anonymous reader is sent to sign in; the editor's session, made on A,
    # opens it on B, because sessions live in the shared database.
    anonymous = reader.get(links[0])
    assert anonymous.status == 302
    assert "login" in anonymous.header("Location")
    served = Browser(b.port, editor_cookies).get(links[0])
    assert served.status == 200
    assert served.body.startswith(b"Notes for coalition members only.")
    assert "public" not in served.header("Cache-Control", "")


def test_media_settings_with_a_bucket(cluster, editor_cookies):
    """Media go to S3 when a bucket is set; a file of the same name never replaces another."""
    storage = lookup(
        cluster,
        "from django.conf import settings\n"
        "print(json.dumps({'storage': settings.STORAGES['default'],"
        " 'docs': settings.WAGTAILDOCS_SERVE_METHOD}))",
    )
    assert storage["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["storage"]["OPTIONS"]
    assert options["file_overwrite"] is False
    assert options["endpoint_url"] == cluster["s3"].endpoint
    assert options["bucket_name"] == cluster["s3"].bucket
    assert storage["docs"] == "serve_view"

    # The same file name uploaded through A and then through B: two objects.
    # The editor signed in on A; the session is in the shared database, so B knows them.
    # (Counted from here: this test may run on its own, or after others that uploaded.)
    def originals():
        return {key for key in cluster["s3"].keys() if key.startswith("original_images/shared")}

    before = originals()
    upload_image(Browser(cluster["a"].port, editor_cookies), "Same name", png(color="#e76f51"))
    upload_image(
        Browser(cluster["b"].port, editor_cookies), "Same name again", png(color="#2a9d8f")
    )
    added = originals() - before
    assert len(added) == 2, added
    assert urlsplit(cluster["s3"].endpoint).hostname == "127.0.0.1"


def test_database_connections_follow_the_arithmetic(cluster, site_database):
    """Each worker holds at most DATABASE_POOL_MIN + GUNICORN_THREADS connections.

    The arithmetic is in docs/performance.md, "More than one server".
    """
    import psycopg

    for path in ("/en/", cluster["path"], "/en/partners/", "/en/news/"):
        for server in (cluster["a"], cluster["b"]):
            assert Browser(server.port).get(path).status == 200
    with psycopg.connect(site_database, autocommit=True) as connection:
        (count,) = connection.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()
    workers = len(cluster["a"].worker_pids()) + len(cluster["b"].worker_pids())
    pool_min, threads = 2, 2  # the defaults of DATABASE_POOL_MIN and GUNICORN_THREADS
    assert workers == 4
    assert 0 < count <= workers * (pool_min + threads), count
