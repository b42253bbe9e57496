"""False alarms and wrong positions found on real notebooks (nbfp: /work/nbfp-triage.csv), each rebuilt as
a minimal notebook of our own: the finding a real notebook got, and what it gets now."""

from __future__ import annotations

import datetime
from typing import Any, Dict, List, Tuple

import pytest
from tiktoken_ext import openai_public

from lint_openai.config.settings import Settings
from lint_openai.frontends.documents import add_notebook_noqa, check_notebook
from lint_openai.knowledge import tiktoken_tables
from lint_openai.source.notebook import read_notebook

from .notebook_builder import build, code

SETTINGS = Settings(today=datetime.date(2026, 12, 1))


def findings(cells: List[Dict[str, Any]], **options: Any) -> List[Tuple[str, int, int, int, int, int]]:
    """``(code, cell, row, column, end row, end column)`` of each finding."""
    return [
        (d.code, d.cell or 0, d.start.row, d.start.column, d.end.row, d.end.column)
        for d in check_notebook(build(cells, **options), "nb.ipynb", SETTINGS)
    ]


def polyglot(source: str, **cell_metadata: Any) -> Dict[str, Any]:
    """A .NET Interactive (Polyglot Notebooks) cell as VS Code saves it."""
    cell = code(source)
    cell["metadata"] = {"vscode": {"languageId": "polyglot-notebook"}, **cell_metadata}
    return cell


CSHARP = {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}}


def test_polyglot_cells_in_another_language_are_not_python() -> None:
    # weaviate/recipes' Semantic Kernel notebooks and Azure-Samples/openai's .NET ones: kernelspec python3,
    # every cell C# (or PowerShell) by its own metadata; each was an OAI001 "SyntaxError".
    cells = [
        polyglot('#r "nuget: Azure.AI.OpenAI, 1.0.0-beta.14"\nusing Azure.AI.OpenAI;', **CSHARP),
        polyglot("var client = new OpenAIClient(new Uri(endpoint), new AzureKeyCredential(key));", **CSHARP),
        polyglot("docker run -d -p 6333:6333 qdrant/qdrant", polyglot_notebook={"kernelName": "pwsh"}),
        polyglot('string collectionName = "AboutMe";'),  # no kernel named: the .NET default, C#
        polyglot(
            "import openai\nopenai.Completion.create(prompt='x')", polyglot_notebook={"kernelName": "python"}
        ),
        code('import openai\nopenai.ChatCompletion.create(model="gpt-5.5", messages=[])'),
    ]
    assert findings(cells) == [("OAI101", 5, 2, 1, 2, 25), ("OAI101", 6, 2, 1, 2, 29)]


def test_the_default_kernel_of_a_polyglot_notebook_names_the_language_of_its_unnamed_cells() -> None:
    metadata = {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "python", "items": []}}}
    cells = [polyglot("import openai\nopenai.Completion.create(prompt='x')")]
    assert findings(cells, metadata=metadata) == [("OAI101", 1, 2, 1, 2, 25)]


def test_gpt2_and_r50k_base_are_one_encoding() -> None:
    # Azure/azure-openai-samples 08-retrieve-information.ipynb: `get_encoding("gpt2")` with
    # text-similarity-davinci-001 (r50k_base) was OAI402 "token counts will be off"; tiktoken's gpt2 and
    # r50k_base have the same ranks, pattern and special tokens (openai/tiktoken#187). p50k_base still differs.
    cells = [
        code("import openai, tiktoken\nopenai.api_key = 'k'"),
        code('model = "text-similarity-davinci-001"\nres = openai.embeddings.create(model=model, input="x")'),
        code('enc = tiktoken.get_encoding("gpt2")\nn = len(enc.encode("x"))'),
    ]
    assert [f[0] for f in findings(cells)] == ["OAI201"]
    cells[2] = code('enc = tiktoken.get_encoding("p50k_base")\nn = len(enc.encode("x"))')
    assert [f[0] for f in findings(cells)] == ["OAI201", "OAI402"]


def test_gpt2_and_r50k_base_are_alike_in_the_installed_tiktoken(monkeypatch: pytest.MonkeyPatch) -> None:
    # What can be checked without downloading the ranks: the same pattern, vocabulary size and special tokens.
    monkeypatch.setattr(openai_public, "data_gym_to_mergeable_bpe_ranks", lambda **files: {})
    monkeypatch.setattr(openai_public, "load_tiktoken_bpe", lambda *file, **hash: {})
    gpt2, r50k = openai_public.gpt2(), openai_public.r50k_base()
    for key in ("explicit_n_vocab", "pat_str", "special_tokens"):
        assert gpt2[key] == r50k[key], key
    assert tiktoken_tables().same_tokens("gpt2", "r50k_base")
    assert not tiktoken_tables().same_tokens("gpt2", "p50k_base")


