"""Configuration files: model ids under model-named keys in .env, YAML, TOML, JSON and INI files (opt-in),
at the value's line and column; other providers' keys stay silent; invalid files are skipped with a note;
secrets never reach the output; .gitignore and symlinks are respected."""

from __future__ import annotations

import datetime
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint_openai.config.settings import Settings
from lint_openai.engine import check_config_file
from lint_openai.frontends.cli.main import main
from lint_openai.frontends.cli.runner import check_data
from lint_openai.source.config_files.toml_file import locate_strings, tomllib
from lint_openai.source.config_files.tree import ConfigFileError
from lint_openai.source.file_names import config_format

FIXTURES = Path(__file__).parent / "fixtures" / "config"
TODAY = "2026-11-25"
SETTINGS = Settings(today=datetime.date(2026, 11, 25))
SECRET = "never-printed"

# (file, row, column, code): every finding the fixtures must give, and nothing else.
EXPECTED = {
    (".env.example", 4, 21, "OAI201"),  # export OPENAI_MODEL=gpt-4
    (".env.example", 6, 16, "OAI202"),  # FALLBACK_MODEL="gpt-4o"
    ("app.ini", 2, 9, "OAI201"),  # [openai] model = gpt-4
    ("app.ini", 9, 13, "OAI202"),  # [DEFAULT] Chat_Model: gpt-4o
    ("docker-compose.yml", 6, 22, "OAI201"),  # - OPENAI_MODEL=gpt-3.5-turbo
    ("docker-compose.yml", 7, 24, "OAI202"),  # - "SUMMARY_MODEL=gpt-4o-mini"
    ("docker-compose.yml", 15, 19, "OAI201"),  # CHAT_MODEL: gpt-4-turbo
    ("llm.yaml", 4, 10, "OAI202"),  # llm.model: gpt-4o
    ("llm.yaml", 21, 10, "OAI201"),  # an anchored "o1", reported once (not again through the alias)
    ("llm.yaml", 33, 22, "OAI201"),  # Kubernetes env: name OPENAI_MODEL, value "gpt-4-0613"
    ("models.json", 2, 20, "OAI201"),
    ("models.json", 6, 25, "OAI202"),
    ("models.json", 9, 44, "OAI201"),
    ("settings.toml", 3, 9, "OAI201"),
    ("settings.toml", 11, 9, "OAI201"),  # [[agents]] model = 'o3-mini'
    ("settings.toml", 15, 21, "OAI202"),  # an inline table in the second [[agents]]
    ("settings.toml", 21, 17, "OAI201"),  # "judge.model" = """gpt-4-turbo"""
}


