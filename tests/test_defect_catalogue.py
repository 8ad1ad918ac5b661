"""A catalogue of real defect kinds, each planted once in a small list, and clean look-alikes.

The kinds come from what maintainers of paper lists report and fix (duplicate
papers under other link forms, links to the wrong paper, stale or abbreviated
titles, wrong years, misspelt venues and product names, http and tracking
links, unsorted sections, stale contents anchors, items that fit no shape);
every list here is written for this test. Each case is linted by the whole
engine (every rule) with the shipped metadata lock read through the lock
interface, and the findings must be exactly the expected ones: the planted
defect is found on its line, and nothing else fires. Clean cases expect no
finding at all, so they guard against false positives of every rule.

A marker names each expected line: a substring that occurs on that line only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from awesome.config import Config, LintConfig
from awesome.lint import lint_text, read_siblings
from awesome.metadata import MetadataLock, load_lock

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "list" / "README.md"

HEAD = """\
# Awesome Papers [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

A curated list of papers on language models.

## Contents

- [Models](#models)
- [Data](#data)

## Models

"""
DATA = """
## Data

"""
DATA_TAIL = "- [The Pile](https://pile.eleuther.ai/) - A data set of diverse English text.\n"


@dataclass(frozen=True)
class Case:
    id: str
    models: str
    expected: list[tuple[str, str]] = field(default_factory=list)
    """(rule id, marker of the line it must report)."""
    data: str = ""
    config: Config | None = None
    text: str | None = None
    """A whole list instead of HEAD + models + DATA + data."""

    def source(self) -> str:
        if self.text is not None:
            return self.text
        return HEAD + self.models + DATA + self.data + DATA_TAIL


def _config(**lint: object) -> Config:
    return Config(lint=LintConfig(**lint))  # type: ignore[arg-type]


SCALING = "[Scaling Laws for Neural Language Models]"
GPT3 = "[Language Models are Few-Shot Learners]"

DEFECTS = [
    # --- duplicates: one paper under two link forms --------------------------------------
    Case(
        "dup-abs-and-pdf",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - Kaplan et al., 2020.\n"
        "- [Scaling laws for neural LMs](https://arxiv.org/pdf/2001.08361) - Kaplan et al., 2020.\n",
        [
            ("duplicate-entry", "pdf/2001.08361"),
            ("arxiv-url", "pdf/2001.08361"),
            ("arxiv-title-variant", "pdf/2001.08361"),
        ],
    ),
    Case(
        "dup-versioned-pdf-with-suffix",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        f"- {SCALING}(https://arxiv.org/pdf/2001.08361v2.pdf) - 2020.\n",
        [("duplicate-entry", "v2.pdf"), ("arxiv-url", "v2.pdf")],
    ),
    Case(
        "dup-abs-with-pdf-suffix",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [The scaling laws paper](https://arxiv.org/abs/2001.08361.pdf) - 2020.\n",
        [
            ("duplicate-entry", "08361.pdf"),
            ("arxiv-url", "08361.pdf"),
            ("arxiv-title-variant", "08361.pdf"),
        ],
    ),
    Case(
        "dup-export-mirror-http",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        f"- {SCALING}(http://export.arxiv.org/abs/2001.08361v1) - 2020.\n",
        [("duplicate-entry", "export.arxiv"), ("arxiv-url", "export.arxiv")],
    ),
    Case(
        "dup-old-style-id",
        "- [Old-style paper](https://arxiv.org/abs/cs/0112017) - 2001.\n"
        "- [The same old-style paper](https://arxiv.org/pdf/cs/0112017v1) - 2001.\n",
        [("duplicate-entry", "pdf/cs/0112017"), ("arxiv-url", "pdf/cs/0112017")],
    ),
    Case(
        "dup-arxiv-doi",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        f"- {SCALING}(https://doi.org/10.48550/arXiv.2001.08361) - 2020.\n",
        [("duplicate-entry", "doi.org"), ("arxiv-url", "doi.org")],
    ),
    Case(
        "dup-arxiv-html",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        f"- {SCALING}(https://arxiv.org/html/2001.08361v2) - 2020.\n",
        [("duplicate-entry", "html/2001"), ("arxiv-url", "html/2001")],
    ),
    Case(
        "dup-alphaxiv",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [The scaling laws paper](https://www.alphaxiv.org/abs/2001.08361) - 2020.\n",
        [
            ("duplicate-entry", "alphaxiv"),
            ("arxiv-url", "alphaxiv"),
            ("arxiv-title-variant", "alphaxiv"),
        ],
    ),
    Case(
        "dup-huggingface-papers",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [The scaling laws paper](https://huggingface.co/papers/2001.08361) - 2020.\n",
        [
            ("duplicate-entry", "huggingface.co/papers"),
            ("arxiv-url", "huggingface.co/papers"),
            ("arxiv-title-variant", "huggingface.co/papers"),
        ],
    ),
    Case(
        "dup-ar5iv",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [The scaling laws paper](https://ar5iv.labs.arxiv.org/html/2001.08361) - 2020.\n",
        [("duplicate-entry", "ar5iv"), ("arxiv-url", "ar5iv"), ("arxiv-title-variant", "ar5iv")],
    ),
    Case(
        "dup-ar5iv-org",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [The scaling laws paper](https://ar5iv.org/abs/2001.08361) - 2020.\n",
        [("duplicate-entry", "ar5iv"), ("arxiv-url", "ar5iv"), ("arxiv-title-variant", "ar5iv")],
    ),
    Case(
        "dup-title-case-and-punctuation",
        f"- {GPT3}(https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html) - NeurIPS 2020.\n"
        "- [Language models are few-shot learners.](https://papers.nips.cc/paper_files/paper/2020/file/x.pdf) - NeurIPS 2020.\n",
        [("duplicate-entry", "papers.nips.cc")],
    ),
    Case(
        "dup-title-unicode-dash",
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
        "- [Language Models are Few\u2013Shot Learners](https://proceedings.neurips.cc/paper/2020/x) - NeurIPS 2020.\n",
        [("duplicate-entry", "proceedings.neurips.cc")],
    ),
    Case(
        "dup-url-slash-www-http-utm",
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - An instruction-following model.\n"
        "- [Stanford Alpaca](http://www.github.com/tatsu-lab/stanford_alpaca/?utm_source=twitter) - The same repository.\n",
        [
            ("duplicate-entry", "Stanford Alpaca"),
            ("url-https", "Stanford Alpaca"),
            ("url-tracking", "Stanford Alpaca"),
        ],
    ),
    Case(
        "dup-url-host-case",
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - An instruction-following model.\n"
        "- [Stanford Alpaca](https://GitHub.com/tatsu-lab/stanford_alpaca#readme) - The same repository.\n",
        [("duplicate-entry", "Stanford Alpaca")],
    ),
    Case(
        "dup-openreview-forum-and-pdf",
        "- [ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators](https://openreview.net/forum?id=r1xMH1BtvB) - ICLR 2020.\n"
        "- [The ELECTRA paper](https://openreview.net/pdf?id=r1xMH1BtvB) - ICLR 2020.\n",
        [("duplicate-entry", "The ELECTRA paper")],
    ),
    Case(
        "dup-acl-anthology-page-and-pdf",
        "- [BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding](https://aclanthology.org/N19-1423/) - NAACL 2019.\n"
        "- [The BERT paper](https://aclanthology.org/N19-1423.pdf) - NAACL 2019.\n",
        [("duplicate-entry", "The BERT paper")],
    ),
    Case(
        "dup-pmlr-page-and-pdf",
        "- [Calibrate Before Use: Improving Few-Shot Performance of Language Models](https://proceedings.mlr.press/v139/zhao21c.html) - ICML 2021.\n"
        "- [The calibration paper](https://proceedings.mlr.press/v139/zhao21c/zhao21c.pdf) - ICML 2021.\n",
        [("duplicate-entry", "zhao21c.pdf")],
    ),
    Case(
        "dup-neurips-abstract-and-paper-pdf",
        "- [GPT-3](https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html) - NeurIPS 2020.\n"
        "- [The GPT-3 paper](https://proceedings.neurips.cc/paper/2020/file/1457c0d6bfcb4967418bfb8ac142f64a-Paper.pdf) - NeurIPS 2020.\n",
        [("duplicate-entry", "Paper.pdf")],
    ),
    Case(
        "dup-across-sections",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - Kaplan et al., 2020.\n",
        [
            ("duplicate-entry", "scaling laws for neural language models"),
            ("double-link", "scaling laws for neural language models"),
            ("double-link", "Kaplan"),
        ],
        data="- [scaling laws for neural language models](https://arxiv.org/abs/2001.08361) - 2020.\n",
    ),
    Case(
        "dup-secondary-paper-link",
        "- [LLaMA: Open and Efficient Foundation Language Models](https://arxiv.org/abs/2302.13971) - **LLaMA**. Touvron et al., 2023.\n"
        "- [LLaMA](https://github.com/facebookresearch/llama) - Inference code. [Paper](https://arxiv.org/abs/2302.13971)\n",
        [("duplicate-entry", "facebookresearch/llama")],
    ),
    Case(
        "dup-same-section-twice",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - Kaplan et al., 2020.\n"
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020. Listed again.\n",
        [
            ("duplicate-entry", "Listed again"),
            ("entry-order", "Listed again"),
            ("double-link", "Listed again"),
            ("double-link", "Kaplan"),
        ],
    ),
    Case(
        "dup-bold-shape-and-link-shape",
        f"- **Language Models are Few-Shot Learners**, NeurIPS 2020 [Paper](https://arxiv.org/abs/2005.14165)\n"
        f"- {GPT3}(https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html) - NeurIPS 2020.\n",
        [("duplicate-entry", "1457c0d6")],
    ),
    Case(
        "dup-title-with-name-prefix",
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
        "- [GPT-3: Language Models are Few-Shot Learners](https://proceedings.neurips.cc/paper/2020/x.html) - NeurIPS 2020.\n",
        [("duplicate-entry", "GPT-3:")],
    ),
    Case(
        "dup-title-with-closing-note",
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
        "- [Language Models are Few-Shot Learners (GPT-3)](https://proceedings.neurips.cc/paper/2020/x.html) - NeurIPS 2020.\n",
        [("duplicate-entry", "(GPT-3)")],
    ),
    # --- links to the wrong paper, stale and abbreviated titles ---------------------------
    Case(
        "wrong-link",
        "- [Megatron-LM: Training Multi-Billion Parameter Language Models Using Model Parallelism](https://arxiv.org/abs/1910.02054) - 2019.\n",
        [("arxiv-title", "Megatron")],
    ),
    Case(
        "wrong-link-pdf",
        "- [Reducing Activation Recomputation in Large Transformer Models](https://arxiv.org/pdf/2104.04473.pdf) - 2021.\n",
        [("arxiv-title", "Reducing"), ("arxiv-url", "Reducing")],
    ),
    Case(
        "wrong-link-neighbour-id",
        "- [Chain-of-Thought Prompting Elicits Reasoning in Large Language Models](https://arxiv.org/abs/2201.11990) - 2022.\n",
        [("arxiv-title", "Chain-of-Thought")],
    ),
    Case(
        "wrong-link-bold-shape",
        '- CoT **"Chain-of-Thought Prompting Elicits Reasoning in Large Language Models"**, 2022. [Paper](https://arxiv.org/abs/2201.11990)\n',
        [("arxiv-title", "Chain-of-Thought")],
    ),
    Case(
        "title-abbreviated",
        "- [Shortcut Learning of LLMs in NLU](https://arxiv.org/abs/2208.11857) - 2022.\n",
        [("arxiv-title-variant", "Shortcut")],
    ),
    Case(
        "title-extra-suffix",
        "- [Shortcut learning of large language models in natural language understanding: A survey](https://arxiv.org/abs/2208.11857) - 2022.\n",
        [("arxiv-title-variant", "Shortcut")],
    ),
    Case(
        "title-old-version",
        "- [P-Tuning v2: Prompt Tuning Can Be Comparable to Fine-tuning Across Scales and Tasks](https://arxiv.org/abs/2110.07602) - 2021.\n",
        [("arxiv-title-variant", "P-Tuning")],
    ),
    Case(
        "title-model-name-only",
        "- [ST-MoE](https://arxiv.org/abs/2202.08906) - 2022.\n",
        [("arxiv-title-variant", "ST-MoE")],
    ),
    # --- years ---------------------------------------------------------------------------
    Case(
        "year-arxiv-only",
        "- [Shortcut Learning of Large Language Models in Natural Language Understanding](https://arxiv.org/abs/2208.11857) - arXiv 2023.\n",
        [("arxiv-year", "Shortcut")],
    ),
    Case(
        "year-no-venue",
        "- [LaMDA: Language Models for Dialog Applications](https://arxiv.org/abs/2201.08239) - **LaMDA**. Thoppilan et al., 2021.\n",
        [("arxiv-year", "LaMDA")],
    ),
    Case(
        "year-id-month-not-v1",
        "- [The Pile: An 800GB Dataset of Diverse Text for Language Modeling](https://arxiv.org/abs/2101.00027) - arXiv 2021.\n",
        [("arxiv-year", "arXiv 2021")],
    ),
    Case(
        "year-misspelt-arxiv-venue",
        "- [OPT-IML: Scaling Language Model Instruction Meta Learning through the Lens of Generalization](https://arxiv.org/abs/2212.12017) - Arxiv 2023.\n",
        [("arxiv-year", "OPT-IML"), ("venue-spelling", "OPT-IML")],
    ),
    Case(
        "year-corr",
        "- [GLM-130B: An Open Bilingual Pre-trained Model](https://arxiv.org/abs/2210.02414) - CoRR 2023.\n",
        [("arxiv-year", "GLM-130B")],
    ),
    Case(
        "year-bold-shape-misspelt-arxiv",
        "- **Shortcut Learning of Large Language Models in Natural Language Understanding**, Arxiv 2023 [Paper](https://arxiv.org/abs/2208.11857)\n",
        [("arxiv-year", "Shortcut"), ("venue-spelling", "Shortcut")],
    ),
    Case(
        "year-arxiv-venue-with-comma",
        "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, arXiv, 2022.\n",
        [("arxiv-year", "GPT-4")],
    ),
    Case(
        "year-before-arxiv",
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - NeurIPS 2019.\n",
        [("year-before-arxiv", "NeurIPS 2019")],
    ),
    Case(
        "year-before-arxiv-proceedings-link",
        f"- {GPT3}(https://proceedings.neurips.cc/paper/2020/hash/1457c0d6bfcb4967418bfb8ac142f64a-Abstract.html) - NeurIPS 2019.\n",
        [("year-before-arxiv", "NeurIPS 2019")],
    ),
    Case(
        "year-future",
        "- [A blog post from the future](https://example.org/post) - 2093.\n",
        [("future-year", "2093")],
    ),
    Case(
        "year-future-on-arxiv",
        "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - arXiv 2093.\n",
        [("future-year", "2093"), ("arxiv-year", "2093")],
    ),
    # --- venue spelling --------------------------------------------------------------------
    *(
        Case(
            f"venue-{wrong.replace(' ', '-')}",
            f"- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, {wrong} 2023.\n",
            [("venue-spelling", "GPT-4")],
        )
        for wrong in ("Arxiv", "arxiv", "ARXIV", "Arixv", "arvix", "Axriv", "ArXiv")
    ),
    *(
        Case(
            f"venue-{wrong.replace(' ', '-')}",
            f"- {GPT3}(https://arxiv.org/abs/2005.14165) - Brown et al., {wrong} 2020.\n",
            [("venue-spelling", "Brown")],
        )
        for wrong in ("NIPS", "Neurips", "NeuraIPS", "neurips", "NeurIps")
    ),
    Case(
        "venue-iclr-lower",
        "- [ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators](https://openreview.net/forum?id=r1xMH1BtvB) - iclr 2020.\n",
        [("venue-spelling", "iclr"), ("list-item", "iclr")],
    ),
    Case(
        "venue-apostrophe-year",
        "- [ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators](https://openreview.net/forum?id=r1xMH1BtvB) - Clark et al., ICLR'20.\n",
        [("venue-spelling", "ICLR'20")],
    ),
    Case(
        "venue-glued-year",
        "- [Calibrate Before Use: Improving Few-Shot Performance of Language Models](https://proceedings.mlr.press/v139/zhao21c.html) - ICML2021.\n",
        [("venue-spelling", "ICML2021")],
    ),
    Case(
        "venue-findings-order",
        "- [Is ChatGPT A Good Translator? Yes With GPT-4 As The Engine](https://arxiv.org/abs/2301.08745) - EMNLP findings 2023.\n",
        [("venue-spelling", "EMNLP findings")],
    ),
    Case(
        "venue-findings-capitalised",
        "- [Is ChatGPT A Good Translator? Yes With GPT-4 As The Engine](https://arxiv.org/abs/2301.08745) - EMNLP Findings 2023.\n",
        [("venue-spelling", "EMNLP Findings")],
    ),
    Case(
        "venue-acl-findings",
        "- [Is ChatGPT A Good Translator? Yes With GPT-4 As The Engine](https://arxiv.org/abs/2301.08745) - ACL Findings 2023.\n",
        [("venue-spelling", "ACL Findings")],
    ),
    Case(
        "venue-facct",
        "- [Constitutional AI: Harmlessness from AI Feedback](https://arxiv.org/abs/2212.08073) - FaccT 2023.\n",
        [("venue-spelling", "FaccT")],
    ),
    # --- product names (spell-check) -------------------------------------------------------
    *(
        Case(
            f"product-{wrong.replace(' ', '-')}",
            f"- [Pythia](https://github.com/EleutherAI/pythia) - Models trained with {wrong} tools.\n",
            [("spell-check", "Pythia")],
        )
        for wrong in (
            "Github",
            "Pytorch",
            "Openai",
            "LLaMa",
            "LLama",
            "Huggingface",
            "Tensorflow",
            "Deepspeed",
            "chatgpt",
            "Chatgpt",
        )
    ),
    Case(
        "product-in-title",
        "- [Is chatgpt A Good Translator? Yes With GPT-4 As The Engine](https://arxiv.org/abs/2301.08745) - 2023.\n",
        [("spell-check", "chatgpt")],
    ),
    Case(
        "typo-in-title",
        "- [Efficient Transfomer Models: A Survey](https://example.org/survey) - Blog post, 2023.\n",
        [("typo", "Transfomer")],
    ),
    # --- URLs --------------------------------------------------------------------------------
    Case(
        "url-http-arxiv",
        "- [GPT-4 Technical Report](http://arxiv.org/abs/2303.08774v2) - arXiv 2023.\n",
        [("arxiv-url", "GPT-4")],
    ),
    Case(
        "url-arxiv-pdf",
        "- [Llama 2: Open Foundation and Fine-Tuned Chat Models](https://arxiv.org/pdf/2307.09288) - arXiv 2023.\n",
        [("arxiv-url", "Llama 2")],
    ),
    Case(
        "url-arxiv-query",
        "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774?context=cs.CL) - arXiv 2023.\n",
        [("arxiv-url", "GPT-4")],
    ),
    Case(
        "url-http-github",
        "- [Pythia](http://github.com/EleutherAI/pythia) - Models for interpretability research.\n",
        [("url-https", "Pythia")],
    ),
    Case(
        "url-http-pmlr",
        "- [Calibrate Before Use: Improving Few-Shot Performance of Language Models](http://proceedings.mlr.press/v139/zhao21c.html) - ICML 2021.\n",
        [("url-https", "Calibrate")],
    ),
    Case(
        "url-utm",
        "- [Pythia](https://github.com/EleutherAI/pythia?utm_source=newsletter&utm_medium=email) - Models for interpretability research.\n",
        [("url-tracking", "Pythia")],
    ),
    Case(
        "url-fbclid",
        "- [OPT license](https://github.com/facebookresearch/metaseq/blob/main/projects/OPT/MODEL_LICENSE.md?fbclid=IwAR1BFK5X) - The license.\n",
        [("url-tracking", "OPT license")],
    ),
    Case(
        "url-youtube-share",
        "- [A lecture on scaling](https://www.youtube.com/watch?v=abc123&si=XyZ987) - Talk, 2023.\n",
        [("url-tracking", "lecture")],
    ),
    Case(
        "url-x-share",
        "- [Release thread](https://x.com/user/status/123?s=20&t=abcDEF) - Announcement, 2023.\n",
        [("url-tracking", "Release")],
    ),
    Case(
        "url-medium-source",
        "- [Instruction tuning explained](https://medium.com/@user/post-123?source=rss----abc) - Blog post, 2023.\n",
        [("url-tracking", "Instruction")],
    ),
    Case(
        "url-http-aclweb",
        "- [BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding](http://www.aclweb.org/anthology/N19-1423) - NAACL 2019.\n",
        [("url-https", "BERT")],
    ),
    Case(
        "url-whitespace",
        "- [A blog post](https://example.org/my post) - About models.\n",
        [("url-whitespace", "blog post")],
    ),
    # --- the numbered, bold-title shape of survey reading lists ("[[Paper](url)]") ---------
    Case(
        "survey-shape-arxiv-year-and-venue",
        '1. <u>The Pile</u>: **"The Pile: An 800GB Dataset of Diverse Text for Language Modeling"**.'
        " *Leo Gao et al.* arxiv 2021. [[Paper](https://arxiv.org/abs/2101.00027)]\n",
        [("arxiv-year", "Leo Gao"), ("venue-spelling", "Leo Gao")],
    ),
    Case(
        "survey-shape-versioned-http-link",
        '1. **"Training language models to follow instructions with human feedback"**.'
        " *Long Ouyang et al.* NeurIPS 2022. [[Paper](http://arxiv.org/abs/2203.02155v1)]\n",
        [("arxiv-url", "Ouyang")],
    ),
    Case(
        "survey-shape-venue-typo",
        '1. **"CogView: Mastering Text-to-Image Generation via Transformers"**.'
        " *Ming Ding et al.* NeirIPS 2021. [[Paper](https://arxiv.org/abs/2105.13290)]\n",
        [("venue-spelling", "NeirIPS")],
    ),
    Case(
        "survey-shape-duplicate",
        '1. **"Language Models are Few-Shot Learners"**. *Tom B. Brown et al.* NeurIPS 2020.'
        " [[Paper](https://arxiv.org/abs/2005.14165)]\n"
        '2. **"Language Models are Few-Shot Learners"**. *Brown et al.* NeurIPS 2020.'
        " [[Paper](https://arxiv.org/pdf/2005.14165v4.pdf)]\n",
        [("duplicate-entry", "2. **"), ("arxiv-url", "2. **")],
    ),
    Case(
        "typo-et-al",
        "- [PyTorch: An Imperative Style, High-Performance Deep Learning Library](https://example.org/pytorch) - Paszke el al., NeurIPS 2019.\n",
        [("typo", "el al.")],
    ),
    # --- milestone tables: a row's arXiv link labelled with a title ---------------------------
    Case(
        "table-abbreviated-title",
        "| Date | Model | Paper |\n| --- | --- | --- |\n"
        "| 2022-01 | MT-NLG | [Using Deep and Megatron to Train Megatron-Turing NLG 530B, A Large-Scale Generative Language Model](https://arxiv.org/abs/2201.11990) |\n",
        [("arxiv-title-variant", "MT-NLG")],
    ),
    Case(
        "table-wrong-link",
        "| Date | Model | Paper |\n| --- | --- | --- |\n"
        "| 2022-01 | CoT | [Chain-of-Thought Prompting Elicits Reasoning in Large Language Models](https://arxiv.org/abs/2201.08239) |\n",
        [("arxiv-title", "CoT")],
    ),
    Case(
        "table-pdf-link",
        "| Date | Model | Paper |\n| --- | --- | --- |\n"
        "| 2022-04 | PaLM | [PaLM: Scaling Language Modeling with Pathways](https://arxiv.org/pdf/2204.02311.pdf) |\n",
        [("arxiv-url", "PaLM")],
    ),
    # --- order, contents, shape ----------------------------------------------------------------
    Case(
        "order-unsorted",
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n",
        [("entry-order", "2001.08361")],
    ),
    Case(
        "order-newest-moved-to-the-top",
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
        "- [LoRA: Low-Rank Adaptation of Large Language Models](https://arxiv.org/abs/2106.09685) - 2021.\n",
        [("entry-order", "Compute-Optimal")],
    ),
    Case(
        "url-reference-definition-pdf",
        "- [LLaMA: Open and Efficient Foundation Language Models](https://arxiv.org/abs/2302.13971) - Touvron et al., 2023."
        " Compare [GPT-4][gpt4].\n\n[gpt4]: https://arxiv.org/pdf/2303.08774v3.pdf\n",
        [("arxiv-url", "[gpt4]: ")],
    ),
    Case(
        "order-same-year-by-arxiv-date",
        "- [Emergent Abilities of Large Language Models](https://arxiv.org/abs/2206.07682) - 2022.\n"
        "- [PaLM: Scaling Language Modeling with Pathways](https://arxiv.org/abs/2204.02311) - 2022.\n",
        [("entry-order", "PaLM")],
    ),
    Case(
        "toc-stale-anchor",
        "",
        [("broken-anchor", "#datasets"), ("toc", "#datasets")],
        text=HEAD.replace("(#data)", "(#datasets)")
        + "- [Pythia](https://github.com/EleutherAI/pythia) - Models.\n"
        + DATA
        + DATA_TAIL,
    ),
    Case(
        "unparsed-entry",
        "- see also the GPT-4 paper, it is great\n",
        [("unparsed-entry", "see also")],
    ),
]

CLEAN = [
    Case(
        "similar-titles-different-papers",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [Scaling Laws for Reward Model Overoptimization](https://arxiv.org/abs/2210.10760) - 2022.\n"
        "- [Scaling Instruction-Finetuned Language Models](https://arxiv.org/abs/2210.11416) - 2022.\n",
    ),
    Case(
        "same-name-different-papers",
        "- [PaLM: Scaling Language Modeling with Pathways](https://arxiv.org/abs/2204.02311) - **PaLM**. 2022.\n"
        "- [PaLM 2 Technical Report](https://arxiv.org/abs/2305.10403) - **PaLM 2**. 2023.\n",
    ),
    Case(
        "venue-year-after-arxiv-year",
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - Brown et al., NeurIPS 2020.\n"
        "- [Exploring the Limits of Transfer Learning with a Unified Text-to-Text Transformer](https://arxiv.org/abs/1910.10683) - **T5**. Raffel et al., JMLR 2020.\n",
    ),
    Case(
        "id-month-differs-from-v1-year",
        "- [The Pile: An 800GB Dataset of Diverse Text for Language Modeling](https://arxiv.org/abs/2101.00027) - Gao et al., 2020.\n",
    ),
    Case(
        "cross-listed-on-purpose",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n",
        data=f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n",
        config=_config(allow_duplicates=True),
    ),
    Case(
        "allowed-duplicate-url",
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - An instruction-following model.\n",
        data="- [Alpaca data](https://github.com/tatsu-lab/stanford_alpaca) - Its 52K instructions.\n",
        config=_config(allowed_duplicate_urls=["https://github.com/tatsu-lab/stanford_alpaca"]),
    ),
    Case(
        "arxiv-spelt-right-everywhere",
        "- [GPT-4 Technical Report](https://arxiv.org/abs/2303.08774) - OpenAI, arXiv 2023. On arXiv since March as arXiv:2303.08774.\n"
        "- [PaLM 2 Technical Report](https://arxiv.org/abs/2305.10403) - Anil et al., arXiv preprint 2023.\n",
    ),
    Case(
        "venues-spelt-right",
        f"- {GPT3}(https://arxiv.org/abs/2005.14165) - NeurIPS 2020.\n"
        "- [Calibrate Before Use: Improving Few-Shot Performance of Language Models](https://proceedings.mlr.press/v139/zhao21c.html) - ICML 2021.\n"
        "- [Is ChatGPT A Good Translator? Yes With GPT-4 As The Engine](https://arxiv.org/abs/2301.08745) - Findings of EMNLP 2023.\n",
    ),
    Case(
        "http-only-host",
        "- [An old page](http://www.cs.toronto.edu/~hinton/absps/tr.html) - A technical report.\n"
        "- [ShareGPT](http://sharegpt.com/) - Shared conversations.\n",
    ),
    Case(
        "query-that-is-not-tracking",
        "- [Another OpenReview paper](https://openreview.net/forum?id=B1xsqj09Fm) - ICLR 2019.\n"
        "- [ELECTRA: Pre-training Text Encoders as Discriminators Rather Than Generators](https://openreview.net/forum?id=r1xMH1BtvB) - ICLR 2020.\n",
    ),
    Case(
        "same-repo-different-paths",
        "- [FastChat](https://github.com/lm-sys/FastChat) - Chat models.\n"
        "- [Vicuna weights](https://github.com/lm-sys/FastChat/blob/main/docs/vicuna_weights_version.md) - How to get them.\n",
    ),
    Case(
        "mentioned-in-description-only",
        "- [Self-Instruct: Aligning Language Models with Self-Generated Instructions](https://arxiv.org/abs/2212.10560) - 2022.\n"
        "- [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) - Fine-tuned on data made the [Self-Instruct](https://arxiv.org/abs/2212.10560) way.\n",
    ),
    Case(
        "short-subtitles-alike",
        "- [Reasoning: A Survey](https://example.org/reasoning) - Blog post, 2023.\n"
        "- [Retrieval: A Survey](https://example.org/retrieval) - Blog post, 2023.\n",
    ),
    Case(
        "youtube-timestamp-kept",
        "- [A lecture on scaling](https://www.youtube.com/watch?v=abc123&t=120) - Talk, 2023.\n",
    ),
    Case(
        "survey-shape-right",
        '1. <u>GPT-3</u>: **"Language Models are Few-Shot Learners"**. *Tom B. Brown et al.*'
        " NeurIPS 2020. [[Paper](https://arxiv.org/abs/2005.14165)]\n"
        '2. <u>Chinchilla</u>: **"Training Compute-Optimal Large Language Models"**.'
        " *Jordan Hoffmann et al.* NeurIPS 2022. [[Paper](https://arxiv.org/abs/2203.15556)]\n",
    ),
    Case(
        "table-titles-right-and-short-labels",
        "| Model | Paper | Data |\n| --- | --- | --- |\n"
        "| LaMDA | [LaMDA: Language Models for Dialog Applications](https://arxiv.org/abs/2201.08239) | [The Pile](https://arxiv.org/abs/2101.00027) |\n"
        "| StarCoder | [Technical report](https://example.org/starcoder) | [The Stack](https://arxiv.org/abs/2211.15533) |\n"
        "| MPT-7B | [Blog post](https://example.org/mpt) | [mC4 (English)](https://arxiv.org/abs/2010.11934) |\n",
    ),
    Case(
        "former-title-accepted",
        "- [LLM for Patient-Trial Matching: Privacy-Aware Data Augmentation Towards Better Performance and Generalizability](https://arxiv.org/abs/2303.16756) - 2023.\n",
    ),
    Case(
        "title-case-differs-only",
        "- [Deep Reinforcement Learning from Human Preferences](https://arxiv.org/abs/1706.03741) - Christiano et al., NeurIPS 2017.\n",
    ),
    Case(
        "product-names-right",
        "- [Llama 2: Open Foundation and Fine-Tuned Chat Models](https://arxiv.org/abs/2307.09288) - Models on GitHub, in PyTorch, by Meta; compare OpenAI's ChatGPT and LLaMA.\n",
    ),
    Case(
        "sorted-with-undated-last",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020.\n"
        "- [Training Compute-Optimal Large Language Models](https://arxiv.org/abs/2203.15556) - 2022.\n"
        "- [Pythia](https://github.com/EleutherAI/pythia) - Models for interpretability research.\n",
    ),
    Case(
        "generic-link-labels-as-titles",
        "- [Code](https://github.com/EleutherAI/pythia) - Pythia models for interpretability research.\n"
        "- [Code](https://github.com/lm-sys/FastChat) - FastChat, the Vicuna chat models.\n",
    ),
    Case(
        "mirror-as-secondary-link",
        f"- {SCALING}(https://arxiv.org/abs/2001.08361) - 2020. [HF Papers](https://huggingface.co/papers/2001.08361) · [ar5iv](https://ar5iv.labs.arxiv.org/html/2001.08361)\n",
    ),
    Case(
        "repository-and-its-paper-are-different-links",
        "- [GPT-NeoX-20B: An Open-Source Autoregressive Language Model](https://arxiv.org/abs/2204.06745) - 2022. [Code](https://github.com/EleutherAI/gpt-neox)\n"
        "- [Pythia](https://github.com/EleutherAI/pythia) - Models for interpretability research.\n",
    ),
]


@pytest.fixture(scope="module")
def lock() -> MetadataLock:
    return load_lock(ROOT / "list" / "metadata.json")


@pytest.fixture(scope="module")
def siblings() -> dict[str, str]:
    return read_siblings(LIST)


def _line_of(text: str, marker: str) -> int:
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if marker in line]
    assert len(lines) == 1, f"marker {marker!r} must name one line, names {lines}"
    return lines[0]


def _findings(case: Case, lock: MetadataLock, siblings: dict[str, str]) -> list[tuple[str, int]]:
    findings = lint_text(case.source(), str(LIST), case.config, lock, siblings)
    return sorted((finding.rule, finding.line) for finding in findings)


@pytest.mark.parametrize("case", DEFECTS, ids=[case.id for case in DEFECTS])
def test_planted_defect_is_found_on_its_line_and_nothing_else(
    case: Case, lock: MetadataLock, siblings: dict[str, str]
) -> None:
    text = case.source()
    expected = sorted((rule, _line_of(text, marker)) for rule, marker in case.expected)
    assert _findings(case, lock, siblings) == expected


@pytest.mark.parametrize("case", CLEAN, ids=[case.id for case in CLEAN])
def test_clean_look_alike_has_no_finding(
    case: Case, lock: MetadataLock, siblings: dict[str, str]
) -> None:
    assert _findings(case, lock, siblings) == []


def test_catalogue_ids_are_unique() -> None:
    ids = [case.id for case in DEFECTS + CLEAN]
    assert len(ids) == len(set(ids))
