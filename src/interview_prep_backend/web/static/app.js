// Interview Coach page: choose a question, record or type an answer, upload, follow the
// analysis (surviving a reload or a dropped connection), review it on a timeline synced
// with the video, and track attempts and progress.
const $ = (id) => document.getElementById(id);

class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `Request failed (${status})`);
    this.status = status;
    this.code = body?.error?.code || "http_" + status;
  }
}
// fetch rejects with a TypeError when the server cannot be reached at all.
class NetworkError extends Error {
  constructor() { super("network"); this.code = "network"; }
}
const api = async (path, init) => {
  let r;
  try { r = await fetch(`/api/v1${path}`, init); } catch { throw new NetworkError(); }
  const unreadable = {};
  const body = r.status === 204 ? null : await r.json().catch(() => unreadable);
  // A 2xx whose body breaks off (the server died mid-answer) is a dropped connection,
  // not an answer: it is retried like one (a full-suite run read `null.status` here).
  if (body === unreadable && r.ok) throw new NetworkError();
  if (!r.ok) throw new ApiError(r.status, body === unreadable ? null : body);
  return { status: r.status, body };
};
const postJson = (path, data) => api(path, {
  method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data),
});
// A server restarting answers 502/503 (or nothing): worth waiting for, not a verdict.
const transient = (err) => err instanceof NetworkError || [502, 503, 504].includes(err.status);

// Messages a person understands, by the API's stable codes.
const MESSAGES = {
  camera_refused: "Camera or microphone access was refused. Allow it in the browser's address bar and try again, or type your answer instead.",
  camera_missing: "No camera or microphone was found. Connect one and try again, or type your answer instead.",
  network: "The server can't be reached. Check your connection; your answer is kept and this will be retried.",
  upload_failed: "The upload did not finish. Check your connection and try again.",
  media_unreadable: "The recording could not be read. Please record it again.",
  unsupported_codec: "The recording's format cannot be decoded here. Record in the browser, or export it as MP4 (H.264) or WebM.",
  unsupported_audio: "The recording's sound track is in a form that cannot be read (its sample rate or channel count). Record it again in the browser.",
  frame_too_large: "The video's picture is larger than 4096 x 4096. Record in the browser or export it at 4K or less.",
  frame_rate_too_high: "The video has more than 240 frames a second. Export it at a normal frame rate, such as 30.",
  file_too_large: "The recording is larger than this server accepts. Record a shorter answer.",
  payload_too_large: "The answer is too long to send. Shorten it and try again.",
  storage_unavailable: "The recording store is not answering just now. Your answer is safe; try again in a minute.",
  empty_file: "The recording was empty. Please record it again.",
  no_audio_track: "The recording has no sound. Check that the microphone is on, then record again.",
  no_speech: "No speech was heard in the recording. Check the microphone and record again.",
  too_long: "The recording is longer than the 10-minute limit. Record a shorter answer.",
  empty_answer: "Type an answer first.",
  analysis_running: "This attempt is still being analysed; it can be deleted once it is done.",
  analysis_not_found: "That attempt no longer exists.",
};

const state = { questions: [], thresholds: {}, blob: null, retry: null, current: null, busy: false, following: null };

function showError(code, fallback, retry) {
  $("error-text").textContent = MESSAGES[code] || fallback || "Something went wrong.";
  state.retry = retry || null;
  $("error-retry").hidden = !retry;
  $("error").hidden = false;
  $("error").scrollIntoView({ block: "nearest" });
  $("error").focus({ preventScroll: true });
}
$("error-close").onclick = () => { $("error").hidden = true; };
$("error-retry").onclick = () => { $("error").hidden = true; state.retry?.(); };

const fmt = (t) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, "0")}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const el = (tag, attrs = {}, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const kid of kids) if (kid != null) node.append(kid);
  return node;
};
const SVG = "http://www.w3.org/2000/svg";
const svgEl = (tag, attrs = {}, text) => {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text != null) node.textContent = text;
  return node;
};

