"""Product and project names."""

from __future__ import annotations

from awesome.lint import apply_fixes
from tests.rule_support import TITLE, run_rule


def test_misspelled_names_are_reported_and_fixed() -> None:
    text = TITLE + "- [A](https://a.example) - Uses Pytorch on Github with Open AI models.\n"
    found = run_rule(text, "spell-check")
    assert [f.message for f in found] == [
        "'Pytorch' is spelled 'PyTorch'",
        "'Github' is spelled 'GitHub'",
        "'Open AI' is spelled 'OpenAI'",
    ]
    assert found[0].severity == "warning"
    fixed = apply_fixes(text, found)
    assert "Uses PyTorch on GitHub with OpenAI models." in fixed


def test_urls_code_paths_and_accepted_forms_are_not_checked() -> None:
    text = TITLE + (
        "- [pytorch/examples](https://github.com/pytorch/examples) - `github` and llama.cpp.\n"
        "- [Llama 2](https://ai.meta.com/llama/) - LLaMA and Llama both; see www.github.com.\n"
    )
    assert run_rule(text, "spell-check") == []


def test_extra_pairs_from_configuration() -> None:
    text = TITLE + "- [A](https://a.example) - Trained with Deepspeed-Chat and megatron.\n"
    found = run_rule(text, "spell-check", spelling={"megatron": "Megatron"})
    assert [f.message for f in found] == ["'megatron' is spelled 'Megatron'"]


def test_scheme_urls_reference_keys_badges_and_code_in_list_items_are_not_prose() -> None:
    text = TITLE + (
        "Set it to git+https://github.com/o/r.git as in [TypeScript][typescript].\n\n"
        "[![NPM version](https://img.shields.io/npm/v/x.svg)](https://npmjs.org/x)\n\n"
        "- [A](https://a.example) - Example:\n\n"
        "\t```sh\n\tpip install pytorch\n\t```\n\n"
        "[typescript]: https://www.typescriptlang.org\n"
    )
    assert run_rule(text, "spell-check") == []
    assert [f.message for f in run_rule(text + "\nWe use Typescript.\n", "spell-check")] == [
        "'Typescript' is spelled 'TypeScript'"
    ]
