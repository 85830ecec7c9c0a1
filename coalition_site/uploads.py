"""Image uploads that are refused with a form error, never a server error.

Wagtail checks an image's pixel count only after Willow has decoded the whole
file, so a picture whose header claims 49 megapixels is decoded in full first,
and a truncated file raises from deep inside Pillow (a 500). `SafeImageForm`
(set as `WAGTAILIMAGES_IMAGE_FORM_BASE`) gives the file field a check of the
header first: too many pixels is refused before anything is decoded, and a
file Pillow cannot decode is "not a valid image".
"""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        if hasattr(data, "read") and hasattr(data, "seek"):
            self.check_header(data)
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # Pillow's errors for broken files vary
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc

    def too_many_pixels(self, num_pixels):
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": num_pixels, "max_pixels_count": self.max_image_pixels},
            code="file_too_many_pixels",
        )

    def check_header(self, data):
        """Read only the image header; refuse what claims too many pixels."""
        position = data.tell()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(data) as image:
                    width, height = image.size
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            raise self.too_many_pixels("?") from None
        except Exception:  # noqa: BLE001 - not an image Pillow knows: Wagtail's checks decide
            return
        finally:
            data.seek(position)
        if self.max_image_pixels and width * height > self.max_image_pixels:
            raise self.too_many_pixels(width * height)


class SafeImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            # Same field, same widget and messages; only the checks above are added.
            field.__class__ = SafeImageField
