"""The LLM coach: the official `openai` client against any OpenAI-compatible server.

JSON mode (`response_format={"type": "json_object"}`; the prompt says "json" and shows
an example), validated with pydantic, retried once on a malformed or ungrounded reply.
Any failure raises, and the coaching stage keeps the rules coach's feedback.
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

import httpx
from openai import OpenAI, OpenAIError
from openai.types.chat import ChatCompletionMessageParam

from interview_prep_backend.adapters.llm.prompt import messages
from interview_prep_backend.adapters.llm.validate import InvalidReply, grounded, parse
from interview_prep_backend.pipeline import schema as s
from interview_prep_backend.pipeline.coach.stage import LlmAdvice

log = logging.getLogger(__name__)

ATTEMPTS = 2  # the first try and one retry


class OpenAICompatibleCoach:
    def __init__(
        self,
        *,
        api_key: str,
        base_url: str,
        model: str,
        timeout_s: float = 60.0,
        max_tokens: int = 1200,
        http_client: httpx.Client | None = None,
    ) -> None:
        self.model = model
        self._client = OpenAI(
            api_key=api_key,
            base_url=base_url,
            timeout=timeout_s,
            max_retries=1,
            # openai types http_client as httpx2.Client but also accepts a legacy
            # httpx.Client at run time (is_legacy_httpx_sync_client in _base_client).
            http_client=http_client,  # type: ignore[arg-type]
        )
        self._max_tokens = max_tokens
        # DeepSeek's V4 models think by default; coaching wants the fast, direct mode.
        host = urlparse(base_url).hostname or ""
        self._extra_body = (
            {"thinking": {"type": "disabled"}} if host.endswith("deepseek.com") else None
        )

    def feedback(self, result: s.AnalysisResult, rules: s.Coaching) -> LlmAdvice:
        last: Exception | None = None
        for attempt in range(ATTEMPTS):
            try:
                response = self._client.chat.completions.create(
                    model=self.model,
                    messages=_chat(messages(result, rules)),
                    response_format={"type": "json_object"},
                    temperature=0.2,
                    max_tokens=self._max_tokens,
                    extra_body=self._extra_body,
                )
                raw = response.choices[0].message.content or ""
                return grounded(parse(raw), result, rules)
            except (InvalidReply, OpenAIError, IndexError) as exc:
                log.info("LLM coach attempt %d failed: %s", attempt + 1, exc)
                last = exc
        raise RuntimeError(f"LLM coach failed after {ATTEMPTS} attempts: {last}")


def _chat(plain: list[dict[str, str]]) -> list[ChatCompletionMessageParam]:
    """The prompt's role/content dicts as the client's typed messages (system or user)."""
    out: list[ChatCompletionMessageParam] = []
    for m in plain:
        if m["role"] == "system":
            out.append({"role": "system", "content": m["content"]})
        else:
            out.append({"role": "user", "content": m["content"]})
    return out
