"""``awesome links``: check every link of a list; only dead links fail the run."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from awesome.commands.common import exits_on_error
from awesome.config import Config, load_config

DEFAULT_FILES = (Path("list/README.md"), Path("README.md"))


def _default_files() -> list[Path]:
    for candidate in DEFAULT_FILES:
        if candidate.is_file():
            return [candidate]
    raise click.UsageError("no FILES given and neither list/README.md nor README.md exists")


def _progress_printer() -> Any:
    """A one-line progress bar on a terminal; nothing when piped or in CI."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done >= total else ""
        click.echo(
            f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}{end}", nl=False, err=True
        )

    return show


def _pick(cli_value: Any, config_value: Any, default: Any) -> Any:
    if cli_value is not None:
        return cli_value
    return config_value if config_value is not None else default


def _options(config: Config, params: dict[str, Any]) -> Any:
    from awesome.arxiv_client import settings_from
    from awesome.links.cache import DEFAULT_CACHE, DEFAULT_MAX_AGE, parse_max_age
    from awesome.links.jobs import CheckSettings
    from awesome.links.run import LinkOptions
    from awesome.links.safety import DEFAULT_DNS_PROBES, AddressPolicy, endpoint

    links = config.links
    env = os.environ
    timeout = float(_pick(params["timeout"], links.timeout, 10.0))
    settings = CheckSettings(
        max_concurrency=_pick(params["max_concurrency"], links.max_concurrency, 64),
        host_concurrency=_pick(params["host_concurrency"], links.host_concurrency, 8),
        host_interval=float(_pick(params["host_interval"], links.host_interval, 50.0)) / 1000,
        timeout=timeout,
        # three timeouts: a request and two retries, or a trickling answer cut off in time
        deadline=float(_pick(params["deadline"], None, 3 * timeout)),
        retries=params["retries"],
        accept=frozenset(links.accept),
        # AWESOME_ARXIV_API, AWESOME_ARXIV_INTERVAL ... or the config's arxiv_api, arxiv_interval
        arxiv=settings_from(config, env),
        doi_api=env.get("AWESOME_DOI_API") or config.doi_api,
        github_api=env.get("AWESOME_GITHUB_API") or config.github_api,
        github_token=env.get("GITHUB_TOKEN") or None,
    )
    probes = tuple(p for p in env.get("AWESOME_DNS_PROBES", "").split(",") if p.strip())
    cache = None
    if not params["no_cache"]:
        cache = Path(_pick(params["cache"], links.cache, str(DEFAULT_CACHE)))
    # An endpoint named in the environment is the operator's choice (a mirror, a test
    # server): it may be private. One from a config file, which a pull request may edit, may not.
    named = (env.get(f"AWESOME_{name}_API", "") for name in ("ARXIV", "DOI", "GITHUB"))
    trusted = frozenset(found for url in named if url and (found := endpoint(url)))
    return LinkOptions(
        settings=settings,
        policy=AddressPolicy(allow_private=params["allow_private"], trusted=trusted),
        dns_probes=probes or DEFAULT_DNS_PROBES,
        include=[*links.include, *params["include"]],
        exclude=[*links.exclude, *params["exclude"]],
        changed_since=params["changed_since"],
        offline=params["offline"],
        cache_path=cache,
        max_age=parse_max_age(_pick(params["max_age"], links.max_age, DEFAULT_MAX_AGE)),
    )


@click.command("links")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--changed-since",
    metavar="GIT_REF",
    help="Only URLs the files did not contain at GIT_REF (for pull requests).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="Connect and read timeout in seconds [10].",
)
@click.option(
    "--deadline",
    type=click.FloatRange(min=0, min_open=True),
    help="Total seconds per link, retries included [3 x timeout].",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=2,
    show_default=True,
    help="Retries after timeouts, resets, 408, 429 and 5xx.",
)
@click.option(
    "--max-concurrency", type=click.IntRange(min=1), help="Requests in flight at once [64]."
)
@click.option(
    "--host-concurrency", type=click.IntRange(min=1), help="Requests in flight per host [8]."
)
@click.option(
    "--host-interval",
    type=click.FloatRange(min=0),
    metavar="MS",
    help="Minimum milliseconds between request starts per host [50].",
)
@click.option(
    "--include", multiple=True, metavar="REGEX", help="Only check URLs matching REGEX (repeatable)."
)
@click.option(
    "--exclude", multiple=True, metavar="REGEX", help="Skip URLs matching REGEX (repeatable)."
)
@click.option(
    "--cache", type=click.Path(path_type=Path), help="Cache file [.awesome-cache/links.sqlite]."
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option(
    "--offline",
    is_flag=True,
    help="Check only in-page #anchors and relative file links; no network at all.",
)
@click.option(
    "--max-age", metavar="AGE", help="How long an ok result stays cached: 30m, 12h, 1d [1d]."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "markdown"]),
    default="text",
    show_default=True,
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow private and loopback addresses (local testing only).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file.",
)
@exits_on_error
def command(files: tuple[Path, ...], fmt: str, config_path: Path | None, **params: Any) -> int:
    """Check every link in FILES: dead links fail the run, unknown ones are warnings.

    Exit codes: 0 nothing dead, 1 dead links, 2 usage or input error or no network.

    Example: awesome links list/README.md --changed-since origin/main --format github
    """
    from awesome.links.report import render
    from awesome.links.run import check_links

    paths = list(files) or _default_files()
    config = load_config(paths[0], config_path)
    report = check_links(paths, _options(config, params), _progress_printer())
    click.echo(render(report, fmt), nl=False)
    return 1 if report.dead else 0
