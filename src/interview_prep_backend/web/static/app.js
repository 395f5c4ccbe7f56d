// Interview Coach page: choose a question, record or type an answer, upload, follow the
// analysis, review it on a timeline synced with the video, and track attempts.
const $ = (id) => document.getElementById(id);
const api = (path, init) => fetch(`/api/v1${path}`, init).then(async (r) => {
  const body = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) throw new ApiError(r.status, body);
  return { status: r.status, body };
});

class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `Request failed (${status})`);
    this.code = body?.error?.code || "http_" + status;
  }
}

// Messages a person understands, by the API's stable codes.
const MESSAGES = {
  camera_refused: "Camera or microphone access was refused. Allow it in the browser's address bar, then try again.",
  camera_missing: "No camera or microphone was found. Connect one, then try again.",
  upload_failed: "The upload did not finish. Check your connection and try again.",
  media_unreadable: "The recording could not be read. Please record it again.",
  unsupported_codec: "The recording's format cannot be decoded here. Record in the browser, or export it as MP4 (H.264) or WebM.",
  empty_file: "The recording was empty. Please record it again.",
  no_audio_track: "The recording has no sound. Check that the microphone is on, then record again.",
  no_speech: "No speech was heard in the recording. Check the microphone and record again.",
  too_long: "The recording is longer than the 10-minute limit. Record a shorter answer.",
  empty_answer: "Type an answer first.",
};

const state = { questions: [], thresholds: {}, blob: null, retry: null, current: null };

function showError(code, fallback, retry) {
  $("error-text").textContent = MESSAGES[code] || fallback || "Something went wrong.";
  state.retry = retry || null;
  $("error-retry").hidden = !retry;
  $("error").hidden = false;
  $("error").focus?.();
}
$("error-close").onclick = () => { $("error").hidden = true; };
$("error-retry").onclick = () => { $("error").hidden = true; state.retry?.(); };

const fmt = (t) => `${Math.floor(t / 60)}:${String(Math.floor(t % 60)).padStart(2, "0")}`;
const el = (tag, attrs = {}, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (k.startsWith("on")) node[k] = v;
    else node.setAttribute(k, v);
  }
  for (const kid of kids) if (kid != null) node.append(kid);
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
function questionFields() {
  const custom = $("custom-question").value.trim();
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
let stream = null, recorder = null, chunks = [], timerId = null, started = 0;
const MAX_SECONDS = 600;

async function cameraOn() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  } catch (err) {
    const code = err.name === "NotAllowedError" || err.name === "SecurityError" ? "camera_refused" : "camera_missing";
    showError(code, null, cameraOn);
    return;
  }
  $("preview").srcObject = stream;
  await $("preview").play().catch(() => {});
  $("rec-start").disabled = false;
  $("camera-on").disabled = true;
  $("rec-start").focus();
}
$("camera-on").onclick = cameraOn;

function pickType() {
  for (const t of ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm"]) {
    if (window.MediaRecorder?.isTypeSupported?.(t)) return t;
  }
  return "";
}

async function countdown() {
  const box = $("countdown");
  box.hidden = false;
  for (const n of [3, 2, 1]) { box.textContent = n; await new Promise((r) => setTimeout(r, 700)); }
  box.hidden = true;
}

async function startRecording() {
  $("rec-start").disabled = true;
  await countdown();
  chunks = [];
  recorder = new MediaRecorder(stream, { mimeType: pickType() });
  recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
  recorder.onstop = () => {
    state.blob = new Blob(chunks, { type: "video/webm" });
    uploadAndAnalyze();
  };
  recorder.start(1000);
  started = performance.now();
  $("timer").hidden = false;
  timerId = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    $("timer").textContent = fmt(s);
    if (s >= MAX_SECONDS) stopRecording();
  }, 250);
  $("rec-stop").disabled = false;
  $("rec-stop").focus();
}
function stopRecording() {
  clearInterval(timerId);
  $("timer").hidden = true;
  $("rec-stop").disabled = true;
  $("rec-start").disabled = false;
  if (recorder?.state === "recording") recorder.stop();
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
    xhr.onerror = () => reject(new Error("network"));
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

function progress(uploadLabel, analysisLabel, analysisPct) {
  $("progress").hidden = false;
  if (uploadLabel) $("upload-label").textContent = uploadLabel;
  $("analysis-label").textContent = analysisLabel;
  $("analysis-bar").value = analysisPct;
  $("status").textContent = analysisLabel;
}

async function uploadAndAnalyze() {
  const blob = state.blob;
  $("upload-bar").value = 0;
  progress("Uploading your recording", "Waiting to analyse", 0);
  let target;
  try {
    target = (await api("/upload-url", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ file_type: "video", content_type: "video/webm", file_size: blob.size }),
    })).body;
    await put(target, blob);
  } catch (err) {
    showError("upload_failed", err.message, uploadAndAnalyze);
    return;
  }
  $("upload-bar").value = 100;
  progress("Uploaded", "Analysing…", 0);
  try {
    const accepted = (await api("/analyze", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ file_key: target.file_key, wait: false, ...questionFields() }),
    })).body;
    const done = await follow(accepted.analysis_id);
    render(done.result, URL.createObjectURL(blob));
    loadHistory();
  } catch (err) {
    showError(err.code, err.message, () => $("rec-start").focus());
  }
}

