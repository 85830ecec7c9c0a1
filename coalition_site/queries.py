"""Fewer queries per page: routing in two, and a page body's links and images in bulk.

Routing. Wagtail walks the tree one level at a time: from the home page, two
queries per level (the child, then its specific type), and two more for view
restrictions (the page's ancestors, then their restrictions). A partner's page,
two levels down, costs six. `find_page` asks for the page by its URL path in
one query, which also says whether any restriction or alias applies on the way
down, then loads the specific page with the images and files it shows: two
queries at any depth. It is only a shortcut: when it finds nothing, Wagtail's
own walk runs, so a 404 or a page type that routes sub-paths itself behaves as
before. No page type of this site overrides `route()` (a test checks it), so
taking the shortcut skips nothing.

Bodies. Each rich-text block with a link to a page or a document costs two or
three queries when it renders, and each image its renditions; `prepare_stream`
does all the links of a body at once, and all its images' renditions in one query.
"""

import copy
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.template.loader import render_to_string
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText, expand_db_html
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler

# ---------------------------------------------------------------- routing


@cache
def own_foreign_keys(model):
    """The foreign keys a page type adds to Page (images, documents, audio…)."""
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if field.many_to_one and field.model is model
    )


def restriction_flags():
    """Annotations: a view restriction on the page or an ancestor; an alias on the way down."""
    on_the_way_down = Substr(OuterRef("path"), 1, Length("path"))
    return {
        "route_restricted": Exists(
            PageViewRestriction.objects.filter(
                page__path=Substr(OuterRef("path"), 1, Length("page__path"))
            )
        ),
        "route_aliased": Exists(Page.objects.filter(path=on_the_way_down, alias_of__isnull=False)),
    }


def expected_model(root, path_components, request):
    """The one page type that can be at `path_components`, if the site's data tells it.

    A child of a home page (in any language) has the type recorded in the site data; a grandchild
    has the one type its parent allows below it (a news item under the news index).
    """
    from .cache import site_data

    data = site_data(request)
    homes = data.homes.values() if data is not None else ()
    if not any(home.pk == root.pk for home in homes) or len(path_components) > 2:
        return None
    content_type_id = data.child_types.get(root.url_path + path_components[0] + "/")
    if content_type_id is None:
        return None
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or len(path_components) == 1:
        return model
    allowed = model.clean_subpage_models()
    return allowed[0] if len(allowed) == 1 else None


def translation_flags(homes):
    """Annotations: the url_path of the page's live translation in each public language.

    The language switcher and the hreflang links read them (coalition_site.i18n),
    so they cost no query of their own.
    """
    return {
        f"route_translation_{index}": Subquery(
            Page.objects.filter(
                translation_key=OuterRef("translation_key"), locale_id=home.locale_id, live=True
            ).values("url_path")[:1]
        )
        for index, home in enumerate(homes.values())
    }


def load(model, root, url_path, slug, request=None):
    """The `model` page at `url_path` below `root`, with its restriction flags, or None."""
    from .cache import site_data

    data = site_data(request)
    homes = data.homes if data is not None and len(data.homes) > 1 else {}
    found = list(
        model._default_manager.filter(slug=slug, url_path=url_path, path__startswith=root.path)
        .annotate(**restriction_flags(), **translation_flags(homes))
        .select_related(*own_foreign_keys(model))[:1]
    )
    if not found:
        return None
    page = found[0]
    page._no_view_restrictions = not (page.route_restricted or page.route_aliased)
    if homes:
        paths = (getattr(page, f"route_translation_{i}") for i in range(len(homes)))
        page._translation_url_paths = {
            language: path for language, path in zip(homes, paths, strict=True) if path
        }
    return page


def find_page(root, path_components, request=None):
    """The page at `path_components` below `root`, as its specific type, or None.

    One query when the site data tells which type the page must be, two otherwise.
    Sets `_no_view_restrictions` on the page when neither it nor any ancestor has a
    view restriction or is an alias, so that serving it needs no further query.
    """
    if not path_components:
        return None
    url_path = root.url_path + "/".join(path_components) + "/"
    slug = path_components[-1]
    model = expected_model(root, path_components, request)
    if model is not None:
        page = load(model, root, url_path, slug, request)
        if page is not None:
            return page
    row = (
        Page.objects.filter(slug=slug, url_path=url_path, path__startswith=root.path)
        .values_list("content_type_id", flat=True)
        .first()
    )
    model = ContentType.objects.get_for_id(row).model_class() if row else None
    return load(model, root, url_path, slug, request) if model is not None else None


def route(root, request, path_components):
    """What `root.route()` returns for `path_components`, or None to let Wagtail walk."""
    page = find_page(root, path_components, request)
    if page is None:
        return None
    return page.route(request, [])


