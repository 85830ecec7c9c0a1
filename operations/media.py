"""Local media in production: image renditions served by the site itself.

With no S3 bucket (README, "Configuration"), uploads stay in MEDIA_ROOT on the
server's disk and nothing else serves /media/. These views serve from there
exactly what a bucket would make public, and nothing more:

- `/media/images/<name>`: an image rendition, to anyone. A rendition's file
  name changes whenever the image or its focal point changes, so it is cached
  for a year as immutable.
- `/media/original_images/<name>`: an original upload, only to people who may
  edit or choose that image in the admin (a partner: its own collection's);
  pages never link originals, and on S3 they are private too.

Documents are served only by Wagtail's serve view (`/documents/…`, which checks
collection privacy), podcast audio only by `/podcasts/audio/…` (which checks
publication), and nothing else under MEDIA_ROOT is served at all. A name is
served only if the database knows that file, so no path can leave the folder.
"""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseNotModified
from django.urls import path
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import was_modified_since
from wagtail.images import get_image_model, get_permission_policy

from .ranges import ranged_file_response

# Storage backends whose files have no address of their own: the site serves them.
LOCAL_BACKENDS = {
    "django.core.files.storage.FileSystemStorage",
    "django.core.files.storage.InMemoryStorage",
}
# The types WAGTAILIMAGES_EXTENSIONS allows (renditions may also be converted to these).
IMAGE_TYPES = {
    "avif": "image/avif",
    "gif": "image/gif",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "ico": "image/x-icon",
}
IMMUTABLE = "public, max-age=31536000, immutable"


def serves_local_media():
    """True when media is on this server's disk (no bucket), so the site must serve it."""
    return settings.STORAGES["default"]["BACKEND"] in LOCAL_BACKENDS


def content_type_for(name):
    return IMAGE_TYPES.get(name.rpartition(".")[2].lower())


def stored_file(request, name, cache_control):
    """The response for a file in the default storage, or 404 if it is not there."""
    content_type = content_type_for(name)
    if content_type is None:
        raise Http404
    try:
        modified = default_storage.get_modified_time(name)
    except (FileNotFoundError, OSError, NotImplementedError) as error:
        raise Http404 from error
    last_modified = int(modified.timestamp())
    if not was_modified_since(request.headers.get("If-Modified-Since"), last_modified):
        response = HttpResponseNotModified()
    else:
        try:
            response = ranged_file_response(request, default_storage, name, content_type)
        except (FileNotFoundError, OSError) as error:
            raise Http404 from error
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = cache_control
    return response


@require_safe
def serve_rendition(request, filename):
    name = f"images/{filename}"
    if not get_image_model().get_rendition_model().objects.filter(file=name).exists():
        raise Http404
    return stored_file(request, name, IMMUTABLE)


@require_safe
def serve_original(request, filename):
    """An original upload, for someone who may edit or choose that image in the admin."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404
    image = get_image_model().objects.filter(file=f"original_images/{filename}").first()
    if image is None or not get_permission_policy().user_has_any_permission_for_instance(
        request.user, ["change", "choose"], image
    ):
        raise Http404
    return stored_file(request, image.file.name, "private, no-store")


# `str` matches no slash: a name is one file directly in its folder.
urlpatterns = [
    path("media/images/<str:filename>", serve_rendition, name="media_rendition"),
    path("media/original_images/<str:filename>", serve_original, name="media_original"),
]
