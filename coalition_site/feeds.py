"""What the site's feeds (news, podcasts) share."""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed


class TypedSelfLinkMixin:
    """Write the feed's link to itself with the feed's type, which Django leaves out."""

    self_link_element = "link"
    mime_type = ""

    def add_root_elements(self, handler):
        feed_url, self.feed["feed_url"] = self.feed["feed_url"], None
        super().add_root_elements(handler)
        self.feed["feed_url"] = feed_url
        if feed_url:
            handler.addQuickElement(
                self.self_link_element,
                None,
                {"rel": "self", "type": self.mime_type, "href": feed_url},
            )


class RssFeed(TypedSelfLinkMixin, Rss201rev2Feed):
    """RSS 2.0 with `<atom:link rel="self" type="application/rss+xml">`."""

    self_link_element = "atom:link"
    mime_type = "application/rss+xml"


class AtomFeed(TypedSelfLinkMixin, Atom1Feed):
    """Atom 1.0 with `<link rel="self" type="application/atom+xml">`."""

    mime_type = "application/atom+xml"