def run(args: List[str]) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(["check", *args, "--today", TODAY], out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def findings(args: List[str]) -> Set[Tuple[str, int, int, str]]:
    status, out, _ = run([*args, "--output-format", "json"])
    assert status in (0, 1)
    return {
        (Path(f["filename"]).name, f["location"]["row"], f["location"]["column"], f["code"])
        for f in json.loads(out)
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES, tmp_path / "project")
    return tmp_path / "project"


def test_every_format_reports_model_ids_at_the_value(project: Path) -> None:
    assert findings([str(project), "--config-files"]) == EXPECTED


def test_config_files_are_off_by_default_and_turned_on_by_config(project: Path, tmp_path: Path) -> None:
    assert findings([str(project)]) == set()
    assert run([str(project), "--show-files"])[1] == ""
    configured = shutil.copytree(FIXTURES, tmp_path / "configured")
    write(configured / "pyproject.toml", "[tool.lint-openai]\nconfig-files = true\n")
    assert findings([str(configured)]) == EXPECTED  # pyproject.toml itself has no model keys
    assert findings([str(configured), "--no-config-files"]) == set()


def test_a_named_config_file_is_checked(project: Path) -> None:
    assert findings([str(project / "llm.yaml")]) == {f for f in EXPECTED if f[0] == "llm.yaml"}


def test_messages_are_the_model_rules_own(project: Path) -> None:
    _, out, _ = run([str(project / "settings.toml"), "--select", "OAI201"])
    assert (
        f"{project / 'settings.toml'}:3:9: OAI201 `gpt-4` was shut down on 2026-10-23: requests with it fail; "
        "use `gpt-5.6-sol` (the replacement the deprecations page names)"
    ) in out
    assert "OAI202" not in out
    code = 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4", messages=[])\n'
    _, python, _ = run([str(write(project / "app.py", code)), "--output-format", "json"])
    assert json.loads(python)[0]["message"] in out


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".env", "ANTHROPIC_MODEL=gpt-4\nCLAUDE_MODEL=gpt-4o\n"),
        (".env", "OPENAI_API_TYPE=azure\nOPENAI_MODEL=gpt-4\n"),
        (".env", "AZURE_OPENAI_ENDPOINT=https://x.openai.azure.com\nOPENAI_MODEL=gpt-4\n"),
        (".env", "OPENAI_BASE_URL=http://localhost:11434/v1\nOPENAI_MODEL=gpt-4\n"),
        (".env", "OPENAI_API_BASE=https://my-proxy.example.com/v1\nOPENAI_MODEL=gpt-4\n"),
        ("ollama.env", "MODEL=gpt-4\n"),
        ("c.yaml", "anthropic:\n  model: gpt-4\n"),
        ("c.yaml", "llm:\n  provider: anthropic\n  model: gpt-4\n"),
        ("c.yaml", "llm:\n  type: azure_openai\n  settings:\n    model: gpt-4\n"),
        ("c.yaml", "providers:\n  - name: bedrock\n    options: {}\n  - vertex_ai:\n      model: gpt-4\n"),
        ("c.yaml", "model_list:\n  - model_name: gpt-4\n    litellm_params:\n      model: azure/gpt4\n"),
        ("deploy/azure/values.yaml", "model: gpt-4\n"),
        ("c.toml", '[ollama]\nmodel = "gpt-4"\n'),
        ("c.toml", '[tool.llm]\nbackend = "vllm"\nmodel = "gpt-4"\n'),
        ("c.json", '{"providers": {"mistral": {"model": "gpt-4"}}}'),
        ("c.json", '{"model": "gpt-4", "object": "chat.completion", "usage": {}}'),
        ("c.json", '{"github.copilot.chat.model": "gpt-4"}'),
        ("c.json", '{"engine": "davinci", "model": "ada"}'),  # ids that are ordinary words
        ("c.ini", "[gemini]\nmodel = gpt-4\n"),
        ("c.ini", "[llm]\nmodel = gpt-4 ; an inline comment is part of the value for configparser\n"),
        ("c.yaml", "model_provider: gpt-4\nmodels: [gpt-4]\nmodel: ${MODEL}\n"),
        # local model servers, named in several words (FP review item 19)
        (".env", "LM_STUDIO_MODEL=gpt-4\nLLAMA_CPP_MODEL=gpt-4\nLOCAL_AI_MODEL=gpt-4\nGPT4ALL_MODEL=gpt-4\n"),
        (".env", "TGI_MODEL=gpt-4\nSGLANG_MODEL=gpt-4\nKOBOLD_MODEL=gpt-4\n"),
        ("c.yaml", "llm:\n  provider: lm-studio\n  model: gpt-4\n"),
        # the name a local server exposes its model under (FP review item 20): vLLM's --served-model-name
        ("k8s.yaml", "env:\n  SERVED_MODEL_NAME: gpt-3.5-turbo\n"),
        (".env", "VLLM_SERVED_MODEL_NAME=gpt-4\nSERVING_MODEL=gpt-4\n"),
        # results, metrics and traces: data about a model, not requests (FP review items 17-18)
        ("leaderboard.yaml", "benchmark: mmlu\nentries:\n  - model: gpt-4\n    score: 86.4\n"),
        ("results.json", '{"runs": [{"model": "gpt-4", "accuracy": 0.86, "latency_ms": 900}]}'),
        ("trace.json", '{"spans": [{"startTime": "2026-05-12", "model": "gpt-4", "inputTokenCount": 1}]}'),
    ],
)
def test_other_providers_and_non_models_stay_silent(name: str, text: str) -> None:
    assert check_config_file(text, name, SETTINGS) == []


def test_joined_words_do_not_hide_openai_keys() -> None:
    text = "OPENAI_MODEL=gpt-4\nLOCAL_MODEL=gpt-4\nSTUDIO_MODEL=gpt-4\nMODEL_SERVED=gpt-4\n"
    assert [d.start.row for d in check_config_file(text, ".env", SETTINGS)] == [1, 2, 3, 4]


