"""What to say about each metric: why it matters is in the thresholds; here are the
improvement titles, the drills, and model sentences for missing STAR parts."""

from __future__ import annotations

TITLES = {
    "pace": ("Speak at a steadier pace", "Your pace was easy to follow"),
    "fillers": ("Cut the filler words", "Few filler words"),
    "longest_pause": ("Avoid long silences mid-answer", "Pauses were well placed"),
    "hedges": ("Own your statements", "You stated things with conviction"),
    "repetitions": ("Smooth out restarts", "Fluent, without stumbles"),
    "pitch_variation": ("Vary your voice", "Lively, varied voice"),
    "eye_contact": ("Look at the camera more", "Strong eye contact with the camera"),
    "face_visible": ("Keep your face in the frame", "Well framed on camera"),
    "head_movement": ("Keep your head steadier", "Calm, steady posture"),
    "smile": ("Let some warmth show", "Warm, friendly expression"),
    "length": ("Fit the answer to the ideal length", "Well-judged answer length"),
    "star": ("Complete the STAR structure", "Clear STAR structure"),
    "talking_points": ("Cover what the question probes", "Covered the key points"),
    "relevance": ("Stay on the question", "Stayed on the question"),
    "results": ("Quantify your result", "Concrete, quantified results"),
    "ownership": ("Say what *you* did", "Clear ownership of your actions"),
    "ending": ("Land the ending", "A clear ending"),
}

DRILLS = {
    "pace": "Read a 150-word paragraph aloud with a timer: aim for 60-70 seconds, twice a day "
    "for a week, then retell the same story without the text at that speed.",
    "fillers": "Record a 1-minute answer; each time you feel an 'um' coming, close your mouth "
    "and pause silently instead. Re-record until you have 3 or fewer.",
    "longest_pause": "Outline the answer as 4 bullet points (S, T, A, R) before you start; "
    "glance at the next bullet instead of searching in silence.",
    "hedges": "Write your answer down, strike every 'I think', 'maybe', 'kind of', and say "
    "it again from the edited version.",
    "repetitions": "Slow down the first three words of each sentence; say them a beat "
    "slower and the restarts disappear.",
    "pitch_variation": "Mark the one word per sentence that matters most and say it higher "
    "and louder; record and listen back.",
    "eye_contact": "Put a sticker beside the camera lens and talk to it; look away to think, "
    "then come back to the sticker to deliver the point.",
    "face_visible": "Before recording, check the preview: eyes at the upper third, head and "
    "shoulders in frame, sit about an arm's length away.",
    "head_movement": "Sit back with both feet on the floor and rest your forearms; record 1 "
    "minute and watch it muted to spot the motion.",
    "smile": "Start and end the answer with a brief smile; practise the first sentence in "
    "front of the camera three times.",
    "length": "Time yourself: one sentence each for situation and task, three for action, "
    "two for result; cut or add to land inside the ideal range.",
    "star": "Rewrite the story on four index cards (Situation, Task, Action, Result) and "
    "tell it card by card.",
    "talking_points": "List what the interviewer wants to learn from this question, then "
    "check your answer touches each item at least once.",
    "relevance": "Repeat the question's key words in your first sentence, then check each "
    "later sentence still answers it.",
    "results": "Finish with a number: time saved, % improved, money, users, or a before/after "
    "comparison. If you don't know it exactly, give an honest estimate.",
    "ownership": "Retell the action part using 'I' for every step you took; keep 'we' only for "
    "what the team did without you.",
    "ending": "End with one sentence that states the result and what you learned, then stop.",
}

STAR_MODELS = {
    "situation": 'Set the scene in one sentence, e.g. "At my last job our team of five was '
    'shipping a release every two weeks, and releases kept slipping."',
    "task": 'Say what you were responsible for, e.g. "My job was to get releases back on '
    'schedule within a quarter."',
    "action": "Say the steps you took, with 'I', e.g. \"I mapped where time went, automated the "
    'test run, and set up a release checklist with the team."',
    "result": 'Close with the outcome, e.g. "As a result releases went out on time for six '
    'months and release time fell by 40%; I learned to measure before fixing."',
}
