"""Podcast pages in a real browser: the video calls nobody before the click, and the
show and episode pages pass axe's WCAG 2.2 A/AA checks."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations, describe

SHOW = "/en/justice-journal/"
VIDEO_EPISODE = "/en/justice-journal/human-trafficking-part-1/"
AUDIO_EPISODE = "/en/justice-journal/sample-episode/"
PLAYER_PAGE = "<!doctype html><title>Player</title><p>player</p>"


def hosts(urls):
    return {urlsplit(url).hostname for url in urls}


def test_video_loads_nothing_from_youtube_until_the_visitor_presses_play(page, network, visit):
    network.serve("https://www.youtube-nocookie.com/**", body=PLAYER_PAGE)
    visit(page, VIDEO_EPISODE, wait_until="networkidle")

    assert network.offsite() == [], f"before the click the page asked for {network.offsite()}"
    assert page.locator("iframe").count() == 0

    # Wait for the player's own request: "network idle" can come before the frame asks.
    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role(
            "link", name="Play video: Justice Journal: human trafficking, part 1"
        ).click()

    player = page.locator("[data-video] iframe")
    expect(player).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/G51vo2oVVwE?autoplay=1"
    )
    page.wait_for_load_state("networkidle")
    offsite = network.offsite()
    assert offsite, "the click loaded no player"
    assert hosts(offsite) == {"www.youtube-nocookie.com"}, f"after the click: {offsite}"


def test_without_javascript_the_video_is_a_plain_link(new_context, visit):
    context, network = new_context(java_script_enabled=False)
    page = context.new_page()
    visit(page, VIDEO_EPISODE, wait_until="networkidle")
    link = page.locator("a[data-video-play]")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=G51vo2oVVwE"
    assert network.offsite() == []


def test_audio_player_fetches_nothing_until_played(page, network, visit, site_url):
    visit(page, AUDIO_EPISODE, wait_until="networkidle")
    audio_requests = [url for url in network.requests if "/podcasts/audio/" in url]
    assert audio_requests == [], f"preload=none, yet the page fetched {audio_requests}"
    assert network.offsite() == []
    # The file is there to play, by byte range as browsers ask for it.
    src = page.locator("audio source").get_attribute("src")
    response = page.request.get(site_url + src, headers={"Range": "bytes=0-99"})
    assert response.status == 206
    assert len(response.body()) == 100


@pytest.mark.parametrize("path", [SHOW, VIDEO_EPISODE, AUDIO_EPISODE])
def test_podcast_pages_have_no_wcag_violations(page, visit, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"


def test_episode_page_has_no_wcag_violations_once_the_player_is_open(page, network, visit):
    network.serve("https://www.youtube-nocookie.com/**", body=PLAYER_PAGE)
    visit(page, VIDEO_EPISODE, wait_until="networkidle")
    page.locator("a[data-video-play]").click()
    expect(page.locator("[data-video] iframe")).to_have_count(1)
    violations = axe_violations(page)
    assert not violations, f"{VIDEO_EPISODE} after play\n{describe(violations)}"
