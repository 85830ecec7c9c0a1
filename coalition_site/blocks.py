"""StreamField blocks shared by every page type that has a body."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .rich_text import expand_rich_text

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def youtube_video_id(url):
    """The video id of a YouTube address, or None when it is not one."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        else:
            parts = parsed.path.strip("/").split("/")
            if len(parts) == 2 and parts[0] in {"embed", "shorts", "live"}:
                candidate = parts[1]
    if candidate and YOUTUBE_ID.match(candidate):
        return candidate
    return None


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Use level 2 for sections; level 3 and 4 only inside a section."),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading.html"
        label = _("Heading")
        description = _("A section heading that also shapes the page outline for screen readers.")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        help_text=_("Describe what the image shows, or mark it decorative if it adds nothing.")
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"
        label = _("Image")
        description = _("An image with alt text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"
        label = _("Quote")
        description = _("A quotation with who said it.")


class LinkValue(blocks.StructValue):
    @cached_property
    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    button_label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False, help_text=_("A page on this site…"))
    url = blocks.URLBlock(required=False, help_text=_("…or an address elsewhere."))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or enter an address, not both."))
                }
            )
        return value

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"
        value_class = LinkValue
        label = _("Call to action")
        description = _("A short invitation with one button, to a page or an address.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    label = blocks.CharBlock(
        required=False, max_length=200, help_text=_("Leave blank to use the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link.html"
        label = _("Document")
        description = _("A download link that shows the file's type and size.")


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("YouTube address"), help_text=_("For example https://youtu.be/…"))
    title = blocks.CharBlock(max_length=200, help_text=_("Names the video for screen readers."))
    poster = ImageChooserBlock(
        required=False,
        help_text=_("Shown until the visitor chooses to play. Nothing loads from YouTube before."),
    )

    def clean(self, value):
        value = super().clean(value)
        if not youtube_video_id(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Enter the address of a YouTube video."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        video_id = youtube_video_id(value.get("url"))
        context["embed_url"] = f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
        context["watch_url"] = f"https://www.youtube.com/watch?v={video_id}"
        return context

    class Meta:
        icon = "media"
        template = "components/blocks/video.html"
        label = _("Video")
        description = _(
            "A YouTube video behind a poster: the player loads, without cookies, only on click."
        )


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, help_text=_("For example 103 or 30+."))
    label = blocks.CharBlock(max_length=120)
    note = blocks.CharBlock(required=False, max_length=200, help_text=_("Source or period."))

    class Meta:
        icon = "table"
        template = "components/blocks/key_figure.html"
        label = _("Key figure")
        description = _("A number worth knowing, with what it counts.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Text"),
        description=_("Paragraphs, lists and links."),
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    video = VideoBlock()

    def render_basic(self, value, context=None):
        # The links of the whole body in a fixed number of queries.
        expand_rich_text(list(value))
        return super().render_basic(value, context)
