import pytest
from bs4 import BeautifulSoup
from wagtail.blocks import StructBlockValidationError

from coalition_site.blocks import BodyBlock, CallToActionBlock, VideoBlock, youtube_video_id


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://youtu.be/G51vo2oVVwE", "G51vo2oVVwE"),
        ("https://www.youtube.com/watch?v=UOwE6DGJQIk&t=10", "UOwE6DGJQIk"),
        ("https://m.youtube.com/watch?v=UOwE6DGJQIk", "UOwE6DGJQIk"),
        ("https://www.youtube-nocookie.com/embed/G51vo2oVVwE", "G51vo2oVVwE"),
        ("https://www.youtube.com/shorts/G51vo2oVVwE", "G51vo2oVVwE"),
        ("https://vimeo.com/12345", None),
        ("https://youtu.be/too-short", None),
        ("https://evil.example/watch?v=G51vo2oVVwE", None),
        ("javascript:alert(1)", None),
        ("", None),
    ],
)
def test_youtube_video_id(url, expected):
    assert youtube_video_id(url) == expected


def test_video_block_rejects_addresses_that_are_not_youtube():
    block = VideoBlock()
    value = block.to_python({"url": "https://vimeo.com/12345", "title": "A talk", "poster": None})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_video_renders_a_facade_that_loads_nothing_until_clicked():
    block = BodyBlock()
    value = block.to_python(
        [{"type": "video", "value": {"url": "https://youtu.be/G51vo2oVVwE", "title": "Part 1"}}]
    )
    soup = BeautifulSoup(block.render(value), "html.parser")
    assert soup.find("iframe") is None
    assert soup.find("img") is None  # no YouTube thumbnail is fetched
    figure = soup.select_one("[data-video]")
    assert figure["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/G51vo2oVVwE")
    play = soup.select_one("[data-video-play]")
    assert play["href"] == "https://www.youtube.com/watch?v=G51vo2oVVwE"
    assert "Part 1" in play.get_text()


def test_call_to_action_needs_exactly_one_destination():
    block = CallToActionBlock()
    neither = block.to_python({"heading": "Help", "button_label": "Go", "page": None, "url": ""})
    with pytest.raises(StructBlockValidationError):
        block.clean(neither)
    url_only = block.to_python(
        {"heading": "Help", "button_label": "Go", "page": None, "url": "https://example.org/"}
    )
    assert block.clean(url_only)["url"] == "https://example.org/"
