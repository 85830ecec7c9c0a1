"""Uploads through the admin: refused files leave nothing behind, names are made safe,
and documents in a private collection stay private."""

import io
import json
import struct
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

BOUNDARY = "----sacramento-together-test-boundary"


# ---------------------------------------------------------------- files


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A tiny PNG whose header claims `width` x `height` greyscale pixels.

    A decompression bomb in miniature: a few hundred bytes that would need
    width*height bytes of memory to decode. Nothing may ever decode it.
    """
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", rows)
        + png_chunk(b"IEND", b"")
    )


def real_png(size=(40, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (12, 90, 120)).save(buffer, "PNG")
    return buffer.getvalue()


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def multipart(fields, file_field, filename, content, content_type="application/octet-stream"):
    """A multipart body written by hand, so the file name is sent exactly as given.

    Django's test client would strip directories from the name before sending it.
    """
    parts = []
    for name, value in fields.items():
        disposition = f'Content-Disposition: form-data; name="{name}"'
        parts.append(f"--{BOUNDARY}\r\n{disposition}\r\n\r\n{value}\r\n".encode())
    parts.append(
        (
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n"
        ).encode("utf-8", "surrogateescape")
        + content
        + b"\r\n"
    )
    parts.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(parts)


def post_file(client, url, fields, file_field, filename, content, **extra):
    body = multipart(fields, file_field, filename, content)
    return client.post(
        url, data=body, content_type=f"multipart/form-data; boundary={BOUNDARY}", **extra
    )


def stored_files(folder):
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return []


@pytest.fixture(autouse=True)
def empty_media(file_storage):
    """Every test starts with an empty media folder of its own."""


@pytest.fixture
def editor(client, home):
    user = get_user_model().objects.create_superuser("uploader", password="p" * 16)
    client.force_login(user)
    return user


@pytest.fixture
def root_collection():
    return Collection.get_first_root_node()


# ---------------------------------------------------------------- images


def add_image(client, collection, filename, content):
    fields = {"title": "Upload", "collection": collection.pk, "tags": ""}
    return post_file(client, "/admin/images/add/", fields, "file", filename, content)


def add_image_in_bulk(client, filename, content):
    return post_file(
        client,
        "/admin/images/multiple/add/",
        {},
        "files[]",
        filename,
        content,
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


REFUSED_IMAGES = {
    "too-many-pixels": ("big.png", png_claiming(7000, 7000), "too many pixels"),
    "decompression-bomb": ("bomb.png", png_claiming(30000, 30000), "too many pixels"),
    "svg": ("drawing.svg", SVG, "Not a supported image format"),
    "svg-named-png": ("drawing.png", SVG, "does not match the file format"),
    "truncated-png": ("cut.png", real_png((300, 200))[:120], "Upload a valid image"),
    "text-named-png": ("notes.png", b"just some text, not an image", "Upload a valid image"),
    "png-named-jpg": ("photo.jpg", real_png(), "does not match the file format"),
}


def test_the_pixel_limit_is_40_megapixels_and_svg_is_not_allowed(settings):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    from wagtail.images.utils import get_allowed_image_extensions

    assert "svg" not in get_allowed_image_extensions()


@pytest.mark.parametrize("case", list(REFUSED_IMAGES))
def test_refused_images_get_a_form_error_and_store_nothing(client, editor, root_collection, case):
    filename, content, message = REFUSED_IMAGES[case]
    response = add_image(client, root_collection, filename, content)
    assert response.status_code == 200  # the form again, not a 500
    assert message in response.content.decode()
    assert Image.objects.count() == 0
    assert stored_files("original_images") == []


@pytest.mark.parametrize("case", list(REFUSED_IMAGES))
def test_refused_images_in_bulk_upload_get_an_error_and_store_nothing(client, editor, case):
    filename, content, message = REFUSED_IMAGES[case]
    response = add_image_in_bulk(client, filename, content)
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert message in answer["error_message"]
    assert Image.objects.count() == 0
    assert stored_files("original_images") == []


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=2_000)
def test_an_image_over_the_size_limit_is_refused(client, editor, root_collection):
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 400), 90).save(buffer, "PNG")
    content = buffer.getvalue()
    assert len(content) > 2_000
    response = add_image(client, root_collection, "noise.png", content)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert Image.objects.count() == 0
    assert stored_files("original_images") == []


@pytest.mark.parametrize(
    "filename",
    [
        "../../etc/passwd.png",
        "..\\..\\windows\\system.png",
        "/var/www/static/site.png",
        "pic\x07ture\x01 name.png",
        "%2e%2e%2fescape.png",
    ],
)
def test_image_file_names_are_made_safe(client, editor, root_collection, filename):
    response = add_image(client, root_collection, filename, real_png())
    assert response.status_code == 302, response.content.decode()[:500]
    image = Image.objects.get()
    folder, name = image.file.name.split("/", 1)
    assert folder == "original_images"
    assert "/" not in name and "\\" not in name and ".." not in name
    assert name.isprintable() and " " not in name
    assert name.endswith(".png")


def test_a_good_image_is_stored(client, editor, root_collection):
    response = add_image(client, root_collection, "harbour.png", real_png())
    assert response.status_code == 302
    assert Image.objects.get().file.name.startswith("original_images/harbour")


# ---------------------------------------------------------------- documents


def add_document(client, collection, filename, content):
    fields = {"title": "Upload", "collection": collection.pk, "tags": ""}
    return post_file(client, "/admin/documents/add/", fields, "file", filename, content)


@pytest.mark.parametrize(
    "filename, content",
    [
        ("page.html", b"<script>alert(1)</script>"),
        ("drawing.svg", SVG),
        ("setup.exe", b"MZ\x90\x00"),
        ("shell.php", b"<?php system($_GET['c']); ?>"),
        ("archive.zip", b"PK\x03\x04"),
        ("no-extension", b"plain"),
    ],
)
def test_documents_outside_the_allowlist_are_refused(
    client, editor, root_collection, filename, content
):
    response = add_document(client, root_collection, filename, content)
    assert response.status_code == 200
    assert "File extension" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files("documents") == []


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1_000)
def test_a_document_over_the_size_limit_is_refused(client, editor, root_collection):
    response = add_document(client, root_collection, "long.txt", b"x" * 5_000)
    assert response.status_code == 200
    assert "too big" in response.content.decode()
    assert Document.objects.count() == 0
    assert stored_files("documents") == []


@pytest.mark.parametrize(
    "filename",
    ["../../../settings.py.txt", "..\\..\\boot.ini.txt", "re\x00port\x1b.txt", "/etc/hosts.txt"],
)
def test_document_file_names_are_made_safe(client, editor, root_collection, filename):
    response = add_document(client, root_collection, filename, b"plain text")
    assert response.status_code == 302, response.content.decode()[:500]
    document = Document.objects.get()
    folder, name = document.file.name.split("/", 1)
    assert folder == "documents"
    assert "/" not in name and "\\" not in name and ".." not in name
    assert name.isprintable()
    assert name.endswith(".txt")


# ---------------------------------------------------------------- private documents


@pytest.fixture
def private_document(root_collection):
    private = root_collection.add_child(name="Coalition members only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = Document(title="Members' contact list", collection=private)
    document.file.save("members.txt", ContentFile(b"Names and numbers"), save=False)
    document.save()
    return document


@pytest.fixture
def password_document(root_collection):
    private = root_collection.add_child(name="Shared with a password")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="a-shared-secret",
    )
    document = Document(title="Training notes", collection=private)
    document.file.save("training.txt", ContentFile(b"Training notes"), save=False)
    document.save()
    return document


def test_a_private_collection_document_sends_anonymous_visitors_to_sign_in(
    client, home, private_document
):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert b"Names and numbers" not in response.content


def test_a_private_collection_document_is_served_to_a_signed_in_user(
    client, home, private_document
):
    user = get_user_model().objects.create_user("member", password="m" * 16)
    client.force_login(user)
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Names and numbers"


def test_a_password_collection_document_asks_for_the_password(client, home, password_document):
    response = client.get(password_document.url)
    assert response.status_code == 200
    assert b"Training notes" not in b"".join(getattr(response, "streaming_content", [b""]))
    assert b'name="password"' in response.content


def test_private_documents_are_not_served_from_the_media_url(client, home, private_document):
    response = client.get("/media/" + private_document.file.name)
    assert response.status_code == 404


def test_no_shared_cache_may_keep_a_private_document(client, home, private_document):
    """A CDN that keeps files by their extension must not hand an editor's copy to anyone."""
    user = get_user_model().objects.create_user("keeper", password="k" * 16)
    client.force_login(user)
    response = client.get(private_document.url)
    assert response.status_code == 200
    control = response["Cache-Control"]
    assert "private" in control
    assert "public" not in control
