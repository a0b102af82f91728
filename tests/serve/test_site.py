"""The release's static site (``site/``), served: the pages of the resources, and every link
they hold that stays on the server answers 200 (relative links, pictures, the ontology's page,
the release's files)."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

from serve.conftest import PYONGYANG

JOURNEY = "/djo/id/event/moscow-times-2021-02-26-handcar.journey.html"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def local_links(page: str, html: str) -> set[str]:
    links = Links()
    links.feed(html)
    found = set()
    for link in links.found:
        target = urlsplit(urljoin("http://testserver" + page, link))
        if target.netloc == "testserver":
            found.add(target.path + (f"?{target.query}" if target.query else ""))
    return found


@pytest.mark.parametrize("page", ["/djo/id/", PYONGYANG + ".html", JOURNEY])
def test_every_local_link_of_a_site_page_answers(client, release, page) -> None:
    if not (release / "site" / "index.html").is_file():
        pytest.skip("this release has no static site")
    answer = client.get(page)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    links = local_links(page, answer.text)
    assert len(links) > 5
    for link in sorted(links):
        assert client.get(link, follow_redirects=True).status_code == 200, (page, link)


def test_the_home_page_is_the_site_index(client, release) -> None:
    if not (release / "site" / "index.html").is_file():
        pytest.skip("this release has no static site")
    home = client.get("/")
    assert home.status_code == 303 and home.headers["location"] == "/djo/id/"
    assert client.get("/djo/id/").content == (release / "site" / "index.html").read_bytes()
    assert client.get(PYONGYANG + ".html").content == (
        release / "site" / "place" / "pyongyang.html").read_bytes()