// --- questions ---------------------------------------------------------------------
async function loadQuestions() {
  const [{ body }, thresholds] = await Promise.all([api("/questions"), api("/coaching/thresholds")]);
  state.questions = body.items;
  for (const m of thresholds.body.metrics) state.thresholds[m.metric] = m;
  $("role").replaceChildren(...body.roles.map((r) => el("option", { value: r }, r.replaceAll("_", " "))));
  $("role").onchange = fillQuestions;
  $("question").onchange = () => { questionHint(); loadHistory(); };
  // Only the history (below) follows a custom question: nothing above may move on blur,
  // or the click that caused the blur lands on nothing.
  $("custom-question").onchange = loadHistory;
  fillQuestions();
}
function fillQuestions() {
  const items = state.questions.filter((q) => q.role === $("role").value);
  $("question").replaceChildren(...items.map((q) => el("option", { value: q.id }, q.text)));
  questionHint();
  loadHistory();
}
function selectedQuestion() {
  return state.questions.find((q) => q.id === $("question").value);
}
function questionHint() {
  const q = selectedQuestion();
  if (!q) return;
  $("question-hint").textContent =
    `Aim for ${q.ideal_seconds[0]}-${q.ideal_seconds[1]} seconds` +
    (q.expects_star ? " and tell it as a story: situation, task, action, result." : ".");
}
const customQuestion = () => $("custom-question").value.trim();
function questionFields() {
  const custom = customQuestion();
  return custom ? { question: custom } : { question_id: $("question").value };
}

// --- answer modes ------------------------------------------------------------------
function setMode(video) {
  $("mode-video").setAttribute("aria-pressed", String(video));
  $("mode-text").setAttribute("aria-pressed", String(!video));
  $("mode-video").className = video ? "" : "secondary";
  $("mode-text").className = video ? "secondary" : "";
  $("video-mode").hidden = !video;
  $("text-mode").hidden = video;
}
$("mode-video").onclick = () => setMode(true);
$("mode-text").onclick = () => setMode(false);

// --- camera and recording --------------------------------------------------------------
// The camera is on only while recording: Record turns it on (the countdown lets you frame
// yourself), Stop turns it off. The "Camera on" badge shows whenever it is live.
let stream = null, recorder = null, chunks = [], timerId = null, started = 0;
const MAX_SECONDS = 600;

function setBusy(busy) {
  state.busy = busy;
  $("rec-start").disabled = busy || Boolean(stream);
  $("text-submit").disabled = busy;
}

function cameraOff() {
  for (const t of stream?.getTracks() || []) t.stop();
  stream = null;
  $("preview").srcObject = null;
  $("live").hidden = true;
  $("camera-off").hidden = false;
}

function cameraRefused(err) {
  const code = err.name === "NotAllowedError" || err.name === "SecurityError" ? "camera_refused" : "camera_missing";
  $("camera-msg-text").textContent = MESSAGES[code];
  $("camera-msg").hidden = false;
  $("camera-msg").scrollIntoView({ block: "nearest" });
  $("camera-msg").focus({ preventScroll: true });
}
$("camera-retry").onclick = () => { $("camera-msg").hidden = true; startRecording(); };
$("camera-type").onclick = () => {
  $("camera-msg").hidden = true;
  setMode(false);
  $("answer-text").focus();
};

function pickType() {
  for (const t of ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm"]) {
    if (window.MediaRecorder?.isTypeSupported?.(t)) return t;
  }
  return "";
}

async function countdown() {
  const box = $("countdown");
  box.hidden = false;
  for (const n of [3, 2, 1]) { box.textContent = n; await sleep(700); }
  box.hidden = true;
}

async function startRecording() {
  if (state.busy) return;
  $("rec-start").disabled = true;
  $("camera-msg").hidden = true;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch (err) {
    stream = null;
    $("rec-start").disabled = false;
    cameraRefused(err);
    return;
  }
  $("preview").srcObject = stream;
  $("camera-off").hidden = true;
  $("timer").textContent = "0:00";
  $("rec-state").hidden = true;  // the camera is on; recording starts after the countdown
  $("live").hidden = false;
  await $("preview").play().catch(() => {});
  $("rec-stop").disabled = false;
  $("rec-stop").focus();
  await countdown();
  if (!stream) return;  // stopped during the countdown
  chunks = [];
  recorder = new MediaRecorder(stream, { mimeType: pickType() });
  recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
  recorder.onstop = () => {
    state.blob = new Blob(chunks, { type: "video/webm" });
    cameraOff();
    uploadAndAnalyze();
  };
  recorder.start(1000);
  $("rec-state").hidden = false;
  started = performance.now();
  timerId = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    $("timer").textContent = fmt(s);
    if (s >= MAX_SECONDS) stopRecording();
  }, 250);
}
function stopRecording() {
  clearInterval(timerId);
  $("rec-stop").disabled = true;
  if (recorder?.state !== "recording") {  // stopped during the countdown: nothing to send
    cameraOff();
    setBusy(false);
    $("rec-start").focus();
    return;
  }
  recorder.stop();
  recorder = null;
  setBusy(true);
  // Stop is now disabled: move focus to the progress rather than drop it to the page.
  showProgress(true);
  $("progress").focus();
}
$("rec-start").onclick = startRecording;
$("rec-stop").onclick = stopRecording;

