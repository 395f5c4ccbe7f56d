"""The page in real Chromium, as a new candidate meets it (issue 16): the first view,
recording with a fake camera showing a real face, progress, a reload during analysis,
the server going away mid-analysis, the camera refused, typed answers, history, the
progress view, the keyboard, a phone's width, and axe-core on every screen.

One server and one browser for the module; the restart test has its own server. Each
screen is saved under test-artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser import CHROMIUM, chromium_args, fake_devices
from tests.conftest import IN_CI, ROOT, TESTDATA, need
from tests.server import Server

pytestmark = pytest.mark.model
ARTIFACTS = ROOT / "test-artifacts"
AXE = Path(__file__).parents[1] / "assets" / "axe.min.js"
LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path, Path, Path]]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail("Debian's chromium must be installed in CI")
        pytest.skip("chromium not installed")
    tmp = tmp_path_factory.mktemp("web")
    y4m, wav = fake_devices(need(TESTDATA / "video" / "talking_head_1.mp4"), tmp)
    server = Server(tmp / "data", tmp_path_factory.getbasetemp() / "models-web").start(180)
    yield server, y4m, wav, tmp
    server.stop()


@pytest.fixture(scope="module")
def browser(env):
    from playwright.sync_api import sync_playwright

    server, y4m, wav, tmp = env
    with sync_playwright() as p:
        ctx = launch(p, tmp / "profile", chromium_args(y4m, wav))
        ctx.grant_permissions(["camera", "microphone"], origin=server.url)
        yield p, ctx


@pytest.fixture
def page(browser):
    _, ctx = browser
    page = ctx.new_page()
    page.set_viewport_size(LAPTOP)
    yield page
    page.close()


def launch(playwright, profile: Path, args: list[str]):
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=args
    )


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe(page, screen: str) -> None:
    """No serious or critical axe-core violations (WCAG 2.x A/AA rules).

    The run is started in the page and waited for with a timeout: awaiting it inside one
    `page.evaluate` has none, and a full-suite run on a loaded machine once hung there."""
    if not page.evaluate("Boolean(window.axe)"):
        page.add_script_tag(path=str(AXE))
    page.evaluate(
        """() => { window.__axe = null;
          axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
          .then(r => { window.__axe = r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.slice(0, 3).map(n => n.target)})); })
          .catch(e => { window.__axe = [{id: 'axe-error', impact: String(e)}]; }); }"""
    )
    page.wait_for_function("window.__axe !== null", timeout=120_000, polling=250)
    found = page.evaluate("window.__axe")
    assert found == [], f"{screen}: {found}"


def both_sizes(page, screen: str) -> None:
    for size, name in ((LAPTOP, "laptop"), (PHONE, "phone")):
        page.set_viewport_size(size)
        axe(page, f"{screen} at {name}")
        shot(page, f"{screen}-{name}")
    page.set_viewport_size(LAPTOP)


def no_sideways_scroll(page, widths: tuple[int, ...] = (360, 390)) -> None:
    for w in widths:
        page.set_viewport_size({"width": w, "height": 800})
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= w, f"page scrolls sideways at {w} px ({width} px)"
    page.set_viewport_size(LAPTOP)


def in_view(page, selector: str) -> bool:
    return bool(
        page.evaluate(
            """s => { const r = document.querySelector(s).getBoundingClientRect();
                return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight
                  && r.left >= 0 && r.right <= innerWidth; }""",
            selector,
        )
    )


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#question option", state="attached")


def watch_announcements(page) -> None:
    """Record every text the polite live region is given, with its time."""
    page.add_init_script(
        """window.__said = [];
        addEventListener('DOMContentLoaded', () => {
          const live = document.querySelector('[aria-live]');
          new MutationObserver(() => __said.push([performance.now(), live.textContent]))
            .observe(live, {childList: true, characterData: true, subtree: true});
          const eta = document.getElementById('eta');
          window.__eta = [];
          new MutationObserver(() => __eta.push(eta.textContent))
            .observe(eta, {childList: true, characterData: true, subtree: true});
        });"""
    )


def test_first_view_says_what_it_is_and_records_in_one_step(env, page) -> None:
    server = env[0]
    open_page(page, server.url)
    for size in (LAPTOP, PHONE):
        page.set_viewport_size(size)
        for selector in ("h1", ".tagline", ".stage", "#rec-start"):
            assert in_view(page, selector), f"{selector} below the fold at {size}"
    page.set_viewport_size(LAPTOP)
    # The camera is off until Record is pressed.
    assert page.evaluate("document.getElementById('preview').srcObject") is None
    from playwright.sync_api import expect

    expect(page.locator("#camera-off")).to_be_visible()
    no_sideways_scroll(page)
    both_sizes(page, "1-record")


def test_record_stop_reload_result_keyboard_print(env, page, browser) -> None:
    from playwright.sync_api import expect

    server = env[0]
    open_page(page, server.url)
    page.select_option("#role", "general")
    page.select_option("#question", "mot-about-you")

    page.get_by_role("button", name="Record", exact=True).click()
    expect(page.locator("#live")).to_be_visible(timeout=10_000)  # "Camera on" while recording
    assert page.evaluate("document.getElementById('preview').srcObject !== null")
    time.sleep(5)
    shot(page, "2-recording")
    page.get_by_role("button", name="Stop", exact=True).click()
    # Focus stays on something meaningful; Record waits until the analysis ends. (Waited
    # for: the recorder stops asynchronously, and a full CI run once read it too early.)
    page.wait_for_function("document.activeElement?.id === 'progress'", timeout=10_000)
    expect(page.locator("#rec-start")).to_be_disabled()
    page.wait_for_function("document.getElementById('preview').srcObject === null", timeout=10_000)
    expect(page.locator("#live")).to_be_hidden()
    page.wait_for_url("**#analysis=*", timeout=30_000)
    analysis_id = page.url.split("#analysis=")[1]

    # Reload during the analysis: the page finds it again and shows it when done.
    page.reload()
    expect(page.locator("#results")).to_be_visible(timeout=120_000)
    expect(page.locator("#progress")).to_be_hidden()
    expect(page.locator("#rec-start")).to_be_enabled()
    status = httpx.get(f"{server.url}/api/v1/analyses/{analysis_id}").json()
    result = status["result"]

    # Scores read "48 out of 100".
    overall = round(result["coaching"]["scores"]["overall"])
    expect(page.locator("#scores")).to_contain_text(f"Overall{overall} out of 100")

    # The recorded webm has no duration in its header: the player still knows its length.
    page.wait_for_function(
        "Number.isFinite(document.getElementById('playback').duration)", timeout=15_000
    )
    duration = page.evaluate("document.getElementById('playback').duration")
    assert abs(duration - result["media"]["duration_s"]) < 1.0, duration

    # The transcript is one tab stop; arrow keys move between words; Enter plays from one.
    words = page.locator("#transcript .word")
    assert words.count() >= 3  # a loaded machine records fewer words in its fixed 7 s
    assert page.locator("#transcript .word[tabindex='0']").count() == 1
    words.first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement === document.querySelectorAll('.word')[2]")
    page.keyboard.press("Tab")
    assert page.evaluate("!document.activeElement.classList.contains('word')")
    start = float(words.nth(2).get_attribute("data-start"))
    words.nth(2).focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"Math.abs(document.getElementById('playback').currentTime - {start}) < 0.3"
    )

    # The timeline's moments are a list of buttons, one per pause, filler and lost gaze.
    sm, pr = result["speech_metrics"], result["presence"]
    expected = len(sm["pauses"]["items"]) + len(sm["fillers"]["items"])
    expected += len(pr["eye_contact_lost_moments"])
    assert page.locator("#moments li > button").count() == expected
    assert page.locator("#timeline").get_attribute("aria-hidden") == "true"

    # History: the attempt, with a chart that has axes and a point.
    attempts = page.locator("#attempts > li")
    expect(attempts).to_have_count(1)
    expect(attempts.first).to_contain_text(f"score {overall} out of 100")
    assert page.locator("#trend circle").count() == 1
    assert page.locator("#trend line.axis").count() == 2

    # "How each score was worked out" fits a phone.
    page.locator("#metrics-details summary").click()
    no_sideways_scroll(page)
    both_sizes(page, "3-results")

    # The result's JSON downloads; the printed page is the report alone.
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download JSON").click()
    saved = json.loads(Path(dl.value.path()).read_text())
    assert saved["analysis_id"] == analysis_id and saved["coaching"] == result["coaching"]
    page.emulate_media(media="print")
    expect(page.locator("#history")).to_be_hidden()
    expect(page.locator("#record")).to_be_hidden()
    expect(page.locator("#metrics")).to_be_visible()
    page.pdf(path=str(ARTIFACTS / "3-results-print.pdf"))
    shot(page, "3-results-print")
    page.emulate_media(media="screen")


def test_typed_answers_custom_question_history_and_progress_view(env, page) -> None:
    from playwright.sync_api import expect

    server = env[0]
    open_page(page, server.url)
    page.locator("#custom summary").click()
    page.get_by_label("Your question").fill("Why do you want to join a small start-up?")
    page.get_by_role("button", name="Type instead").click()
    answers = [
        "I like small teams. I want to learn.",
        "At my last job I led a team of four on our deploy pipeline. I rewrote the deploy "
        "script myself and we cut release time by 40%, from two hours to seventy minutes. "
        "I learned to measure first, and I want that ownership again in a start-up.",
    ]
    for n, text in enumerate(answers, 1):
        page.get_by_label("Your answer", exact=True).fill(text)
        page.get_by_role("button", name="Get feedback").click()
        expect(page.locator("#attempts > li")).to_have_count(n, timeout=20_000)
    expect(page.locator("#results")).to_be_visible()
    # Nothing about uploads or video for a typed answer, and no hint about words to select.
    expect(page.locator("#upload-row")).to_be_hidden()
    expect(page.locator("#player")).to_be_hidden()
    expect(page.locator("#transcript-hint")).to_be_hidden()
    expect(page.locator("#transcript")).to_contain_text("seventy minutes")
    # Evidence figures are said in words with units, never as raw metric names.
    hints = page.locator("#strengths .hint, #improvements .hint").all_inner_texts()
    assert hints and not any("_" in h or " pct" in h or "seconds:" in h for h in hints), hints
    expect(page.locator("#strengths")).to_contain_text('"I" rather than "we"')
    assert page.evaluate(
        "(b => b.scrollHeight <= b.clientHeight + 1)(document.getElementById('transcript'))"
    )
    # Attempts at a custom question are listed, with a trend of two points on axes.
    expect(page.locator("#history-title")).to_contain_text("your own question")
    assert page.locator("#trend circle").count() == 2
    assert page.locator("#trend line.axis").count() == 2
    both_sizes(page, "4-typed-results")
    page.locator("#history").scroll_into_view_if_needed()
    both_sizes(page, "5-history")

    page.get_by_role("button", name="Show my progress across all questions").click()
    charts = page.locator("#overview-charts figure")
    expect(charts.first).to_be_visible(timeout=20_000)
    own = page.locator("#overview-charts figure", has_text="Overall score, your own questions")
    assert own.locator("circle").count() == 2 and own.locator("line.axis").count() == 2
    # A motivation question asks for no STAR story, so STAR is no habit here; the written
    # answers' filler rate is.
    expect(page.locator("#habits")).to_contain_text("Filler words per minute")
    expect(page.locator("#habits")).not_to_contain_text("STAR")
    expect(page.locator("#habits")).to_contain_text("Improving most")
    no_sideways_scroll(page)
    both_sizes(page, "6-progress-view")


def test_camera_refused_explains_near_the_button_and_offers_typing(env, browser, tmp_path) -> None:
    from playwright.sync_api import expect

    server, y4m, wav, _ = env
    # A second Chromium without the auto-accepting permission prompt: headless, it refuses.
    args = [a for a in chromium_args(y4m, wav) if a != "--use-fake-ui-for-media-stream"]
    ctx = launch(browser[0], tmp_path / "profile", args)
    try:
        page = ctx.new_page()
        for size in (LAPTOP, PHONE):
            page.set_viewport_size(size)
            open_page(page, server.url)
            page.get_by_role("button", name="Record", exact=True).click()
            msg = page.locator("#camera-msg")
            expect(msg).to_contain_text("refused", timeout=10_000)
            assert in_view(page, "#camera-msg"), f"message out of view at {size}"
            assert page.evaluate("document.activeElement.id") == "camera-msg"
            expect(page.locator("#rec-start")).to_be_enabled()
        shot(page, "7-camera-refused")
        page.get_by_role("button", name="Type your answer instead").click()
        expect(page.get_by_label("Your answer", exact=True)).to_be_focused()
    finally:
        ctx.close()


def _submit_audio(url: str, clip: Path) -> str:
    up = httpx.post(
        f"{url}/api/v1/upload-url", json={"file_type": "audio", "content_type": "audio/wav"}
    ).json()
    httpx.put(up["upload_url"], content=clip.read_bytes(), headers=up["headers"]).raise_for_status()
    r = httpx.post(
        f"{url}/api/v1/analyze",
        json={"file_key": up["file_key"], "wait": False, "question_id": "mot-about-you"},
    )
    assert r.status_code == 202, r.text
    return str(r.json()["analysis_id"])


def test_progress_survives_a_server_restart(env, browser, tmp_path_factory) -> None:
    from playwright.sync_api import expect

    _, ctx = browser
    short = env[2]  # the fake microphone's 8 s of real speech
    # Ours is longer, so that its stages last long enough to be seen between polls. (A
    # 90 s answer was tried: it started running during the axe check of the progress
    # screen, and that check never returned in two full runs.)
    clip = need(TESTDATA / "audio" / "conversation_30s.wav")
    tmp = tmp_path_factory.mktemp("restart")
    # First an API-only server (JOB_CONCURRENCY=0): the analyses wait in the database,
    # so the page is seen waiting whatever the machine's speed (racing real analyses
    # was tried: a fast machine finished them before the page loaded, a loaded one
    # stalled the page's checks while they ran).
    server = Server(
        tmp / "data", tmp_path_factory.getbasetemp() / "models-web", JOB_CONCURRENCY="0"
    ).start(180)
    try:
        for _ in range(2):  # run first, so ours is given an estimate from a measured speed
            _submit_audio(server.url, short)
        ours = _submit_audio(server.url, clip)
        page = ctx.new_page()
        page.set_viewport_size(LAPTOP)
        watch_announcements(page)
        page.goto(f"{server.url}/#analysis={ours}")
        expect(page.locator("#progress")).to_be_visible()
        expect(page.locator("#analysis-label")).to_contain_text("Waiting", timeout=10_000)
        expect(page.locator("#rec-start")).to_be_disabled()
        both_sizes(page, "8-progress")

        server.kill()
        connection = page.locator("#connection")
        expect(connection).to_contain_text("retrying", timeout=15_000)
        assert "Failed to fetch" not in page.inner_text("body")
        both_sizes(page, "9-server-gone")

        # Same port and data, now running analyses: the server takes up the ones waiting.
        # The page is not told; it finds the server back by itself.
        server.env["JOB_CONCURRENCY"] = "1"
        server.start(wait=False)
        expect(page.locator("#results")).to_be_visible(timeout=180_000)
        expect(connection).to_be_hidden()
        assert page.url.endswith(f"#analysis={ours}")
        said: list[list[Any]] = page.evaluate("window.__said")
        eta: list[str] = page.evaluate("window.__eta")
        shot(page, "10-after-restart")
        # An audio answer: no empty black picture, no legend for what only a camera sees.
        black_box = page.evaluate(
            "!document.getElementById('player').hidden"
            " && !document.getElementById('playback').classList.contains('audio-only')"
        )
        assert not black_box
        expect(page.locator(".legend .key.smile")).to_be_hidden()
        page.close()
    finally:
        server.stop()
    # The stage named while it ran, a time estimate from the measured speed, and polite
    # announcements: a new stage at once, the same stage at most every 15 s.
    texts = [t for _, t in said]
    # A working stage was named (30 s of speech can be transcribed between two polls on a
    # fast machine, so which one is not fixed).
    working = ("Checking", "Transcribing", "Measuring", "Watching")
    assert any(t.startswith(working) for t in texts), texts
    assert any("per second of recording" in t for t in eta), eta
    for (t0, a), (t1, b) in pairwise(said):
        if a.split(",")[0] == b.split(",")[0] and "percent" in b:
            assert t1 - t0 >= 14_000, (a, b, t1 - t0)
    assert texts[-1] == "Feedback is ready"
