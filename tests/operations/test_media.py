"""Local media without a bucket: renditions served by the site, nothing else under /media/.

The test settings keep files in memory (a local backend), so /media/ is routed to
operations/media.py as in production with local media. tests/scale/test_local_media.py
runs the same with the production settings under gunicorn.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image

from podcasts.models import AudioFile
from tests.factories import mp3_file, podcast_image_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(home):
    return Image.objects.create(
        title="Volunteers", file=podcast_image_file(400, 300, "JPEG", "volunteers.jpg")
    )


@pytest.fixture
def rendition(image):
    return image.get_rendition("fill-200x100|format-webp")


def body_of(response):
    return b"".join(response.streaming_content)


def test_a_rendition_is_served_with_its_type_and_a_long_immutable_cache(client, rendition):
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    with rendition.file.open("rb") as handle:
        whole = handle.read()
    assert body_of(response) == whole
    assert response["Content-Length"] == str(len(whole))
    assert "Last-Modified" in response
    assert not response.cookies


def test_head_and_range_and_conditional_requests(client, rendition):
    with rendition.file.open("rb") as handle:
        whole = handle.read()
    head = client.head(rendition.url)
    assert head.status_code == 200
    assert head["Content-Length"] == str(len(whole))
    assert head["Content-Type"] == "image/webp"

    part = client.get(rendition.url, HTTP_RANGE="bytes=0-9")
    assert part.status_code == 206
    assert body_of(part) == whole[:10]
    assert part["Content-Range"] == f"bytes 0-9/{len(whole)}"

    assert client.get(rendition.url, HTTP_RANGE="bytes=nonsense").status_code == 200
    assert client.get(rendition.url, HTTP_RANGE=f"bytes={len(whole)}-").status_code == 416

    again = client.get(rendition.url, HTTP_IF_MODIFIED_SINCE=head["Last-Modified"])
    assert again.status_code == 304


def test_post_is_refused(client, rendition):
    assert client.post(rendition.url).status_code == 405


def test_an_unknown_rendition_name_is_not_found(client, rendition):
    assert client.get("/media/images/not-a-rendition.jpg").status_code == 404


def test_original_uploads_are_for_editors_of_the_image_only(client, image):
    url = image.file.url
    assert url.startswith("/media/original_images/")
    assert client.get(url).status_code == 404
    editor = get_user_model().objects.create_superuser("editor", "", "e" * 16)
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]


def test_an_admin_user_without_rights_on_the_image_gets_no_original(client, image):
    """A partner account uses the admin but sees only its own collection's images."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("partner", "p@example.org", "p" * 16)
    user.groups.add(group)
    client.force_login(user)
    assert client.get(image.file.url).status_code == 404


def test_documents_and_audio_are_never_served_from_media(client, home):
    document = Document(title="Guide")
    document.file.save("guide.txt", ContentFile(b"A guide"), save=False)
    document.save()
    audio = AudioFile.objects.create(title="Talk", file=mp3_file(name="talk.mp3"))
    for name in (document.file.name, audio.file.name):
        assert client.get("/media/" + name).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/..%2f..%2fcoalition_site%2fsettings%2fbase.py",
        "/media/images/../original_images/volunteers.jpg",
        "/media/images/%2e%2e/%2e%2e/manage.py",
        "/media/images/",
        "/media/",
    ],
)
def test_no_path_leaves_the_renditions(client, rendition, path):
    assert client.get(path).status_code == 404
