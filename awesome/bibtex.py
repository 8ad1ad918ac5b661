"""BibTeX for every arXiv paper of a list, from the metadata lock.

Citation keys are ``surname + year + first word of the title`` (``dettmers2023qlora``),
ASCII and lower case, so they stay the same from one export to the next; two
papers that would share a key get ``a``, ``b``, ... in list order.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from awesome.enrichment import surname
from awesome.metadata import MetadataLock, Paper
from awesome.model import Document, Entry

# Words skipped when choosing the title word of a key, as citation managers do.
_STOPWORDS = {"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "is", "are", "do"}
_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
_SPECIAL = re.compile("|".join(re.escape(ch) for ch in _SPECIALS))


def escape(text: str) -> str:
    """Text safe inside a braced BibTeX field: every special character escaped."""
    return _SPECIAL.sub(lambda m: _SPECIALS[m.group(0)], " ".join(text.split()))


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", folded.lower())


def base_key(paper: Paper) -> str:
    """``surname + year + first significant title word``, before collisions are resolved."""
    author = _ascii_word(surname(paper.authors[0])) if paper.authors else ""
    words = [_ascii_word(w) for w in re.split(r"[\s:/]+", paper.title)]
    word = next((w for w in words if w and w not in _STOPWORDS), "")
    return f"{author or 'anon'}{paper.year or ''}{word}"


def _listed_papers(doc: Document, lock: MetadataLock) -> Iterator[Paper]:
    """Each arXiv paper the list's entries (and nested entries) link to, once, in list order."""
    seen: set[str] = set()
    for entry in _walk(doc):
        paper = lock.get(entry.arxiv_id)
        if paper is not None and paper.id not in seen:
            seen.add(paper.id)
            yield paper


def _walk(doc: Document) -> Iterator[Entry]:
    """Every entry, nested ones after their parent, in list order."""
    stack = [entry for _, entry in reversed(list(doc.entries()))]
    while stack:
        entry = stack.pop()
        yield entry
        stack.extend(reversed(entry.children))


def citation_keys(papers: list[Paper]) -> list[str]:
    """Unique keys for the papers, suffixing ``a``, ``b``, ... where base keys collide."""
    bases = [base_key(p) for p in papers]
    counts = Counter(bases)
    used: dict[str, int] = {}
    keys = []
    for key in bases:
        if counts[key] == 1:
            keys.append(key)
            continue
        index = used.get(key, 0)
        used[key] = index + 1
        keys.append(key + _suffix(index))
    return keys


def _suffix(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _authors(paper: Paper) -> str:
    names = [escape(name) for name in paper.authors]
    if not paper.authors_complete:
        names.append("others")
    return " and ".join(names)


def bibtex_entry(paper: Paper, key: str) -> str:
    """One ``@misc`` (``@article`` when arXiv has a journal reference) entry."""
    fields: list[tuple[str, str]] = [("title", "{" + escape(paper.title) + "}")]
    if paper.authors:
        fields.append(("author", _authors(paper)))
    if paper.year:
        fields.append(("year", str(paper.year)))
    fields += [("eprint", paper.id), ("archivePrefix", "arXiv")]
    if paper.primary_category:
        fields.append(("primaryClass", escape(paper.primary_category)))
    if paper.journal_ref:
        fields.append(("journal", escape(paper.journal_ref)))
    if paper.doi:
        fields.append(("doi", escape(paper.doi)))
    fields.append(("url", f"https://arxiv.org/abs/{paper.id}"))
    kind = "article" if paper.journal_ref else "misc"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def bibtex_for_document(doc: Document, lock: MetadataLock) -> str:
    """BibTeX for every listed arXiv paper the lock knows, in list order."""
    papers = list(_listed_papers(doc, lock))
    entries = [bibtex_entry(p, k) for p, k in zip(papers, citation_keys(papers), strict=True)]
    return "\n".join(entries)


def missing_papers_hint(
    doc: Document, lock: MetadataLock, lock_path: str, lock_found: bool, list_path: str
) -> str | None:
    """One line for stderr when BibTeX is missing for want of metadata, else None.

    BibTeX is written from the lock only (never guessed from the list), so without
    a lock the export is empty: say which file was looked for and how to make it.
    """
    listed = {entry.arxiv_id for entry in _walk(doc) if entry.arxiv_id}
    missing = sum(1 for arxiv_id in listed if lock.get(arxiv_id) is None)
    command = f"`awesome enrich {list_path}`"
    if not lock_found:
        return (
            f"note: no metadata lock at {lock_path}, so no BibTeX for the {len(listed)} arXiv"
            f" paper(s) of the list; run {command} to create it"
        )
    if missing:
        return (
            f"note: {missing} arXiv paper(s) of the list are not in {lock_path} and have no"
            f" BibTeX entry; run {command} to add them"
        )
    return None
