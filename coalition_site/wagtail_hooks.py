from wagtail import hooks

from .queries import PageLinkHandler


@hooks.register("register_rich_text_features", order=100)
def link_pages_in_one_query(features):
    """Links to pages in rich text, found in one query instead of two (see PageLinkHandler).

    `order=100` runs this after Wagtail registers its own handler, which it replaces.
    """
    features.register_link_type(PageLinkHandler)