// --- upload and analysis ---------------------------------------------------------------
function put(target, blob) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method || "PUT", target.upload_url);
    if (target.method !== "POST") for (const [k, v] of Object.entries(target.headers || {})) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) $("upload-bar").value = (100 * e.loaded) / e.total; };
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`upload ${xhr.status}`)));
    xhr.onerror = () => reject(new NetworkError());
    if (target.method === "POST") {  // presigned POST: the form fields, then the file
      const form = new FormData();
      for (const [k, v] of Object.entries(target.fields || {})) form.append(k, v);
      form.append("file", blob);
      xhr.send(form);
    } else {
      xhr.send(blob);
    }
  });
}

// Announcements for screen readers: a new stage at once, otherwise at most every 15 s
// (the visible bar moves every poll; a voice reading every percent is noise).
const ANNOUNCE_EVERY_MS = 15000;
const announcer = { text: "", stage: null, at: 0 };
function announce(text, stage, force) {
  const now = performance.now();
  if (!force && stage === announcer.stage && now - announcer.at < ANNOUNCE_EVERY_MS) return;
  if (text === announcer.text) return;
  Object.assign(announcer, { text, stage, at: now });
  $("announce").textContent = text;
}

function showProgress(recording) {
  $("progress").hidden = false;
  $("upload-row").hidden = !recording;
  $("analysis-row").hidden = !recording;
  $("eta").textContent = "";
  $("connection").hidden = true;
  $("progress-title").textContent = "Analysing your answer";
}

function setAnalysis(label, pct, stage) {
  $("analysis-label").textContent = label;
  $("analysis-bar").value = pct;
  announce(pct >= 100 ? label : `${label}, ${Math.round(pct)} percent`, stage, pct >= 100);
}

function rememberRunning(id) {
  history.replaceState(null, "", `#analysis=${id}`);
  try { localStorage.setItem("running-analysis", id); } catch { /* private mode */ }
}
function forgetRunning() {
  try { localStorage.removeItem("running-analysis"); } catch { /* private mode */ }
}

async function retrying(fn) {
  // Keep trying while the server is away; say so in plain words, then carry on.
  for (let wait = 1000; ; wait = Math.min(wait * 2, 5000)) {
    try {
      const out = await fn();
      $("connection").hidden = true;
      return out;
    } catch (err) {
      if (!transient(err)) throw err;
      $("connection").textContent = "Lost contact with the server. Your answer is safe; retrying every few seconds and picking the analysis up when the server is back.";
      $("connection").hidden = false;
      announce($("connection").textContent, "connection", true);
      await sleep(wait);
    }
  }
}

async function uploadAndAnalyze() {
  const blob = state.blob;
  setBusy(true);
  showProgress(true);
  $("upload-bar").value = 0;
  $("upload-label").textContent = "Uploading your recording";
  setAnalysis("Waiting for the upload", 0, "upload");
  let target;
  try {
    target = (await retrying(() => postJson("/upload-url",
      { file_type: "video", content_type: "video/webm", file_size: blob.size }))).body;
    await put(target, blob);
  } catch (err) {
    setBusy(false);
    showError(err.code === "network" ? "network" : "upload_failed", err.message, uploadAndAnalyze);
    return;
  }
  $("upload-bar").value = 100;
  $("upload-label").textContent = "Uploaded";
  let accepted;
  try {
    accepted = (await retrying(() => postJson("/analyze",
      { file_key: target.file_key, wait: false, ...questionFields() }))).body;
  } catch (err) {
    setBusy(false);
    showError(err.code, err.message, uploadAndAnalyze);
    return;
  }
  rememberRunning(accepted.analysis_id);
  loadHistory();
  await followAndShow(accepted.analysis_id, URL.createObjectURL(blob));
}

const STAGES = {
  media: "Checking the recording",
  transcribe: "Transcribing your speech",
  speech_metrics: "Measuring pace, pauses and filler words",
  prosody: "Measuring your voice",
  presence: "Watching the video for eye contact and expression",
};

function etaText(est) {
  if (!est) return "";
  const len = est.media_duration_s ? `a ${fmt(est.media_duration_s)} recording` : "your recording";
  if (est.remaining_s == null) return `Working out how long ${len} will take…`;
  const left = est.remaining_s < 5 ? "A few seconds left" : est.remaining_s < 90
    ? `About ${Math.round(est.remaining_s / 5) * 5} seconds left` : `About ${Math.round(est.remaining_s / 60)} minutes left`;
  if (est.basis === "measured_speed") {
    return `${left}: ${len}, and this computer has taken about ${est.seconds_per_media_second.toFixed(1)} s per second of recording.`;
  }
  return `${left}, judging by the progress so far on ${len}.`;
}

