"""Source text: decoding, line/column mapping, ``# noqa`` and the cheap relevance prefilter."""
