"""Generate large synthetic lists for benchmarks: ``generate_list(n)`` entries in mixed shapes."""

from __future__ import annotations

import random

_SHAPES = (
    "- [{title}](https://arxiv.org/abs/{aid}) - **{name}**. {author} et al., {venue} {year}. A study of {word}.",
    "- {name} **{title}**, {year}, [Paper](https://arxiv.org/abs/{aid})",
    '- {name} **"{title}"**. *{author} et al.* {venue} {year}. [Paper](https://arxiv.org/pdf/{aid}.pdf)',
    "- **{title}**, {venue} {year} [Paper](https://example.org/{word}/{i})",
    "- **{name}**. [Repo](https://github.com/org{i}/{word})/[Blog](https://blog.example/{i})",
    "- [{name}](https://tool{i}.example) - A tool for {word}.",
)
_WORDS = (
    "language",
    "model",
    "scaling",
    "prompt",
    "alignment",
    "retrieval",
    "reasoning",
    "data",
    "tuning",
)
_VENUES = ("arXiv", "NeurIPS", "ICML", "ACL", "EMNLP", "ICLR")


def _fields(rng: random.Random, i: int) -> dict[str, object]:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 9))]
    year = rng.randint(2015, 2025)
    return {
        "title": " ".join(words).capitalize() + f" {i}",
        "name": f"M{i}",
        "author": rng.choice(("Smith", "Zhang", "Garcia", "Müller", "Kim")),
        "venue": rng.choice(_VENUES),
        "year": year,
        "aid": f"{year % 100:02d}{rng.randint(1, 12):02d}.{i % 100000:05d}",
        "word": rng.choice(_WORDS),
        "i": i,
    }


def generate_list(entries: int, per_section: int = 200, seed: int = 7) -> str:
    """A Markdown list with ``entries`` items spread over sections of ``per_section``."""
    rng = random.Random(seed)
    out = ["# Generated List", "", "A synthetic list for benchmarks.", ""]
    for i in range(entries):
        if i % per_section == 0:
            out += ["", f"## Section {i // per_section}", ""]
        out.append(rng.choice(_SHAPES).format(**_fields(rng, i)))
    return "\n".join(out) + "\n"