const STAGES = { media: "Checking the recording", transcribe: "Transcribing speech", speech_metrics: "Measuring delivery",
  prosody: "Measuring voice", presence: "Watching the video" };

async function follow(id) {
  for (;;) {
    const { body } = await api(`/analyses/${id}`);
    if (body.status === "completed") { progress(null, "Done", 100); return body; }
    if (body.status === "failed") throw Object.assign(new Error(body.error.message), { code: body.error.code });
    const label = body.status === "queued" ? "Waiting in line" : `${STAGES[body.stage] || "Analysing"} (${Math.round(body.progress_pct)}%)`;
    progress(null, label, body.progress_pct);
    await new Promise((r) => setTimeout(r, 500));
  }
}

$("text-submit").onclick = async () => {
  const text = $("answer-text").value;
  try {
    progress(null, "Analysing your answer…", 30);
    const { body } = await api("/analyze", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, ...questionFields() }),
    });
    progress(null, "Done", 100);
    render(body, null);
    loadHistory();
  } catch (err) {
    showError(err.code, err.message, () => $("answer-text").focus());
  }
};

// --- results ---------------------------------------------------------------------------
function seek(t) {
  const v = $("playback");
  if (!v.src || t == null) return;
  v.currentTime = t;
  v.focus();
}

function scoreClass(s) { return s >= 75 ? "good" : s >= 50 ? "ok" : "low"; }

function render(result, videoUrl) {
  state.current = result;
  $("results").hidden = false;
  const c = result.coaching || { scores: {}, strengths: [], improvements: [], metrics: [] };
  $("scores").replaceChildren(...Object.entries(c.scores).filter(([, v]) => v != null).map(([k, v]) =>
    el("div", { class: `score ${scoreClass(v)}` }, k[0].toUpperCase() + k.slice(1), el("b", {}, String(Math.round(v))))));
  const v = $("playback");
  const hasVideo = Boolean(videoUrl);
  v.parentElement.hidden = !hasVideo && !result.transcript_analysis;
  if (hasVideo) v.src = videoUrl; else v.removeAttribute("src");
  v.hidden = !hasVideo;
  renderTranscript(result);
  renderTimeline(result);
  $("improvements").replaceChildren(...c.improvements.map((i) => card(i, true)));
  $("strengths").replaceChildren(...c.strengths.map((i) => card(i, false)));
  $("metrics").querySelector("tbody").replaceChildren(...c.metrics.map((m) => el("tr", {},
    el("th", { scope: "row" }, state.thresholds[m.metric]?.label || m.metric), el("td", {}, m.value),
    el("td", {}, m.target), el("td", {}, String(Math.round(m.score))), el("td", {}, state.thresholds[m.metric]?.why || ""))));
  $("results-title").scrollIntoView({ behavior: "smooth" });
  $("results-title").setAttribute("tabindex", "-1");
  $("results-title").focus({ preventScroll: true });
}

function card(item, improvement) {
  const ev = item.evidence || {};
  const when = ev.start_time != null
    ? el("button", { type: "button", class: "seek secondary", "aria-label": `Play from ${fmt(ev.start_time)}`, onclick: () => seek(ev.start_time) }, `▶ ${fmt(ev.start_time)}`)
    : null;
  const evidence = ev.quote ? el("blockquote", {}, `“${ev.quote}”`) : ev.metric ? el("p", { class: "hint" }, `${ev.metric.replaceAll("_", " ")}: ${ev.value}`) : null;
  const models = item.model_sentences ? el("ul", {}, ...Object.entries(item.model_sentences).map(([p, s]) => el("li", {}, el("b", {}, `${p}: `), s))) : null;
  return el("li", {}, el("h4", {}, item.title), when, evidence,
    item.why ? el("p", {}, item.why) : null,
    improvement && item.drill ? el("p", {}, el("b", {}, "Drill: "), item.drill) : null, models);
}