def view_restrictions(page, default):
    """`page.get_view_restrictions()`, without a query when routing found none."""
    if getattr(page, "_no_view_restrictions", False):
        return PageViewRestriction.objects.none()
    return default()


# ---------------------------------------------------------------- page bodies


class PageLinkHandler(WagtailPageLinkHandler):
    """Links to pages in rich text, in one query.

    Wagtail loads each linked page as its specific type (two queries) in case a
    type builds its URL its own way; none of ours does (a test checks it), so the
    URL path is enough.
    """

    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        pages = Page.objects.filter(id__in=[i for i in ids if i.isdigit()]).only(
            "id", "url_path", "locale", "live", "translation_key"
        )
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(i) for i in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # A link to a page goes to its translation in the reader's language when
        # there is one, as in Wagtail, but for all links at once (coalition_site.i18n).
        from .i18n import localize_many

        return [
            f'<a href="{escape(page.url)}">' if page else "<a>"
            for page in localize_many(cls.get_many(attrs_list))
        ]


SPLIT = "<!--coalition-rich-text-split-->"


class ExpandedRichText(RichText):
    """A RichText whose links were already expanded along with others."""

    def __init__(self, source, html):
        super().__init__(source)
        self.html = html

    def __html__(self):
        return render_to_string("wagtailcore/shared/richtext.html", {"html": self.html})


def expand_rich_text(children):
    """Expand the links of several rich-text stream children with one lookup per link type."""
    children = [
        child
        for child in children
        if isinstance(child.value, RichText)
        and not isinstance(child.value, ExpandedRichText)
        and "linktype=" in child.value.source
    ]
    if len(children) < 2:
        return
    sources = [child.value.source for child in children]
    if any(SPLIT in source for source in sources):
        return
    parts = expand_db_html(SPLIT.join(sources)).split(SPLIT)
    if len(parts) != len(children):
        return
    for child, html in zip(children, parts, strict=True):
        child.value = ExpandedRichText(child.value.source, html)


# The renditions the body's blocks render: these must match the {% picture %} tag in
# templates/components/blocks/figure.html and the {% image %} tag in video.html.
FIGURE_SPECS = tuple(Filter.expand_spec("format-{avif,webp,jpeg} width-{480,800,1200}"))
POSTER_SPECS = ("fill-960x540",)


def rendition_cache_keys(image, specs):
    """{Wagtail's rendition cache key: spec} for this image's renditions for `specs`."""
    rendition_model = image.get_rendition_model()
    keys = {}
    for spec in specs:
        image_filter = image.clean_filter_for_svg(Filter(spec=spec))
        keys[
            rendition_model.construct_cache_key(
                image, image_filter.get_cache_key(image), image_filter.spec
            )
        ] = spec
    return keys


def prefetch_renditions(images_and_specs):
    """Give every image its renditions, as Wagtail's prefetch would: at most one query.

    What Wagtail's rendition cache holds is used first (all images' keys in one
    cache read); the images it lacks anything for get all their renditions from
    the database in one query.
    """
    pending = [
        (image, specs)
        for image, specs in images_and_specs
        if not hasattr(image, "prefetched_renditions")
    ]
    if not pending:
        return
    rendition_model = get_image_model().get_rendition_model()
    keys_by_image = [(image, rendition_cache_keys(image, specs)) for image, specs in pending]
    all_keys = [key for _image, keys in keys_by_image for key in keys]
    found = rendition_model.cache_backend.get_many(all_keys)
    missing = []
    for image, keys in keys_by_image:
        if all(key in found for key in keys):
            attach(image, [found[key] for key in keys])
        else:
            missing.append(image)
    if missing:
        renditions = {}
        for rendition in rendition_model.objects.filter(image_id__in={i.pk for i in missing}):
            renditions.setdefault(rendition.image_id, []).append(rendition)
        for image in missing:
            attach(image, renditions.get(image.pk, []))


def attach(image, renditions):
    # A copy per image: two blocks may show one image with different alt text,
    # which a rendition reads from its image.
    image.prefetched_renditions = []
    for rendition in renditions:
        own = copy.copy(rendition)
        own.image = image
        image.prefetched_renditions.append(own)


def stream_images(children):
    """(image, the specs its block renders) for every image in these stream children."""
    image_model = get_image_model()
    for child in children:
        value = child.value
        if child.block_type == "image" and isinstance(value.get("image"), image_model):
            yield value["image"], FIGURE_SPECS
        elif child.block_type == "video" and isinstance(value.get("poster"), image_model):
            yield value["poster"], POSTER_SPECS


def prepare_stream(value):
    """Get a StreamField value ready to render in a fixed number of queries."""
    children = list(value)
    expand_rich_text(children)
    prefetch_renditions(list(stream_images(children)))
