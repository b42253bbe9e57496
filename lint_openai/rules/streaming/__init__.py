"""OAI5xx: streaming loops that read the wrong field, treat chunks as text, or crash on ``None``."""

from __future__ import annotations

from lint_openai.rules.streaming.iterating_non_stream_response import IteratingNonStreamResponse
from lint_openai.rules.streaming.stream_chunk_used_as_text import StreamChunkUsedAsText
from lint_openai.rules.streaming.stream_reads_non_delta import StreamReadsNonDelta
from lint_openai.rules.streaming.stream_used_as_response import StreamUsedAsResponse
from lint_openai.rules.streaming.unguarded_delta_content import UnguardedDeltaContent
from lint_openai.rules.streaming.unguarded_stream_choices import UnguardedStreamChoices

RULES = (
    StreamReadsNonDelta(),
    StreamChunkUsedAsText(),
    UnguardedDeltaContent(),
    UnguardedStreamChoices(),
    IteratingNonStreamResponse(),
    StreamUsedAsResponse(),
)