def test_a_membership_test_of_the_delta_guards_its_content() -> None:
    # Azure-Samples/openai chat_with_your_own_data.ipynb cell 29: `if "content" in delta: print(delta.content)`
    # was OAI503; the print runs only where the test holds.
    cells = [
        code("from openai import OpenAI\nclient = OpenAI()"),
        code(
            'stream = client.chat.completions.create(model="gpt-5.5", messages=[], stream=True)\n'
            "for chunk in stream:\n"
            "    delta = chunk.choices[0].delta\n"
            '    if "content" in delta:\n'
            '        print(delta.content, end="")\n'
            '    if "role" in delta:\n'
            '        print(delta.content, end="")'
        ),
    ]
    assert findings(cells) == [("OAI503", 2, 7, 15, 7, 28)]


def test_a_cell_whose_first_line_is_indented_is_dedented_as_ipython_does() -> None:
    # Azure-Samples/openai basic_embeddings_example_sdk.ipynb cell 5 (it ran: its output is saved): IPython's
    # leading_indent removes the first line's indentation from every line starting with it. Was OAI001
    # "unexpected indent", hiding the cell's findings; positions are the cell's own columns.
    cells = [
        code('import openai\nopenai.api_type = "azure"'),
        code(
            " try:\n"
            '    e = openai.Embedding.create(engine="emb", input="x")\n'
            "except openai.error.APIError:\n"
            "    pass"
        ),
    ]
    assert findings(cells) == [
        ("OAI101", 2, 2, 9, 2, 32),
        ("OAI102", 2, 3, 8, 3, 29),
    ]


def test_a_dedented_cell_keeps_its_own_columns_for_syntax_errors_fixes_and_noqa() -> None:
    cells = [
        code("import openai"),
        code(
            " try:\n    pass\n except openai.error.APIError:\n    pass\nexcept openai.error.Timeout:\n    pass"
        ),
        code("  x = (\n  1,"),
    ]
    text = build(cells)
    found = check_notebook(text, "nb.ipynb", SETTINGS)
    assert [(d.code, d.cell, d.start.row, d.start.column, d.fix is not None) for d in found] == [
        ("OAI102", 2, 3, 9, False),  # the fix's columns would be the dedented text's: dropped
        ("OAI102", 2, 5, 8, True),  # a row the dedent left alone keeps its fix
        ("OAI001", 3, 1, 7, False),  # "(" was never closed: column 7 of "  x = ("
    ]
    noqa = read_notebook(add_notebook_noqa(text, found, ()).text)
    assert noqa.cells[1].source.splitlines()[2] == " except openai.error.APIError:  # noqa: OAI102"
    assert noqa.cells[1].source.splitlines()[0] == " try:"


AZURE_V0 = code('import openai\nopenai.api_type = "azure"\nopenai.api_base = "https://x.openai.azure.com"')


def test_model_names_in_a_v0_notebook_set_to_azure_are_deployments() -> None:
    # Azure-Samples/openai topic_classifier.ipynb (classifier_model = 'text-davinci-003' reaching
    # openai.Completion.create(engine=...) through two functions) and Azure/azure-openai-samples
    # Lab-clustering-embeddings-themes.ipynb (deployment_model = '...' for get_embedding(engine=...)): OAI201
    # on deployment names. The model of v0's Azure Deployment.create is a model, and still reported.
    cells = [
        AZURE_V0,
        code(
            "def batch_predict(MODEL_NAME, prompt):\n"
            "    return openai.Completion.create(engine=MODEL_NAME, prompt=prompt)\n"
            "def evaluate(classifier_model):\n"
            "    return batch_predict(classifier_model, 'x')"
        ),
        code("classifier_model = 'text-davinci-003'\nevaluate(classifier_model)"),
        code(
            "from openai.embeddings_utils import get_embedding\n"
            "deployment_model = 'text-search-babbage-doc-001'\n"
            "e = get_embedding('x', engine=deployment_model)"
        ),
        code(
            'model = "text-similarity-davinci-001"\nopenai.Deployment.create(model=model, scale_settings={})'
        ),
    ]
    assert [(f[0], f[1], f[2]) for f in findings(cells) if f[0] == "OAI201"] == [("OAI201", 5, 1)]


def test_an_api_type_the_file_cannot_show_keeps_model_names_models() -> None:
    # llmx (benchmarks/triage.csv, a TP): `openai.api_type = api_type` may be anything, so a model named in
    # the file stays a model; only a proven "azure" makes it a deployment name.
    source = (
        "import openai\n"
        "def setup(api_type):\n"
        "    openai.api_type = API_TYPE\n"
        "DEFAULT_MODEL = 'gpt-4'\n"
        "def ask(e):\n"
        "    return openai.ChatCompletion.create(engine=e, messages=[])"
    )
    unknown = [code(source.replace("API_TYPE", "api_type"))]
    assert [f[0] for f in findings(unknown) if f[0] == "OAI201"] == ["OAI201"]
    azure = [code(source.replace("API_TYPE", '"azure"'))]
    assert [f[0] for f in findings(azure) if f[0] == "OAI201"] == []
