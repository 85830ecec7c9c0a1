"""Every page type, in English and Spanish, is valid HTML for the W3C Nu validator.

The demo site is loaded; every live page, filtered listings, search results and
the 404 page are rendered with the test client, written to a temporary folder
and checked in one run of the validator (one JVM start), errors only.

The validator is the `vnu-jar` npm package, run with Java. `.ci/run` installs
both (see `install_vnu` there); elsewhere the test is skipped when either is
missing, except on CI (`CI=true`), where it fails.
"""

import itertools
import json
import os
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Page

from search.query import searchable_types
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
# Where `.ci/run` puts the jar (`npm install --prefix .cache/vnu vnu-jar@…`); VNU_JAR overrides.
DEFAULT_JAR = REPO / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

VALIDATOR_MISSING = (
    "The Nu HTML validator needs Java and vnu.jar: apt-get install default-jre-headless; "
    "npm install --ignore-scripts --prefix .cache/vnu vnu-jar (as .ci/run does), or set VNU_JAR"
)

# Pages that are not one of the live pages: filtered listings (matching, and
# matching nothing with an unknown value), search results, an empty search, a
# search that finds nothing, and the 404 page; in both languages where they exist.
EXTRA_PATHS = [
    "/en/partners/?q=police&sector=law-enforcement",
    "/en/partners/?sector=faith",
    "/en/partners/?sector=nonsense",
    "/en/news/?kind=press-release",
    "/en/news/?kind=event&year=2020",
    "/en/news/?kind=nonsense",
    "/en/resources/?type=hotline&q=hotline",
    "/en/resources/?type=poster",
    "/es/recursos/?type=hotline&q=trata",
    "/es/recursos/?type=poster",
    "/en/search/",
    "/en/search/?q=hotline",
    "/en/search/?q=operation+hot+spots",
    "/en/search/?q=help&type=partner",
    "/en/search/?q=operation+hot+spots&type=press-release",
    "/en/search/?q=zzzzqqq",
    "/es/search/",
    "/es/search/?q=ayuda",
    "/es/search/?q=zzzzqqq",
    "/en/no-such-page/",
    "/es/no-such-page/",
]


def on_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


@pytest.fixture(scope="module")
def vnu():
    """The command that runs the validator; a skip (a failure on CI) if it cannot run."""
    java = shutil.which("java")
    jar = Path(os.environ.get("VNU_JAR") or DEFAULT_JAR)
    if java is None or not jar.is_file():
        if on_ci():
            pytest.fail(VALIDATOR_MISSING, pytrace=False)
        pytest.skip(VALIDATOR_MISSING)
    # The checker needs a deep stack; stopping at the first JIT tier starts it three times faster.
    java_options = ["-Xss8m", "-XX:TieredStopAtLevel=1"]
    return [java, *java_options, "-jar", str(jar), "--errors-only", "--format", "json"]


def live_pages():
    """Every live page of the demo site, in every language."""
    return list(Page.objects.live().exclude(depth=1).order_by("path").specific(defer=True))


def file_name(path):
    return re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") + ".html"


def render(client, paths, folder):
    """{file name: path} of every path rendered into `folder`."""
    written = {}
    for path in paths:
        response = client.get(path)
        expected = 404 if "no-such-page" in path else 200
        assert response.status_code == expected, f"{path} answered {response.status_code}"
        name = file_name(path)
        assert name not in written, f"{path} and {written[name]} share {name}"
        (folder / name).write_bytes(response.content)
        written[name] = path
    return written


def describe(message, written):
    """'/en/partners/:120: error: …' and the extract, for one message of the report."""
    name = (message.get("url") or "").rsplit("/", 1)[-1]
    where = f"{written.get(name, message.get('url'))}:{message.get('lastLine', '?')}"
    extract = " ".join((message.get("extract") or "").split())
    return f"{where}: {message.get('type')}: {message.get('message')}\n    {extract}"


@pytest.mark.validator
def test_every_page_is_valid_html(vnu, client, tmp_path):
    call_command("load_demo_content", stdout=StringIO())
    pages = live_pages()
    page_types = {type(page) for page in pages}
    assert page_types >= set(searchable_types().values()), "a page type is missing from the demo"
    assert {page.locale.language_code for page in pages} == {"en", "es"}
    written = render(client, [page.url for page in pages] + EXTRA_PATHS, tmp_path)

    files = [str(tmp_path / name) for name in sorted(written)]
    result = subprocess.run(
        [*vnu, *files], capture_output=True, text=True, timeout=600, check=False
    )
    # The JSON report goes to stderr; the exit status is 1 when there are errors.
    try:
        report = json.loads(result.stderr)
    except ValueError:
        report = {}
    assert "messages" in report, f"the validator did not report: {result.stderr[-2000:]}"
    problems = [describe(message, written) for message in report["messages"]]
    assert not problems, f"{len(problems)} HTML error(s):\n" + "\n".join(problems)


# Without the validator: the three faults it found, each checked on its own.

WHOLE_SECONDS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$")


def test_time_elements_give_whole_seconds(client, home):
    page = StandardPageFactory.build(title="Shelter", slug="shelter")
    home.add_child(instance=page)
    page.save_revision().publish()  # sets the date the result shows
    soup = BeautifulSoup(client.get("/en/search/?q=shelter").content, "html.parser")
    stamps = [time["datetime"] for time in soup.select(".search-result time")]
    assert stamps and all(WHOLE_SECONDS.match(stamp) for stamp in stamps), stamps


def test_partner_directory_filters_submit_to_it_and_cards_follow_the_h1(client, home):
    directory = PartnerIndexPageFactory.build(slug="partners")
    home.add_child(instance=directory)
    directory.add_child(instance=PartnerPageFactory.build(title="Harbor Light"))
    soup = BeautifulSoup(client.get("/en/partners/?sector=community").content, "html.parser")
    assert soup.select_one("form.filter-form")["action"] == "/en/partners/"
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    steps = [after - before for before, after in itertools.pairwise(levels)]
    assert levels[0] == 1 and max(steps) <= 1, levels
    assert soup.select_one(".card--partner .card__title").name == "h2"