def test_a_request_shaped_mapping_is_still_reported() -> None:
    text = '{"model": "gpt-4", "messages": [], "max_tokens": 10, "metadata": {}}'
    assert [d.code for d in check_config_file(text, "request.json", SETTINGS)] == ["OAI201"]


def test_a_key_set_twice_reports_only_the_value_that_counts() -> None:
    found = check_config_file('{"model": "gpt-4", "model": "gpt-5.6-sol"}', "c.json", SETTINGS)
    assert found == []
    env = check_config_file("OPENAI_MODEL=gpt-5.6-sol\nOPENAI_MODEL=gpt-4\n", ".env", SETTINGS)
    assert [(d.start.row, d.code) for d in env] == [(2, "OAI201")]


def test_noqa_on_the_value_line() -> None:
    text = "OPENAI_MODEL=gpt-4  # noqa: OAI201\nCHAT_MODEL=gpt-4\n"
    assert [d.start.row for d in check_config_file(text, ".env", SETTINGS)] == [2]


@pytest.mark.parametrize(
    ("name", "text", "note"),
    [
        ("bad.yaml", "model: gpt-4\n  bad: [indent\n", "not valid YAML: "),
        (
            "bad.toml",
            'model = "gpt-4"\napi_key = sk-never-printed\n',
            "not valid TOML: Invalid value (at line 2, column 11)",
        ),
        (
            "bad.json",
            '{"model": "gpt-4", "api_key": never-printed}',
            "not valid JSON: Expecting value (line 1, column 31)",
        ),
        (
            "bad.ini",
            "api_key = sk-never-printed\n[x]\nmodel = gpt-4\n",
            "not a valid INI file: an option before any [section] header (line 1)",
        ),
        ("bad.cfg", "[x]\nmodel = gpt-4\nsk-never-printed\n", "not a valid INI file: a line that is neither"),
    ],
)
def test_invalid_files_are_skipped_with_a_note_that_quotes_nothing(
    tmp_path: Path, name: str, text: str, note: str
) -> None:
    path = write(tmp_path / name, text)
    status, out, err = run([str(path)])
    assert status == 0 and "All checks passed!" in out
    assert f"note: {path}: {note}" in err and err.rstrip().endswith(": skipped")
    assert SECRET not in err + out


def test_undecodable_and_huge_files_are_skipped(tmp_path: Path) -> None:
    latin = tmp_path / ".env"
    latin.write_bytes(b"OPENAI_MODEL=gpt-4\nNAME=caf\xe9\n")
    huge = write(tmp_path / "data.json", json.dumps([{"model": "gpt-4"}] * 80_000))
    _, _, err = run([str(latin), str(huge)])
    assert f"note: {latin}: cannot decode byte b'\\xe9' as utf-8 (line 2): skipped" in err
    assert f"note: {huge}: larger than 1 MiB, so read as data, not configuration: skipped" in err


def test_secrets_never_reach_any_output(project: Path) -> None:
    write(project / "one_line.json", '{"api_key": "sk-never-printed", "model": "gpt-4"}')
    outputs = []
    for output in ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "pylint", "junit"):
        status, out, err = run([str(project), "--config-files", "--output-format", output])
        assert status == 1
        outputs.append(out + err)
    for extra in (["--statistics"], ["--show-files"], ["--diff"], ["--fix", "--unsafe-fixes"]):
        status, out, err = run([str(project), "--config-files", *extra])
        outputs.append(out + err)
    assert all(SECRET not in text for text in outputs)
    for fixture in FIXTURES.iterdir():  # --fix leaves configuration files alone
        assert (project / fixture.name).read_bytes() == fixture.read_bytes()


def test_add_noqa_leaves_configuration_files_alone(project: Path) -> None:
    status, _, err = run([str(project), "--config-files", "--add-noqa"])
    assert status == 1 and "Added 0 noqa directives." in err  # an INI comment would join the value
    for fixture in FIXTURES.iterdir():
        assert (project / fixture.name).read_bytes() == fixture.read_bytes()


