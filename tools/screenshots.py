"""Full-page screenshots of one page of each type, at 390 and 1280px, both languages, printed.

    make screenshots        # a fresh demo site on a throwaway SQLite database
    DATABASE_URL=... .venv/bin/python tools/screenshots.py --url http://127.0.0.1:8000
                            # a site already running, on the database DATABASE_URL names

Writes PNGs to screenshots/ (not committed): <language>-<page type>-390.png,
...-1280.png and ...-print.png (the print styles, at Letter width), and
...-390-first.png, the first screen of a 390 x 844 phone as a visitor sees it,
with the sticky hotline bar and the quick exit where they stay. Every page
of the main pages' types (standard pages, forms, Get help) is taken, named
by its slug as well: that is where the safety wording and the press room
are. Images that load lazily are loaded before the picture is taken. Uses
Playwright with Debian's Chromium (apt-get install chromium). Nothing is
fetched from other sites: every request that is not to the site is aborted.
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "screenshots"
CHROMIUM = "/usr/bin/chromium"
WIDTHS = {390: 844, 1280: 800}
PRINT_WIDTH = 816  # US Letter at 96 dpi

# One live page of each type in each language, found in the database the site runs on;
# of the main pages' types, every page, named by its slug as well.
FIND_PAGES = """
import json
from wagtail.models import Page
EVERY_PAGE_OF = {"StandardPage", "FormPage", "GetHelpPage"}
found = {}
for page in Page.objects.live().public().specific().order_by("path"):
    if page.depth < 2:
        continue
    key = f"{page.locale.language_code}-{type(page).__name__}"
    if type(page).__name__ in EVERY_PAGE_OF:
        key = f"{key}-{page.slug}"
    found.setdefault(key, page.url)
WORD_FOR_HELP = {"en": "help", "es": "ayuda"}
for language in sorted({key.split("-")[0] for key in found}):
    word = WORD_FOR_HELP.get(language, "help")
    found[f"{language}-SearchResults"] = f"/{language}/search/?q={word}"
print(json.dumps(found))
"""

# Lazy images below the fold load only when scrolled to: load them all first.
LOAD_IMAGES = """async () => {
  const images = [...document.images];
  images.forEach((image) => { image.loading = "eager"; });
  await Promise.all(images.map((image) => image.decode().catch(() => null)));
}"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    if capture:
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
    return ""


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The site did not answer at {url}")


def page_list(env):
    output = manage(env, "shell", "--no-imports", "-c", FIND_PAGES, capture=True)
    return json.loads(output.strip().splitlines()[-1])


def shoot(base_url, pages):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(exist_ok=True)
    site = urlsplit(base_url)

    def guard(route, request):
        target = urlsplit(request.url)
        if (target.hostname, target.port) == (site.hostname, site.port):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width, height in WIDTHS.items():
            phone = width < 600
            context = browser.new_context(
                viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
            )
            context.route("**/*", guard)
            page = context.new_page()
            for name, path in pages.items():
                page.goto(base_url + path, wait_until="networkidle")
                if phone:
                    target = OUTPUT / f"{name}-{width}-first.png"
                    page.screenshot(path=target)
                    written.append(target)
                page.evaluate(LOAD_IMAGES)
                target = OUTPUT / f"{name}-{width}.png"
                page.screenshot(path=target, full_page=True)
                written.append(target)
            context.close()
        context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1056})
        context.route("**/*", guard)
        page = context.new_page()
        page.emulate_media(media="print")
        for name, path in pages.items():
            page.goto(base_url + path, wait_until="networkidle")
            page.evaluate(LOAD_IMAGES)
            target = OUTPUT / f"{name}-print.png"
            page.screenshot(path=target, full_page=True)
            written.append(target)
        browser.close()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url", help="a running site with the demo content, e.g. http://127.0.0.1:8000"
    )
    options = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit("Chromium not installed: apt-get install chromium")

    env = dict(os.environ, DJANGO_SETTINGS_MODULE="coalition_site.settings.dev")
    if options.url:
        written = shoot(options.url.rstrip("/"), page_list(env))
    else:
        with tempfile.TemporaryDirectory() as folder:
            env["DATABASE_URL"] = f"sqlite:///{folder}/screenshots.sqlite3"
            env["MEDIA_ROOT"] = f"{folder}/media"
            manage(env, "migrate", "--no-input")
            manage(env, "load_demo_content")
            pages = page_list(env)
            port = free_port()
            server = subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "manage.py"),
                    "runserver",
                    f"127.0.0.1:{port}",
                    "--noreload",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                base_url = f"http://127.0.0.1:{port}"
                wait_for(base_url + "/en/")
                written = shoot(base_url, pages)
            finally:
                server.terminate()
                server.wait(timeout=10)
    print(f"{len(written)} screenshots in {OUTPUT.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