function spansOf(result, key) {
  return result.speech_metrics?.[key]?.items || [];
}

function renderTranscript(result) {
  const words = result.transcript_analysis?.words;
  const box = $("transcript");
  if (!words) { box.replaceChildren(el("p", {}, result.answer_text || "")); return; }
  const marks = [["filler", spansOf(result, "fillers")], ["hedge", spansOf(result, "hedges")], ["repeat", spansOf(result, "repetitions")]];
  box.replaceChildren(...words.map((w) => {
    const kinds = marks.filter(([, items]) => items.some((s) => w.start_time >= s.start_time - 0.01 && w.end_time <= s.end_time + 0.01)).map(([k]) => k);
    const b = el("button", { type: "button", class: ["word", ...kinds].join(" "), "data-start": w.start_time,
      "aria-label": `${w.text}, at ${fmt(w.start_time)}${kinds.length ? ", " + kinds.join(", ") : ""}` }, w.text);
    b.onclick = () => seek(w.start_time);
    return b;
  }).flatMap((b) => [b, " "]));
}

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
  const ns = "http://www.w3.org/2000/svg";
  const duration = result.media?.duration_s;
  svg.replaceChildren();
  svg.parentElement.hidden = false;
  if (!duration) { svg.style.display = "none"; return; }
  svg.style.display = "";
  const W = 1000, lanes = { pace: 4, pause: 30, expr: 46, smile: 62, lost: 78 };
  svg.setAttribute("viewBox", `0 0 ${W} 96`);
  svg.setAttribute("preserveAspectRatio", "none");
  const x = (t) => (W * t) / duration;
  const rect = (x0, y, w, h, fill, title) => {
    const r = document.createElementNS(ns, "rect");
    Object.entries({ x: x0, y, width: Math.max(w, 1), height: h, fill }).forEach(([k, v]) => r.setAttribute(k, v));
    if (title) { const t = document.createElementNS(ns, "title"); t.textContent = title; r.append(t); }
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

// --- history ---------------------------------------------------------------------------
async function loadHistory() {
  const q = $("question").value;
  if (!q) return;
  const { body } = await api(`/analyses?question_id=${encodeURIComponent(q)}&limit=50`);
  const items = body.items;
  $("no-attempts").hidden = items.length > 0;
  $("attempts").replaceChildren(...items.map((a) => el("li", {},
    el("span", { class: "when" }, `${new Date(a.created_at).toLocaleString()} · ${a.answer_type === "text" ? "typed" : "video"} · `,
      a.status === "completed" ? `score ${Math.round(a.overall_score ?? 0)}` : a.status),
    el("button", { type: "button", class: "secondary", onclick: () => openAttempt(a), "aria-label": `Open attempt from ${new Date(a.created_at).toLocaleString()}` }, "Open"),
    el("button", { type: "button", class: "secondary", onclick: () => deleteAttempt(a), "aria-label": `Delete attempt from ${new Date(a.created_at).toLocaleString()}` }, "Delete"))));
  renderTrend(items.filter((a) => a.overall_score != null).reverse());
}

function renderTrend(items) {
  const svg = $("trend");
  svg.replaceChildren();
  if (items.length < 2) { svg.style.display = "none"; return; }
  svg.style.display = "";
  svg.setAttribute("viewBox", "0 0 300 60");
  const pts = items.map((a, i) => `${(300 * i) / (items.length - 1)},${56 - (52 * a.overall_score) / 100}`).join(" ");
  const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
  line.setAttribute("points", pts); line.setAttribute("fill", "none"); line.setAttribute("stroke", "#1957c2"); line.setAttribute("stroke-width", "2");
  svg.append(line);
  svg.setAttribute("aria-label", `Score trend: ${items.map((a) => Math.round(a.overall_score)).join(", ")}`);
}

async function openAttempt(a) {
  const { body } = await api(`/analyses/${a.analysis_id}`);
  if (body.result) render(body.result, body.file_key ? `/api/v1/media/${body.file_key}` : null);
}

async function deleteAttempt(a) {
  if (!confirm("Delete this attempt and its recording?")) return;
  await api(`/analyses/${a.analysis_id}`, { method: "DELETE" });
  if (state.current?.analysis_id === a.analysis_id) $("results").hidden = true;
  loadHistory();
}

loadQuestions().catch((err) => showError(null, `Could not load questions: ${err.message}`, loadQuestions));