def test_gitignore_is_respected(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    write(repository / ".gitignore", ".env\n")
    write(repository / ".env", "OPENAI_MODEL=gpt-4\n")
    write(repository / ".env.example", "OPENAI_MODEL=gpt-4\n")
    assert findings([str(repository), "--config-files"]) == {(".env.example", 1, 14, "OAI201")}
    everything = findings([str(repository), "--config-files", "--no-respect-gitignore"])
    assert everything == {(".env.example", 1, 14, "OAI201"), (".env", 1, 14, "OAI201")}


def test_symlinks_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "secrets.env", "OPENAI_MODEL=gpt-4\nOPENAI_API_KEY=sk-never-printed\n")
    project = tmp_path / "project"
    project.mkdir()
    inside = write(project / "real.env", "OPENAI_MODEL=gpt-4\n")
    os.symlink(outside, project / ".env")
    os.symlink(inside, project / ".env.local")
    shown = run([str(project), "--config-files", "--show-files"])[1].splitlines()
    assert shown == [str(project / ".env.local"), str(project / "real.env")]


def test_yaml_needs_pyyaml_and_the_linter_imports_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml now raises ImportError
    result = check_data(b"model: gpt-4\n", "c.yaml", SETTINGS)
    assert result.diagnostics == [] and result.note is not None and "need PyYAML" in result.note
    script = (
        "import sys; sys.modules['yaml'] = None; import lint_openai.frontends.cli.main, lint_openai.engine"
    )
    subprocess.run([sys.executable, "-c", script], check=True)


def test_file_names() -> None:
    names = {
        ".env": "env", ".env.local": "env", ".envrc": "env", "prod.env": "env", ".env.yaml": "yaml",
        "a.yml": "yaml", "pyproject.toml": "toml", "x.json": "json", "setup.cfg": "ini", "tox.ini": "ini",
        ".environment": None, "environment.txt": None, "nb.ipynb": None, "app.py": None, ".json": None,
    }  # fmt: skip
    assert {name: config_format(name) for name in names} == names


def test_yaml_errors_and_bombs_are_bounded() -> None:
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    assert check_config_file(bomb + "model: gpt-4\n", "bomb.yaml", SETTINGS)[0].start.row == 22
    cyclic = "a: &a\n  b: *a\n  model: gpt-4\n"
    assert [d.code for d in check_config_file(cyclic, "c.yaml", SETTINGS)] == ["OAI201"]
    with pytest.raises(ConfigFileError) as error:
        check_config_file("model: [unclosed\n", "c.yaml", SETTINGS)
    assert "line" in error.value.message


# ------------------------------------------------------------------------------------------ TOML positions
BARE = st.from_regex(r"[A-Za-z_][A-Za-z0-9_-]{0,6}", fullmatch=True)
STRING_VALUE = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


def toml_string(draw: st.DrawFn, value: str) -> str:
    """``value`` as one of TOML's four string forms (where that form can hold it)."""
    form = draw(st.sampled_from(["basic", "literal", "ml-basic", "ml-literal"]))
    if form == "literal" and "'" not in value:
        return f"'{value}'"
    if form == "ml-literal" and "'''" not in value and not value.endswith("'"):
        return f"'''{value}'''"
    escaped = json.dumps(value, ensure_ascii=False)[1:-1]
    return f'"""{escaped}"""' if form == "ml-basic" and not escaped.endswith('"') else f'"{escaped}"'


@st.composite
def toml_documents(draw: st.DrawFn) -> Tuple[str, Dict[Tuple[object, ...], str]]:
    """A TOML text (tables, arrays of tables, quoted and dotted keys, arrays, inline tables, comments)
    and the string expected at each key path."""
    lines: List[str] = []
    expected: Dict[Tuple[object, ...], str] = {}

    def pairs(prefix: Tuple[object, ...], count: int) -> None:
        used: Set[str] = set()
        for _ in range(count):
            name = draw(BARE.filter(lambda n: n not in used))
            used.add(name)
            if draw(st.booleans()):  # a quoted key, with a dot inside it
                name += ".q"
                written = json.dumps(name)
            else:
                written = name
            path = (*prefix, name)
            comment = draw(st.sampled_from(["", "  # note", " #"]))
            shape = draw(st.sampled_from(["string", "other", "array", "inline"]))
            if shape == "string":
                value = draw(STRING_VALUE)
                expected[path] = value
                written_value = toml_string(draw, value)
            elif shape == "other":
                written_value = draw(st.sampled_from(["1", "2.5", "true", "1979-05-27 07:32:00", "[1, 2]"]))
            elif shape == "array":
                values = draw(st.lists(STRING_VALUE, max_size=3))
                expected.update({(*path, index): value for index, value in enumerate(values)})
                separator = draw(st.sampled_from([", ", ",\n  ", " ,"]))
                written_value = "[" + separator.join(toml_string(draw, value) for value in values) + "]"
            else:
                value = draw(STRING_VALUE)
                expected[(*path, "model")] = value
                written_value = f"{{ model = {toml_string(draw, value)}, n = 1 }}"
            lines.append(f"{written} = {written_value}{comment}")

    pairs((), draw(st.integers(0, 3)))
    for table in range(draw(st.integers(0, 2))):
        name = f"{table}table"  # starts with a digit: never one of the top-level keys
        if draw(st.booleans()):
            for index in range(draw(st.integers(1, 2))):
                lines.append(draw(st.sampled_from(["", "# comment"])))
                lines.append(f"[[{name}.items]]")
                pairs((name, "items", index), draw(st.integers(1, 2)))
        else:
            lines.append(f"[ {name} . sub ]")
            pairs((name, "sub"), draw(st.integers(1, 3)))
    return "\n".join(lines) + "\n", expected