async function follow(id) {
  state.following = id;
  for (;;) {
    const { body } = await retrying(() => api(`/analyses/${id}`));
    if (state.following !== id) throw Object.assign(new Error("superseded"), { code: "superseded" });
    if (body.status === "completed") { setAnalysis("Done", 100, "done"); $("eta").textContent = ""; return body; }
    if (body.status === "failed") throw Object.assign(new Error(body.error.message), { code: body.error.code });
    const label = body.status === "queued" ? "Waiting for the analyser to be free" : STAGES[body.stage] || "Analysing";
    $("analysis-row").hidden = false;
    setAnalysis(label, body.progress_pct, body.status === "queued" ? "queued" : body.stage);
    $("eta").textContent = etaText(body.estimate);
    await sleep(700);
  }
}

async function followAndShow(id, videoUrl) {
  showProgress(false);
  $("analysis-row").hidden = false;
  setBusy(true);
  try {
    const done = await follow(id);
    forgetRunning();
    $("progress").hidden = true;
    render(done.result, videoUrl || mediaUrl(done));
    loadHistory();
  } catch (err) {
    if (err.code === "superseded") return;
    forgetRunning();
    $("progress").hidden = true;
    if (err.code === "analysis_not_found") history.replaceState(null, "", location.pathname);
    showError(err.code, err.message, () => $("rec-start").focus());
  } finally {
    if (state.following === id) { state.following = null; setBusy(false); }
  }
}
const mediaUrl = (status) => (status.file_key ? `/api/v1/media/${status.file_key}` : null);

$("text-submit").onclick = async () => {
  const text = $("answer-text").value;
  setBusy(true);
  showProgress(false);
  announce("Analysing your answer", "text", true);
  try {
    const { body } = await postJson("/analyze", { text, ...questionFields() });
    $("progress").hidden = true;
    history.replaceState(null, "", `#analysis=${body.analysis_id}`);
    render(body, null);
    loadHistory();
  } catch (err) {
    $("progress").hidden = true;
    showError(err.code, err.message, () => $("answer-text").focus());
  } finally {
    setBusy(false);
  }
};

// --- results ---------------------------------------------------------------------------
function seek(t) {
  const v = $("playback");
  if (!v.src || t == null) return;
  v.currentTime = t;
}

function scoreClass(s) { return s >= 75 ? "good" : s >= 50 ? "ok" : "low"; }

// A MediaRecorder webm has no duration in its header: the player says Infinity until
// it has been to the end once. Seek far past the end, then back, to make it measure.
function fixDuration(v) {
  v.onloadedmetadata = () => {
    if (v.duration !== Infinity) return;
    v.ondurationchange = () => {
      if (v.duration === Infinity) return;
      v.ondurationchange = null;
      v.currentTime = 0;
    };
    v.currentTime = 1e101;
  };
}

function render(result, videoUrl) {
  state.current = result;
  $("results").hidden = false;
  $("error").hidden = true;
  const c = result.coaching || { scores: {}, strengths: [], improvements: [], metrics: [] };
  $("results-question").textContent = result.question ? `Question: ${result.question}` : "";
  $("scores").replaceChildren(...Object.entries(c.scores).filter(([, v]) => v != null).map(([k, v]) =>
    el("li", { class: `score ${scoreClass(v)}` }, el("span", {}, k[0].toUpperCase() + k.slice(1)),
      el("b", {}, String(Math.round(v))), el("span", { class: "of" }, " out of 100"))));
  const hasVideo = Boolean(videoUrl) && Boolean(result.media);
  const hasWords = Boolean(result.transcript_analysis?.words?.length);
  const v = $("playback");
  $("player").hidden = !hasVideo;
  $("replay").classList.toggle("single", !hasVideo);
  if (hasVideo) { fixDuration(v); v.src = videoUrl; } else v.removeAttribute("src");
  // An audio upload plays in the same element: a slim bar, not an empty black picture,
  // and no legend for what only a camera shows.
  const seen = Boolean(result.media?.has_video);
  v.classList.toggle("audio-only", hasVideo && !seen);
  for (const key of document.querySelectorAll(".legend .seen")) key.hidden = !seen;
  $("transcript-hint").hidden = !hasWords;
  renderTranscript(result);
  if (hasVideo) { renderTimeline(result); renderMoments(result); }
  $("improvements").replaceChildren(...c.improvements.map((i) => card(i, true, hasVideo)));
  $("strengths").replaceChildren(...c.strengths.map((i) => card(i, false, hasVideo)));
  $("metrics").querySelector("tbody").replaceChildren(...c.metrics.map((m) => el("tr", {},
    el("th", { scope: "row" }, state.thresholds[m.metric]?.label || m.metric),
    el("td", { "data-label": "You" }, String(m.value ?? "")),
    el("td", { "data-label": "Target" }, m.target ?? ""),
    el("td", { "data-label": "Score" }, `${Math.round(m.score)} out of 100`),
    el("td", { "data-label": "Why" }, state.thresholds[m.metric]?.why || ""))));
  $("results-title").scrollIntoView({ behavior: "smooth" });
  $("results-title").focus({ preventScroll: true });
  announce("Feedback is ready", "done", true);
}

