"""Whether a model-named value in a configuration file is clearly about a provider other than OpenAI.

Precision first, as in Python code: a value is left alone when its key or an enclosing key names another
provider or a local model server (``ANTHROPIC_MODEL``, an ``anthropic:`` or ``[ollama]`` section,
``azure_openai.model``, ``LM_STUDIO_MODEL``: words are also joined to find a name written in parts), when the
file is named for one (``azure.yaml``, ``ollama/config.toml``), when a table beside it does
(``litellm_params`` next to a LiteLLM proxy's ``model_name`` alias), or when a value beside it, in its
table or an enclosing one, says so: a provider selector (``provider: anthropic``, ``api_type: azure``), a
base URL on another server (``http://localhost:11434/v1``), or Azure settings (``AZURE_OPENAI_ENDPOINT``,
a ``deployment``: there ``model`` names a deployment, as for ``AzureOpenAI`` clients in code).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Iterable, Sequence, Set

from lint_openai.analyses.model_references import name_words, names_other_server
from lint_openai.source.config_files.tree import ConfigTable, ConfigValue

PROVIDER_WORDS = frozenset(
    {
        "ai21", "anthropic", "anyscale", "azure", "bedrock", "cerebras", "claude", "cohere", "copilot",
        "dashscope", "databricks", "deepinfra", "deepseek", "fireworks", "gemini", "google", "grok", "groq",
        "huggingface", "hf", "litellm", "llamacpp", "lmstudio", "localai", "mistral", "moonshot", "nvidia",
        "ollama", "openrouter", "palm", "perplexity", "qwen", "replicate", "sagemaker", "together",
        "togetherai", "vertex", "vertexai", "vllm", "watsonx", "xai", "zhipu",
        # local model servers (their model names are the server's own)
        "aphrodite", "gpt4all", "jan", "kobold", "koboldai", "koboldcpp", "llamafile", "lmdeploy", "mlx",
        "oobabooga", "sglang", "tabbyapi", "textgen", "tgi", "xinference",
    }
)  # fmt: skip
MAX_JOINED = 3  # ``LM_STUDIO`` -> ``lmstudio``, ``GPT4ALL`` (``gpt``, ``4``, ``all``) -> ``gpt4all``
# A value beside the model that selects the provider: ``provider: anthropic``, ``api_type: azure``.
SELECTOR_WORDS = frozenset({"provider", "type", "backend", "vendor", "platform", "service"})
# Settings of an Azure OpenAI setup, where ``model`` names a deployment.
AZURE_WORDS = frozenset({"azure", "deployment"})


def about_other_provider(path: str, keys: Sequence[str], tables: Iterable[ConfigTable]) -> bool:
    """Whether the value at ``keys`` (in ``tables``, innermost first) of file ``path`` is another provider's."""
    if _words(keys) & PROVIDER_WORDS or _file_words(path) & PROVIDER_WORDS:
        return True
    tables = tuple(tables)
    nested = [key for key, node in (tables[0].entries if tables else ()) if isinstance(node, ConfigTable)]
    if _words(nested) & PROVIDER_WORDS:  # {model_name: gpt-4, litellm_params: {...}}
        return True
    for table in tables:
        for key, node in table.entries:
            if isinstance(node, ConfigValue) and _says_other_provider(key, node.value):
                return True
    return False


def _says_other_provider(key: str, value: str) -> bool:
    words = set(name_words(key))
    if words & AZURE_WORDS:
        return True
    if words & SELECTOR_WORDS and _words((value,)) & PROVIDER_WORDS:
        return True
    return names_other_server(key, value)  # a URL on another server (``${VAR}`` proves nothing)


def _words(keys: Iterable[str]) -> Set[str]:
    """The words of each key, and runs of up to three adjacent words joined: a provider written in
    several words (``LM_STUDIO_MODEL``, ``LLAMA_CPP``, ``local-ai``) is found by its one-word name."""
    found: Set[str] = set()
    for key in keys:
        words = name_words(key)
        found.update(words)
        for size in range(2, MAX_JOINED + 1):
            found.update("".join(words[start : start + size]) for start in range(len(words) - size + 1))
    return found


def _file_words(path: str) -> Set[str]:
    """Words of the file's name and of its directory's name (``deploy/azure/values.yaml``)."""
    pure = PurePath(path)
    return _words((pure.stem, pure.parent.name))