@settings(max_examples=150, deadline=None)
@given(toml_documents())
def test_toml_scanner_locates_every_string(document: Tuple[str, Dict[Tuple[object, ...], str]]) -> None:
    text, expected = document
    parsed = tomllib.loads(text)  # the generator writes valid TOML
    spans = locate_strings(text)
    for path, value in expected.items():
        node: object = parsed
        for part in path:
            node = node[part]  # type: ignore[index]
        assert node == value
        start, end = spans[path]
        assert tomllib.loads(f"x = {text[start:end]}")["x"] == value


# ------------------------------------------------------------------------------------------ readers
def located(text: str, name: str) -> List[Tuple[int, int, str]]:
    return [
        (d.start.row, d.start.column, d.message.split("`")[1])
        for d in check_config_file(text, name, SETTINGS)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OPENAI_MODEL=gpt-4\n", [(1, 14, "gpt-4")]),
        ("export  OPENAI_MODEL = gpt-4\n", [(1, 24, "gpt-4")]),
        ("OPENAI_MODEL='gpt-4'  # comment\n", [(1, 14, "gpt-4")]),
        ('OPENAI_MODEL="gpt-4"\r\nCHAT_MODEL=gpt-4o\r\n', [(1, 14, "gpt-4"), (2, 12, "gpt-4o")]),
        ('NOTE="line one\nline two"\nOPENAI_MODEL=gpt-4\n', [(3, 14, "gpt-4")]),  # a quoted value spans lines
        ("OPENAI_MODEL=gpt-4#not-a-comment\n", []),  # python-dotenv: a comment needs a space before #
        ("OPENAI_MODEL=\n# OPENAI_MODEL=gpt-4\nnot an assignment\n", []),
        ("'OPENAI_MODEL'=gpt-4\n", [(1, 16, "gpt-4")]),
    ],
)
def test_env_grammar(text: str, expected: List[Tuple[int, int, str]]) -> None:
    assert located(text, ".env") == expected


def test_ini_sections_defaults_and_continuations() -> None:
    text = (
        "[DEFAULT]\n"
        "model = gpt-4\n"
        "[app]\n"
        "Chat_Model : gpt-4o\n"
        "model = gpt-4\n"
        "model = gpt-5.6-sol\n"  # a repeated option: configparser (strict=False) keeps the last
        "summary_model = gpt-4\n"
        "    continued\n"  # a multi-line value is not a model id
    )
    assert located(text, "app.cfg") == [(2, 9, "gpt-4"), (4, 14, "gpt-4o")]


def test_yaml_styles() -> None:
    text = (
        "a:\n  model: 'gpt-4'\n"
        'b: {model: "gpt-4o"}\n'
        "c:\n  - model: gpt-4\n"
        "d:\n  model: >\n    gpt-4\n"  # a folded block scalar: "gpt-4\n", not an id
        "e: !Ref Model\nf:\n  model: !!str gpt-4\n"  # located at the value, not at its tag
        "g:\n  model: &chosen 'gpt-4o'\n"
    )
    assert located(text, "c.yaml") == [
        (2, 10, "gpt-4"),
        (3, 12, "gpt-4o"),
        (5, 12, "gpt-4"),
        (11, 16, "gpt-4"),
        (13, 18, "gpt-4o"),
    ]