// Evidence figures in words, with their units: "i share pct: 71.4" meant nothing to a
// candidate. Unknown metrics fall back to their name.
const EVIDENCE = {
  words_per_minute: (v) => `Pace: ${v} words a minute`,
  fillers_per_minute: (v) => `Filler words: ${v} a minute`,
  hedges_per_minute: (v) => `Hedges: ${v} a minute`,
  longest_pause_s: (v) => `Longest pause: ${v} s`,
  pitch_std_semitones: (v) => `Pitch variation: ${v} semitones`,
  eye_contact_pct: (v) => `Eye contact: ${v} % of the time`,
  face_visible_pct: (v) => `Face in view: ${v} % of the time`,
  head_movement_spread_deg: (v) => `Head movement: ${v}° spread`,
  smile_pct: (v) => `Smiling: ${v} % of the time`,
  answer_seconds: (v) => `Answer length: ${v} s`,
  star_missing: (v) => `STAR parts missing: ${v}`,
  talking_points_missing: (v) => `Talking points missing: ${v}`,
  relevance_cosine: (v) => `Closeness to the question: ${v} (0 to 1)`,
  i_share_pct: (v) => `"I" rather than "we": ${v} % of the time`,
};

function evidenceText(ev) {
  const say = EVIDENCE[ev.metric];
  if (say) return say(ev.value);
  const name = ev.metric.replaceAll("_", " ");
  return `${name[0].toUpperCase()}${name.slice(1)}: ${ev.value}`;
}

function card(item, improvement, hasVideo) {
  const ev = item.evidence || {};
  const when = hasVideo && ev.start_time != null
    ? el("button", { type: "button", class: "seek secondary", "aria-label": `Play from ${fmt(ev.start_time)}`, onclick: () => seek(ev.start_time) }, `▶ ${fmt(ev.start_time)}`)
    : null;
  const evidence = ev.quote ? el("blockquote", {}, `“${ev.quote}”`) : ev.metric ? el("p", { class: "hint" }, evidenceText(ev)) : null;
  const models = item.model_sentences ? el("ul", {}, ...Object.entries(item.model_sentences).map(([p, s]) => el("li", {}, el("b", {}, `${p}: `), s))) : null;
  return el("li", {}, el("h4", {}, item.title), when, evidence,
    item.why ? el("p", {}, item.why) : null,
    improvement && item.drill ? el("p", {}, el("b", {}, "Drill: "), item.drill) : null, models);
}

function spansOf(result, key) {
  return result.speech_metrics?.[key]?.items || [];
}

// The transcript is one composite widget: one tab stop, arrow keys move between words
// (roving tabindex), Enter or Space plays from the word.
function renderTranscript(result) {
  const words = result.transcript_analysis?.words;
  const box = $("transcript");
  box.removeAttribute("role");
  box.removeAttribute("aria-label");
  box.classList.toggle("words", Boolean(words?.length));
  if (!words?.length) { box.replaceChildren(el("p", {}, result.answer_text || result.transcript_analysis?.full_text || "")); return; }
  box.setAttribute("role", "toolbar");
  box.setAttribute("aria-label", "Transcript words; arrow keys move, Enter plays from a word");
  const marks = [["filler", spansOf(result, "fillers")], ["hedge", spansOf(result, "hedges")], ["repeat", spansOf(result, "repetitions")]];
  box.replaceChildren(...words.map((w, i) => {
    const kinds = marks.filter(([, items]) => items.some((s) => w.start_time >= s.start_time - 0.01 && w.end_time <= s.end_time + 0.01)).map(([k]) => k);
    const b = el("button", { type: "button", class: ["word", ...kinds].join(" "), "data-start": w.start_time,
      tabindex: i === 0 ? "0" : "-1",
      "aria-label": `${w.text}, at ${fmt(w.start_time)}${kinds.length ? ", " + kinds.join(", ") : ""}` }, w.text);
    b.onclick = () => { rove(b); seek(w.start_time); };
    return b;
  }).flatMap((b) => [b, " "]));
}
function rove(target) {
  for (const w of $("transcript").querySelectorAll(".word[tabindex='0']")) w.tabIndex = -1;
  target.tabIndex = 0;
  target.focus();
}
$("transcript").onkeydown = (e) => {
  const words = [...$("transcript").querySelectorAll(".word")];
  const i = words.indexOf(document.activeElement);
  if (i < 0) return;
  const next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: words.length - 1 }[e.key];
  if (next == null) return;
  e.preventDefault();
  rove(words[Math.max(0, Math.min(words.length - 1, next))]);
};

