"""Documents: only office formats, a size limit, and downloads that cannot be sniffed or run."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.factories import DocumentFactory, document_file

Document = get_document_model()

ALLOWED = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "txt", "csv"}
ADD_URL = "/admin/documents/add/"


def upload(admin_client, name, content, content_type="application/octet-stream"):
    return admin_client.post(
        ADD_URL,
        {
            "title": f"Upload of {name}",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )


def test_the_allowlist_is_the_office_formats_and_nothing_else():
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == ALLOWED
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, content_type",
    [
        ("page.html", b"<script>alert(1)</script>", "text/html"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "image/svg+xml",
        ),
        ("setup.exe", b"MZ\x90\x00", "application/x-msdownload"),
        ("archive.zip", b"PK\x03\x04", "application/zip"),
        ("no-extension", b"plain", "text/plain"),
    ],
)
def test_a_disallowed_file_type_is_refused_with_a_message_and_not_stored(
    admin_client, name, content, content_type
):
    before = Document.objects.count()
    response = upload(admin_client, name, content, content_type)
    assert response.status_code == 200  # the form again, not a redirect to the listing
    page = response.content.decode()
    assert "The document could not be created due to errors." in page
    assert "is not allowed" in page and "Allowed extensions are" in page
    assert Document.objects.count() == before
    assert not default_storage.exists(f"documents/{name}")


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_with_a_message_and_not_stored(admin_client):
    before = Document.objects.count()
    too_big = b"0" * (settings.WAGTAILDOCS_MAX_UPLOAD_SIZE + 1)
    response = upload(admin_client, "huge-report.pdf", too_big, "application/pdf")
    assert response.status_code == 200
    page = response.content.decode()
    assert "This file is too big" in page and "Maximum filesize 20.0" in page
    assert Document.objects.count() == before
    assert not default_storage.exists("documents/huge-report.pdf")


@pytest.mark.django_db
def test_the_multiple_uploader_refuses_the_same_files(admin_client):
    before = Document.objects.count()
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("page.html", b"<p>hi</p>", content_type="text/html")},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "is not allowed" in response.json()["error_message"]
    assert Document.objects.count() == before


@pytest.mark.django_db
def test_an_allowed_file_is_stored_with_its_size(admin_client):
    before = Document.objects.count()
    response = upload(admin_client, "guide.docx", b"PK\x03\x04 word", "application/msword")
    assert response.status_code == 302
    assert Document.objects.count() == before + 1
    document = Document.objects.latest("pk")
    assert document.file_size == len(b"PK\x03\x04 word")


DOWNLOADS = [
    ("guide.pdf", "application/pdf", "inline"),
    (
        "form.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "attachment",
    ),
    ("figures.csv", "text/csv", "attachment"),
    ("notes.txt", "text/plain", "attachment"),
    ("old-form.doc", "application/msword", "attachment"),
    (
        "budget.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "attachment",
    ),
    ("slides.odp", "application/vnd.oasis.opendocument.presentation", "attachment"),
]


class RemoteLikeStorage(Storage):
    """Storage with a URL but no local path, as S3 is: Wagtail then streams the file itself."""

    files = {}

    def _save(self, name, content):
        self.files[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        return ContentFile(self.files[name], name=name)

    def exists(self, name):
        return name in self.files

    def size(self, name):
        return len(self.files[name])

    def url(self, name):
        return f"https://bucket.example/{name}"

    def delete(self, name):
        self.files.pop(name, None)


STORAGE_BACKENDS = {
    "local disk": "django.core.files.storage.FileSystemStorage",
    "remote (S3-like)": "tests.resources.test_documents.RemoteLikeStorage",
}


@pytest.fixture(params=list(STORAGE_BACKENDS))
def storage(request, tmp_path):
    storages = {**settings.STORAGES, "default": {"BACKEND": STORAGE_BACKENDS[request.param]}}
    with override_settings(STORAGES=storages, MEDIA_ROOT=tmp_path):
        yield request.param


@pytest.mark.django_db
@pytest.mark.parametrize("name, content_type, disposition", DOWNLOADS)
def test_downloads_carry_the_type_nosniff_and_the_disposition(
    client, storage, name, content_type, disposition
):
    document = DocumentFactory(file=document_file(name, b"a,b\n1,2\n"))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].split(";")[0] == disposition
    if disposition == "attachment":
        assert document.filename in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"a,b\n1,2\n"


@pytest.mark.django_db
def test_downloads_go_through_the_site_even_with_remote_storage(storage):
    # With S3 Wagtail would otherwise redirect to the bucket, whose headers we do not set.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    document = DocumentFactory(file=document_file("guide.pdf"))
    assert document.url == f"/documents/{document.pk}/{document.filename}"
