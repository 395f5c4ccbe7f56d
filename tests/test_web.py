"""The page in real Chromium: record with a fake camera showing a real face, upload,
follow the analysis, review, seek from the transcript, see the attempt in history,
delete it. Screenshots are kept under test-artifacts/."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, chromium_args, fake_devices
from tests.conftest import IN_CI, ROOT, TESTDATA, need
from tests.server import Server

pytestmark = pytest.mark.model
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path, Path]]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("Debian's chromium must be installed in CI")
        pytest.skip("chromium not installed")
    tmp = tmp_path_factory.mktemp("web")
    y4m, wav = fake_devices(need(TESTDATA / "video" / "talking_head_1.mp4"), tmp)
    server = Server(tmp / "data", tmp_path_factory.getbasetemp() / "models-web").start(180)
    yield server, y4m, wav
    server.stop()


def launch(playwright, profile: Path, args: list[str]):  # type: ignore[no-untyped-def]
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=args
    )


def shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_record_review_seek_history_delete(browser_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect, sync_playwright

    server, y4m, wav = browser_env
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile", chromium_args(y4m, wav))
        ctx.grant_permissions(["camera", "microphone"], origin=server.url)
        page = ctx.new_page()
        page.goto(server.url)
        page.wait_for_selector("#question option", state="attached")
        page.select_option("#role", "general")
        page.select_option("#question", "mot-about-you")
        shot(page, "1-question")

        page.get_by_role("button", name="Start camera").click()
        expect(page.get_by_role("button", name="Record", exact=True)).to_be_enabled()
        page.get_by_role("button", name="Record", exact=True).click()
        expect(page.locator("#timer")).to_be_visible(timeout=10_000)
        time.sleep(7)
        shot(page, "2-recording")
        page.get_by_role("button", name="Stop", exact=True).click()

        expect(page.locator("#results")).to_be_visible(timeout=120_000)
        shot(page, "3-results")
        expect(page.locator("#scores .score").first).to_be_visible()
        assert page.locator("#improvements > li").count() <= 3
        words = page.locator("#transcript .word")
        assert words.count() >= 5
        assert page.locator("#timeline rect").count() > 0

        # A recorded webm has no duration in its header; the backend measured it.
        target = words.nth(words.count() // 2)
        start = float(target.get_attribute("data-start"))
        page.wait_for_function("document.getElementById('playback').readyState >= 1")
        target.click()
        page.wait_for_function(
            f"Math.abs(document.getElementById('playback').currentTime - {start}) < 0.3"
        )

        attempts = page.locator("#attempts > li")
        expect(attempts).to_have_count(1)
        expect(attempts.first).to_contain_text("video")
        page.once("dialog", lambda d: d.accept())
        attempts.first.get_by_role("button", name="Delete").click()
        expect(attempts).to_have_count(0)
        expect(page.locator("#no-attempts")).to_be_visible()
        shot(page, "4-deleted")

        page.set_viewport_size({"width": 360, "height": 800})
        shot(page, "5-narrow")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"page scrolls sideways at 360 px ({width} px)"
        ctx.close()


def test_typed_answer_in_the_page(browser_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect, sync_playwright

    server, y4m, wav = browser_env
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile", chromium_args(y4m, wav))
        page = ctx.new_page()
        page.goto(server.url)
        page.wait_for_selector("#question option", state="attached")
        page.get_by_role("button", name="Type instead").click()
        page.get_by_label("Your answer").fill(
            "At my last job I led a team of four. I rewrote our deploy script and we cut "
            "release time by 40%. I learned to measure first."
        )
        page.get_by_role("button", name="Get feedback").click()
        expect(page.locator("#results")).to_be_visible(timeout=20_000)
        expect(page.locator("#scores")).to_contain_text("Content")
        expect(page.locator("#playback")).to_be_hidden()
        ctx.close()


def test_refused_camera_explains_and_offers_retry(browser_env, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect, sync_playwright

    server, y4m, wav = browser_env
    args = [a for a in chromium_args(y4m, wav) if a != "--use-fake-ui-for-media-stream"]
    with sync_playwright() as p:
        ctx = launch(p, tmp_path / "profile", args)
        page = ctx.new_page()
        page.goto(server.url)
        page.get_by_role("button", name="Start camera").click()
        alert = page.get_by_role("alert")
        expect(alert).to_contain_text("refused", timeout=10_000)
        expect(alert.get_by_role("button", name="Try again")).to_be_visible()
        shot(page, "6-camera-refused")
        ctx.close()