$("playback").ontimeupdate = () => {
  const t = $("playback").currentTime;
  for (const w of $("transcript").querySelectorAll(".word.current")) w.classList.remove("current");
  const words = [...$("transcript").querySelectorAll(".word")];
  const now = words.filter((w) => Number(w.dataset.start) <= t).pop();
  now?.classList.add("current");
};

const EXPR = { HAPPY: "#f2b705", CALM: "#6aa84f", SURPRISED: "#3d85c6", SAD: "#674ea7", ANGRY: "#cc0000", FEAR: "#a64d79", DISGUSTED: "#7f6000", CONFUSED: "#999" };

function renderTimeline(result) {
  const svg = $("timeline");
  const duration = result.media?.duration_s;
  svg.replaceChildren();
  if (!duration) { svg.style.display = "none"; return; }
  svg.style.display = "";
  const W = 1000, lanes = { pace: 4, pause: 30, expr: 46, smile: 62, lost: 78 };
  svg.setAttribute("viewBox", `0 0 ${W} 96`);
  svg.setAttribute("preserveAspectRatio", "none");
  const x = (t) => (W * t) / duration;
  const rect = (x0, y, w, h, fill, title) => {
    const r = svgEl("rect", { x: x0, y, width: Math.max(w, 1), height: h, fill });
    if (title) r.append(svgEl("title", {}, title));
    svg.append(r);
  };
  for (const w of result.speech_metrics?.pace_windows || []) {
    const h = Math.min(24, (24 * w.wpm) / 220);
    rect(x(w.start), lanes.pace + 24 - h, x(w.end) - x(w.start) - 2, h, "#1957c2", `${Math.round(w.wpm)} words/min at ${fmt(w.start)}`);
  }
  for (const p of result.speech_metrics?.pauses?.items || []) rect(x(p.start_time), lanes.pause, x(p.end_time) - x(p.start_time), 12, "#8792a0", `${p.duration_s} s pause`);
  for (const row of result.presence?.timeline || []) {
    if (row.expression) rect(x(row.t), lanes.expr, x(1), 12, EXPR[row.expression] || "#999", `${row.expression.toLowerCase()} at ${fmt(row.t)}`);
    if (row.smile) rect(x(row.t), lanes.smile, x(1), 12, "#1d6b35", `smiling at ${fmt(row.t)}`);
  }
  for (const m of result.presence?.eye_contact_lost_moments || []) rect(x(m.start_time), lanes.lost, x(m.end_time) - x(m.start_time), 12, "#a11d2b", `eye contact lost at ${fmt(m.start_time)}`);
  svg.onclick = (e) => {
    const box = svg.getBoundingClientRect();
    seek(((e.clientX - box.left) / box.width) * duration);
  };
}

// The timeline's moments for the keyboard and screen readers: a list of buttons in time order.
function renderMoments(result) {
  const moments = [
    ...(result.speech_metrics?.pauses?.items || []).map((p) => [p.start_time, `${p.duration_s} second pause`]),
    ...(result.speech_metrics?.fillers?.items || []).map((f) => [f.start_time, `filler word “${f.text || f.word || ""}”`]),
    ...(result.presence?.eye_contact_lost_moments || []).map((m) => [m.start_time, "eye contact lost"]),
  ].filter(([t]) => t != null).sort((a, b) => a[0] - b[0]);
  $("moments-title").hidden = moments.length === 0;
  $("moments").replaceChildren(...moments.map(([t, what]) => el("li", {},
    el("button", { type: "button", class: "moment secondary", onclick: () => seek(t) }, `${fmt(t)} ${what}`))));
}

