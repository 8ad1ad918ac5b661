"""Canonical spellings of venues, products and a few words: ``wrong -> right``.

One shared table for every rule that checks spelling (``venue-spelling``,
``product-spelling``, ``typo`` and the awesome-lint parity spell check), so a
name is fixed the same way everywhere. The right spellings are facts (how the
venue or vendor writes its own name); the lists are our own.

Matching is on whole words and case-sensitive: each wrong form is listed as it
is seen. ``CANONICAL_VENUES`` adds the rule that any other capitalisation of a
known venue is wrong too. ``lint.spelling`` in the configuration adds pairs to
``PRODUCTS``.

Decisions:

* ``NIPS`` becomes ``NeurIPS`` for every year: the conference renamed itself in
  2018 and its proceedings site now lists all years under the new name.
* ``FAT*`` (the 2018-2019 name) and every other case of ``FAccT`` becomes ``FAccT``.
* ``EMNLP findings`` becomes ``Findings of EMNLP``, the ACL Anthology's order
  ("Findings of the Association for Computational Linguistics: EMNLP 2021"),
  and the form the list already uses for ``Findings of ACL``.
* ``Llama`` is left alone: Meta spells Llama 2 and later that way; only
  ``LLaMa``/``LLAMA``/``Llama-1`` style forms of the first model are fixed.
"""

from __future__ import annotations

# Venues as they should be written; any other capitalisation of these is wrong.
CANONICAL_VENUES: tuple[str, ...] = (
    "AAAI",
    "ACL",
    "AISTATS",
    "arXiv",
    "CoNLL",
    "COLING",
    "CVPR",
    "EACL",
    "ECCV",
    "EMNLP",
    "FAccT",
    "ICCV",
    "ICLR",
    "ICML",
    "IJCAI",
    "JMLR",
    "KDD",
    "NAACL",
    "NeurIPS",
    "SIGIR",
    "TACL",
    "TMLR",
    "WMT",
    "WSDM",
)

# Misspellings and old names of venues (whole words or phrases, case-sensitive).
VENUES: dict[str, str] = {
    "Arixv": "arXiv",
    "Arxiv": "arXiv",
    "ArXiv": "arXiv",
    "ARXIV": "arXiv",
    "arxiv": "arXiv",
    "Axriv": "arXiv",
    "arXvi": "arXiv",
    "NIPS": "NeurIPS",
    "Nips": "NeurIPS",
    "NeurIps": "NeurIPS",
    "Neurips": "NeurIPS",
    "NEURIPS": "NeurIPS",
    "FaccT": "FAccT",
    "FACCT": "FAccT",
    "Facct": "FAccT",
    "FAT*": "FAccT",
    "EMNLP findings": "Findings of EMNLP",
    "EMNLP Findings": "Findings of EMNLP",
    "ACL findings": "Findings of ACL",
    "ACL Findings": "Findings of ACL",
    "NAACL findings": "Findings of NAACL",
    "NAACL Findings": "Findings of NAACL",
}

# Product, project and company names inside titles and descriptions.
PRODUCTS: dict[str, str] = {
    "Github": "GitHub",
    "github": "GitHub",
    "Gitlab": "GitLab",
    "Pytorch": "PyTorch",
    "pytorch": "PyTorch",
    "PyTorh": "PyTorch",
    "Tensorflow": "TensorFlow",
    "tensorflow": "TensorFlow",
    "Openai": "OpenAI",
    "openai": "OpenAI",
    "OpenAi": "OpenAI",
    "Open AI": "OpenAI",
    "chatgpt": "ChatGPT",
    "Chatgpt": "ChatGPT",
    "ChatGpt": "ChatGPT",
    "chatGPT": "ChatGPT",
    "CHATGPT": "ChatGPT",
    "LLaMa": "LLaMA",
    "LLAMA": "LLaMA",
    "Llama-1": "LLaMA",
    "gpt-3": "GPT-3",
    "Gpt-3": "GPT-3",
    "gpt3": "GPT-3",
    "gpt-4": "GPT-4",
    "Gpt-4": "GPT-4",
    "gpt4": "GPT-4",
    "gpt-2": "GPT-2",
    "bert": "BERT",
    "Bert": "BERT",
    "Huggingface": "Hugging Face",
    "huggingface": "Hugging Face",
    "HuggingFace": "Hugging Face",
    "Deepspeed": "DeepSpeed",
    "deepspeed": "DeepSpeed",
    "Deepmind": "DeepMind",
    "deepmind": "DeepMind",
    "Langchain": "LangChain",
    "langchain": "LangChain",
    "Javascript": "JavaScript",
    "javascript": "JavaScript",
    "Typescript": "TypeScript",
    "Youtube": "YouTube",
    "youtube": "YouTube",
    "OpenAssitant": "OpenAssistant",
    "Open-Assistant": "OpenAssistant",
    "llm": "LLM",
    "llms": "LLMs",
    "ai": "AI",
}

# Common misspellings of ordinary words, seen in paper lists.
TYPOS: dict[str, str] = {
    "aocial": "social",
    "Communtity": "Community",
    "communtity": "community",
    "Restractions": "Restrictions",
    "restractions": "restrictions",
    "noteable": "notable",
    "Noteable": "Notable",
    "teh": "the",
    "langauge": "language",
    "Langauge": "Language",
    "lanugage": "language",
    "modle": "model",
    "trasnformer": "transformer",
    "Trasnformer": "Transformer",
    "recieve": "receive",
    "seperate": "separate",
    "occured": "occurred",
    "reproducable": "reproducible",
    "benckmark": "benchmark",
    "Benckmark": "Benchmark",
}
