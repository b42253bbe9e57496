"""Shared by the OAI5xx rules: the response-shape source and how stream chunks are recognised."""

from __future__ import annotations

SHAPES_SOURCE = (
    "response shapes generated from the installed SDK's pydantic models (`ChatCompletion`, "
    "`ChatCompletionChunk`, `Completion`) into knowledge/sdk.json"
)


TEXT_USE_PHRASES = {
    "concatenated": "concatenated to a string",
    "joined": "joined into a string",
    "written": "written to a stream",
    "printed": "printed",
    "formatted": "formatted into a string",
}