$("print").onclick = () => window.print();
// A closed <details> prints nothing: open "How each score was worked out" for the paper.
let closedForPrint = false;
window.onbeforeprint = () => { closedForPrint = !$("metrics-details").open; $("metrics-details").open = true; };
window.onafterprint = () => { if (closedForPrint) $("metrics-details").open = false; };
$("download").onclick = () => {
  const r = state.current;
  if (!r) return;
  const url = URL.createObjectURL(new Blob([JSON.stringify(r, null, 2)], { type: "application/json" }));
  const a = el("a", { href: url, download: `interview-feedback-${r.analysis_id || "result"}.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

// --- history ---------------------------------------------------------------------------
let historyTimer = null;
async function loadHistory() {
  const custom = customQuestion();
  const q = $("question").value;
  if (!q && !custom) return;
  const filter = custom ? `question=${encodeURIComponent(custom)}` : `question_id=${encodeURIComponent(q)}`;
  let body;
  try { ({ body } = await api(`/analyses?${filter}&limit=50`)); } catch { return; }
  const items = body.items;
  $("history-title").textContent = custom ? "Your attempts at your own question" : "Your attempts at this question";
  $("no-attempts").hidden = items.length > 0;
  $("attempts").replaceChildren(...items.map((a) => {
    const when = new Date(a.created_at).toLocaleString();
    const running = a.status === "queued" || a.status === "running";
    return el("li", {},
      el("span", { class: "when" }, `${when} · ${a.answer_type === "text" ? "typed" : "recorded"} · `,
        a.status === "completed" ? `score ${Math.round(a.overall_score ?? 0)} out of 100` : running ? "being analysed" : a.status),
      el("button", { type: "button", class: "secondary", onclick: () => openAttempt(a), "aria-label": `${running ? "Follow" : "Open"} attempt from ${when}` }, running ? "Follow" : "Open"),
      running ? null : el("button", { type: "button", class: "secondary", onclick: () => deleteAttempt(a), "aria-label": `Delete attempt from ${when}` }, "Delete"));
  }));
  renderTrend(items.filter((a) => a.overall_score != null).reverse());
  // Refresh by itself while an attempt is still being analysed.
  clearTimeout(historyTimer);
  if (items.some((a) => a.status === "queued" || a.status === "running")) historyTimer = setTimeout(loadHistory, 3000);
}

// A line chart with axes, gridlines and a point per attempt; the caption says it in words.
function lineChart(svg, points, label) {
  const W = 320, H = 150, L = 34, R = 10, T = 10, B = 26;
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const x = (i) => L + (points.length < 2 ? (W - L - R) / 2 : ((W - L - R) * i) / (points.length - 1));
  const y = (v) => T + ((H - T - B) * (100 - v)) / 100;
  for (const v of [0, 50, 100]) {
    svg.append(svgEl("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), class: "grid" }));
    svg.append(svgEl("text", { x: L - 4, y: y(v) + 4, "text-anchor": "end", class: "tick" }, String(v)));
  }
  svg.append(svgEl("line", { x1: L, x2: L, y1: T, y2: H - B, class: "axis" }));
  svg.append(svgEl("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  points.forEach((p, i) => {
    if (points.length <= 8 || i === 0 || i === points.length - 1) {
      svg.append(svgEl("text", { x: x(i), y: H - 8, "text-anchor": "middle", class: "tick" }, p.tick));
    }
  });
  if (points.length > 1) {
    svg.append(svgEl("polyline", { points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(" "), class: "line" }));
  }
  points.forEach((p, i) => {
    const dot = svgEl("circle", { cx: x(i), cy: y(p.value), r: 4, class: "point" });
    dot.append(svgEl("title", {}, `${p.tick}: ${Math.round(p.value)} out of 100`));
    svg.append(dot);
  });
  return `${label}: ${points.map((p) => Math.round(p.value)).join(", ")} out of 100, oldest first.`;
}

function renderTrend(items) {
  $("trend-box").hidden = items.length < 1;
  if (!items.length) return;
  const points = items.map((a, i) => ({ value: a.overall_score, tick: `#${i + 1}` }));
  $("trend-caption").textContent = lineChart($("trend"), points, "Overall score by attempt");
}

async function openAttempt(a) {
  if (a.status === "queued" || a.status === "running") {
    rememberRunning(a.analysis_id);
    await followAndShow(a.analysis_id, null);
    return;
  }
  try {
    const { body } = await api(`/analyses/${a.analysis_id}`);
    history.replaceState(null, "", `#analysis=${a.analysis_id}`);
    if (body.result) render(body.result, mediaUrl(body));
  } catch (err) {
    showError(err.code, err.message, () => openAttempt(a));
  }
}

async function deleteAttempt(a) {
  if (!confirm("Delete this attempt and its recording?")) return;
  try {
    await api(`/analyses/${a.analysis_id}`, { method: "DELETE" });
  } catch (err) {
    showError(err.code, err.message, null);
    loadHistory();
    return;
  }
  if (state.current?.analysis_id === a.analysis_id) { $("results").hidden = true; history.replaceState(null, "", location.pathname); }
  loadHistory();
}

// --- progress across all attempts ---------------------------------------------------------
// The habits named in issue 16, by their coaching metric; "improving" compares the
// mean score of the later half of attempts with the earlier half.
const HABITS = { fillers: "Filler words per minute", pace: "Pace in the target band", star: "STAR completeness", eye_contact: "Eye contact" };

async function showOverview() {
  $("overview").hidden = false;
  const { body } = await api("/analyses?limit=100");
  const done = body.items.filter((a) => a.status === "completed").reverse();
  const full = (await Promise.all(done.map((a) => api(`/analyses/${a.analysis_id}`).then((r) => r.body).catch(() => null)))).filter(Boolean);
  $("overview-empty").hidden = full.length >= 2;
  const charts = [];
  const byType = new Map();
  for (const a of full) {
    const q = state.questions.find((x) => x.id === a.question_id);
    const type = q ? q.category.replaceAll("_", " ") : "your own questions";
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(a);
  }
  for (const [type, items] of byType) {
    for (const key of ["overall", "delivery", "presence", "content"]) {
      const points = items.map((a, i) => ({ value: a.result?.coaching?.scores?.[key], tick: `#${i + 1}` })).filter((p) => p.value != null);
      if (!points.length) continue;
      const svg = svgEl("svg", { role: "img" });
      const cap = el("figcaption", {});
      const id = `chart-${charts.length}`;
      cap.id = id;
      svg.setAttribute("aria-labelledby", id);
      const title = `${key[0].toUpperCase() + key.slice(1)} score, ${type}`;
      cap.textContent = lineChart(svg, points, title);
      charts.push(el("figure", { class: "chart" }, el("h3", {}, title), svg, cap));
    }
  }
  $("overview-charts").replaceChildren(...charts);
  const changes = [];
  for (const [metric, label] of Object.entries(HABITS)) {
    const scores = full.map((a) => a.result?.coaching?.metrics?.find((m) => m.metric === metric)?.score).filter((s) => s != null);
    if (scores.length < 2) continue;
    const half = Math.floor(scores.length / 2);
    const mean = (xs) => xs.reduce((s, v) => s + v, 0) / xs.length;
    changes.push({ label, delta: mean(scores.slice(half)) - mean(scores.slice(0, half)), n: scores.length });
  }
  changes.sort((a, b) => b.delta - a.delta);
  const line = (c) => el("li", {}, `${c.label}: ${c.delta >= 0 ? "up" : "down"} ${Math.abs(Math.round(c.delta))} points (${c.n} attempts)`);
  // The best three, then the worst three of the rest: a habit is never in both lists.
  const most = changes.slice(0, Math.min(3, Math.ceil(changes.length / 2)));
  const least = changes.slice(most.length).slice(-3).reverse();
  $("habits").replaceChildren(...(changes.length ? [
    el("div", {}, el("h3", {}, "Improving most"), el("ol", {}, ...most.map(line))),
    least.length ? el("div", {}, el("h3", {}, "Improving least"), el("ol", {}, ...least.map(line))) : null,
  ].filter(Boolean) : [el("p", { class: "hint" }, "Habits show here after two attempts that measure them.")]));
  $("overview").focus();
}
$("show-progress").onclick = () => showOverview().catch((err) => showError(err.code, err.message, showOverview));

// --- start: pick up a running or finished analysis from the address or storage ---------------
async function resume() {
  const fromHash = /^#analysis=([\w-]+)$/.exec(location.hash)?.[1];
  let stored = null;
  try { stored = localStorage.getItem("running-analysis"); } catch { /* private mode */ }
  const id = fromHash || stored;
  if (!id) return;
  if (!fromHash) history.replaceState(null, "", `#analysis=${id}`);
  // Show the question it answered, so its history is the one listed.
  const status = await retrying(() => api(`/analyses/${id}`)).then((r) => r.body).catch(() => null);
  if (status) selectQuestionOf(status);
  await followAndShow(id, null);
}

function selectQuestionOf(status) {
  const q = state.questions.find((x) => x.id === status.question_id);
  if (q) {
    $("role").value = q.role;
    fillQuestions();
    $("question").value = q.id;
    $("custom-question").value = "";
    questionHint();
  } else if (status.question) {
    $("custom-question").value = status.question;
    $("custom").open = true;
  }
  loadHistory();
}

loadQuestions()
  .catch((err) => showError(err.code, `Could not load questions: ${err.message}`, loadQuestions))
  .then(resume);
