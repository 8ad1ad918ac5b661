"""``awesome links`` end to end: exit codes, every output format, cache, --changed-since."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome.cli import run
from awesome.schemas import validator
from tests.fake_arxiv import FakeArxiv, serve
from tests.fault_server import FaultServer

ROOT = Path(__file__).resolve().parent.parent
FAST = ["--allow-private", "--timeout", "0.5", "--deadline", "1.5", "--host-interval", "0"]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    running = FaultServer("127.0.0.1").start()
    yield running
    running.stop()


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("AWESOME_DNS_PROBES", "localhost")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    return tmp_path


def write_list(server: FaultServer, name: str = "list.md") -> Path:
    path = Path(name)
    path.write_text(
        "\n".join(
            [
                "# Sample",  # 1
                "",
                f"- [Good]({server.url('/ok')})",  # 3
                f"- [Gone]({server.url('/status/404')})",  # 4
                f"- [Walled]({server.url('/status/403?cloudflare=1')})",  # 5
                f"- [Moved]({server.url('/redirect/301/1')})",  # 6
                "- [Here](#sample) and [nowhere](#nowhere)",  # 7
                f"- [Good again]({server.url('/ok')}#part)",  # 8
            ]
        )
        + "\n",
        "utf-8",
    )
    return path


def links(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run(["links", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_report_and_exit_1_for_dead_links(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(server)
    code, out, err = links(str(path), *FAST, capsys=capsys)
    assert code == 1
    assert err == ""  # no progress bar when stderr is not a terminal
    lines = out.splitlines()
    assert f"list.md:4: dead: {server.url('/status/404')} (404 Not Found)" in lines
    assert any(line.startswith("list.md:5: unknown: ") and "Cloudflare" in line for line in lines)
    assert (
        f"list.md:6: moved: {server.url('/redirect/301/1')} -> {server.url('/ok')} (200 OK)"
        in lines
    )
    assert "list.md:7: dead: #nowhere (no heading for #nowhere in this file)" in lines
    assert lines[-1].startswith("6 links: 3 ok, 2 dead, 1 unknown, 1 moved in ")


def test_unknown_links_do_not_fail_the_run(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("list.md").write_text(f"[a]({server.url('/status/429')}) [b]({server.url('/ok')})\n")
    code, out, _ = links("list.md", *FAST, "--retries", "0", capsys=capsys)
    assert code == 0
    assert "unknown" in out


def test_json_report_validates_against_the_schema(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(server)
    code, out, _ = links(str(path), *FAST, "--format", "json", capsys=capsys)
    report = json.loads(out)
    assert code == 1
    assert list(validator("links-report").iter_errors(report)) == []
    by_url = {link["url"]: link for link in report["links"]}
    good = by_url[server.url("/ok")]
    assert good["occurrences"] == [{"file": "list.md", "line": 3}, {"file": "list.md", "line": 8}]
    assert by_url[server.url("/redirect/301/1")]["redirects"] == [
        {"status": 301, "url": server.url("/ok")}
    ]
    assert by_url["#nowhere"]["local"] is True
    assert report["summary"]["dead"] == 2


def test_github_format_annotates_the_lines(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(server)
    _, out, _ = links(str(path), *FAST, "--format", "github", capsys=capsys)
    lines = out.splitlines()
    assert (
        f"::error file=list.md,line=4,title=Dead link::{server.url('/status/404')}: 404 Not Found"
        in lines
    )
    assert any(line.startswith("::warning file=list.md,line=5,") for line in lines)
    assert any(line.startswith("::notice file=list.md,line=6,title=Link moved::") for line in lines)


def test_markdown_format_is_an_issue_body(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(server)
    _, out, _ = links(str(path), *FAST, "--format", "markdown", capsys=capsys)
    assert out.startswith("# Link check report\n")
    assert "## Dead links (2)" in out
    assert f"| <{server.url('/status/404')}> | 404 Not Found | list.md:4 |" in out
    assert "## Moved links (update them) (1)" in out


def test_a_warm_cache_makes_no_requests(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("list.md").write_text(f"[a]({server.url('/ok')}) [b]({server.url('/redirect/302/1')})\n")
    assert links("list.md", *FAST, capsys=capsys)[0] == 0
    first = server.total
    code, out, _ = links("list.md", *FAST, "--format", "json", capsys=capsys)
    assert code == 0
    assert server.total == first
    assert json.loads(out)["summary"]["cached"] == 2
    assert Path(".awesome-cache/links.sqlite").is_file()


def test_dead_links_are_not_cached_and_no_cache_means_none(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("list.md").write_text(f"[a]({server.url('/status/404')}) [b]({server.url('/ok')})\n")
    links("list.md", *FAST, capsys=capsys)
    links("list.md", *FAST, capsys=capsys)
    assert server.hits["/status/404"] == 2
    assert server.hits["/ok"] == 1
    links("list.md", *FAST, "--no-cache", "--cache", "other.sqlite", capsys=capsys)
    assert server.hits["/ok"] == 2
    assert not Path("other.sqlite").exists()


def test_max_age_expires_cached_results(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("list.md").write_text(f"[a]({server.url('/ok')})\n")
    links("list.md", *FAST, "--cache", "c.sqlite", capsys=capsys)
    links("list.md", *FAST, "--cache", "c.sqlite", "--max-age", "0s", capsys=capsys)
    assert server.hits["/ok"] == 2


def test_two_runs_at_once_share_one_cache(server: FaultServer) -> None:
    Path("list.md").write_text("".join(f"[{i}]({server.url(f'/ok?n={i}')})\n" for i in range(20)))
    command = [sys.executable, "-m", "awesome", "links", "list.md", *FAST, "--cache", "c.sqlite"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) for _ in "ab"]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0]
    assert all(out.splitlines()[-1].startswith("20 links: 20 ok") for out in outputs)
    hits = server.total
    code = subprocess.run(command, env=env, capture_output=True, text=True).returncode
    assert code == 0
    assert server.total == hits  # both runs stored their results: the third asks nothing


def git(*args: str) -> None:
    subprocess.run(["git", *args], check=True, capture_output=True)


def test_changed_since_checks_only_new_urls(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    git("init", "-q", ".")
    git("config", "user.email", "t@example.com")
    git("config", "user.name", "T")
    Path("list.md").write_text(f"[old]({server.url('/status/404')})\n")
    git("add", "list.md")
    git("commit", "-q", "-m", "base")
    Path("list.md").write_text(
        f"[old]({server.url('/status/404')})\n[new]({server.url('/ok?new')})\n"
    )
    code, _out, _ = links("list.md", *FAST, "--no-cache", "--changed-since", "HEAD", capsys=capsys)
    assert code == 0  # the old dead link is not this change's fault
    assert server.hits == {"/ok": 1}
    code, _, err = links("list.md", *FAST, "--changed-since", "no-such-ref", capsys=capsys)
    assert code == 2
    assert err == "error: list.md: --changed-since: unknown git revision 'no-such-ref'\n"


def test_a_new_file_has_only_new_urls(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    git("init", "-q", ".")
    git(
        "-c",
        "user.email=t@example.com",
        "-c",
        "user.name=T",
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "base",
    )
    Path("list.md").write_text(f"[new]({server.url('/ok')})\n")
    assert links("list.md", *FAST, "--changed-since", "HEAD", capsys=capsys)[0] == 0
    assert server.hits == {"/ok": 1}


def test_changed_since_looks_at_each_file_on_its_own(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    git("init", "-q", ".")
    Path("a.md").write_text(f"[x]({server.url('/ok')})\n")
    Path("b.md").write_text("nothing yet\n")
    git("add", "a.md", "b.md")
    git("-c", "user.email=t@example.com", "-c", "user.name=T", "commit", "-q", "-m", "base")
    Path("b.md").write_text(f"[x]({server.url('/ok')})\n")  # new in b.md, old in a.md
    assert links("a.md", "b.md", *FAST, "--changed-since", "HEAD", capsys=capsys)[0] == 0
    assert server.hits == {"/ok": 1}


def test_include_and_exclude(server: FaultServer, capsys: pytest.CaptureFixture[str]) -> None:
    Path("list.md").write_text(
        f"[a]({server.url('/status/404')}) [b]({server.url('/ok')}) [c]({server.url('/status/410')})\n"
    )
    code, out, _ = links(
        "list.md", *FAST, "--exclude", "status/4", "--format", "json", capsys=capsys
    )
    assert code == 0
    assert json.loads(out)["summary"]["excluded"] == 2
    assert server.hits == {"/ok": 1}
    code, _, _ = links("list.md", *FAST, "--no-cache", "--include", "410$", capsys=capsys)
    assert code == 1
    assert server.hits["/status/410"] == 1 and server.hits["/status/404"] == 0


def test_config_accepts_status_codes(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("awesome.toml").write_text("[links]\naccept = [404]\nexclude = ['never-matches']\n")
    Path("list.md").write_text(f"[a]({server.url('/status/404')})\n")
    assert links("list.md", *FAST, capsys=capsys)[0] == 0


def test_private_addresses_are_refused_by_default(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("list.md").write_text(f"[a]({server.url('/status/404')})\n")
    code, out, _ = links("list.md", "--timeout", "0.5", capsys=capsys)
    assert code == 0
    assert "refused: 127.0.0.1 is a loopback address" in out
    assert server.total == 0


def test_the_deadline_follows_the_timeout(
    server: FaultServer, capsys: pytest.CaptureFixture[str]
) -> None:
    # headers a byte every 0.1 s: no read ever times out, only the deadline (3 x 0.3 s) ends it
    Path("list.md").write_text(f"[a]({server.url('/trickle?every=0.1')})\n")
    started = time.monotonic()
    code, out, _ = links("list.md", "--allow-private", "--timeout", "0.3", capsys=capsys)
    assert time.monotonic() - started < 0.9 + 0.6
    assert code == 0
    assert "no answer within the 0.9 s deadline" in out


def test_an_offline_machine_exits_2_and_declares_nothing_dead(
    server: FaultServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWESOME_DNS_PROBES", "probe-one.invalid,probe-two.invalid")
    Path("list.md").write_text(f"[a](http://nothing-here.invalid/) [b]({server.url('/ok')})\n")
    code, out, err = links("list.md", *FAST, capsys=capsys)
    assert code == 2
    assert out == ""
    assert "network is unreachable" in err
    assert "dead" not in err.replace("declared dead", "")


def test_a_missing_name_is_dead_when_dns_works(capsys: pytest.CaptureFixture[str]) -> None:
    Path("list.md").write_text("[a](http://nothing-here.invalid/)\n")
    code, out, _ = links("list.md", *FAST, capsys=capsys)
    assert code == 1
    assert "host name does not exist" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md"], "error: missing.md: no such file"),
        (["list.md", "--exclude", "("], "--exclude: invalid regular expression"),
        (["list.md", "--max-age", "soon"], "invalid max age 'soon'"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("list.md").write_text("[a](#x)\n# x\n")
    code, _out, err = links(*args, "--no-cache", capsys=capsys)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_the_github_api_comes_from_the_environment(
    server: FaultServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWESOME_GITHUB_API", server.base)
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    server.repos = {"octo/live": {"archived": True}}
    Path("list.md").write_text(
        "[r](https://github.com/octo/live) [g](https://github.com/octo/gone)\n"
    )
    code, out, _ = links("list.md", *FAST, "--format", "json", capsys=capsys)
    by_url = {link["url"]: link for link in json.loads(out)["links"]}
    assert code == 1
    assert by_url["https://github.com/octo/live"]["note"] == "archived repository"
    assert by_url["https://github.com/octo/gone"]["verdict"] == "dead"
    assert all(headers.get("Authorization") == "Bearer t0ken" for _, _, headers in server.log)


@pytest.fixture
def fake_arxiv() -> Iterator[FakeArxiv]:
    yield from serve(Path(__file__).parent / "data" / "arxiv" / "snapshot.json")


def test_arxiv_links_go_to_the_api_named_in_the_environment(
    fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWESOME_ARXIV_API", fake_arxiv.url)
    monkeypatch.setenv("AWESOME_ARXIV_INTERVAL", "0")
    Path("list.md").write_text(
        "[a](https://arxiv.org/abs/1706.03741) [b](https://arxiv.org/abs/2101.00001v2)\n"
    )
    code, out, _ = links("list.md", *FAST, "--format", "json", capsys=capsys)
    report = json.loads(out)
    assert list(validator("links-report").iter_errors(report)) == []
    by_url = {link["url"]: link for link in report["links"]}
    assert code == 1
    assert by_url["https://arxiv.org/abs/1706.03741"]["verdict"] == "ok"
    assert by_url["https://arxiv.org/abs/2101.00001v2"]["reason"] == (
        "arXiv does not know this id (arXiv API)"
    )
    assert fake_arxiv.count == 1


def test_a_failing_arxiv_api_from_the_config_never_fails_the_run(
    fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWESOME_ARXIV_API", raising=False)
    monkeypatch.setenv("AWESOME_ARXIV_RETRIES", "1")
    monkeypatch.setenv("AWESOME_ARXIV_BACKOFF", "0.05")
    Path("awesome.toml").write_text(f"arxiv_api = '{fake_arxiv.url}'\narxiv_interval = 0\n")
    fake_arxiv.fail(503, times=2)
    Path("list.md").write_text("[a](https://arxiv.org/abs/2101.00001)\n")
    code, out, _ = links("list.md", *FAST, capsys=capsys)
    assert code == 0
    assert "list.md:1: unknown: https://arxiv.org/abs/2101.00001 (arXiv API: giving up" in out
    assert fake_arxiv.count == 2


def test_an_api_named_in_the_environment_may_be_private_and_nothing_else(
    fake_arxiv: FakeArxiv,
    server: FaultServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWESOME_ARXIV_API", fake_arxiv.url)
    monkeypatch.setenv("AWESOME_ARXIV_INTERVAL", "0")
    Path("list.md").write_text(
        f"[a](https://arxiv.org/abs/1706.03741) [b]({server.url('/status/404')})\n"
    )
    assert FAST[0] == "--allow-private"
    code, out, _ = links("list.md", *FAST[1:], "--format", "json", capsys=capsys)
    by_url = {link["url"]: link for link in json.loads(out)["links"]}
    assert code == 0
    assert by_url["https://arxiv.org/abs/1706.03741"]["verdict"] == "ok"
    assert by_url[server.url("/status/404")]["reason"].startswith("refused: 127.0.0.1")
    assert server.total == 0


def test_a_private_api_from_a_config_file_is_refused(
    fake_arxiv: FakeArxiv, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a pull request may edit the config: it must not point the checker at internal services
    monkeypatch.delenv("AWESOME_ARXIV_API", raising=False)
    Path("awesome.toml").write_text(f"arxiv_api = '{fake_arxiv.url}'\n")
    Path("list.md").write_text("[a](https://arxiv.org/abs/1706.03741)\n")
    code, out, _ = links("list.md", *FAST[1:], capsys=capsys)
    assert code == 0
    assert "unknown: https://arxiv.org/abs/1706.03741 (arXiv API: refused: 127.0.0.1" in out
    assert fake_arxiv.count == 0


def test_importing_the_cli_does_not_import_requests() -> None:
    code = "import sys, awesome.cli; sys.exit('requests' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


@pytest.mark.parametrize("arxiv_link", [False, True])
def test_the_arxiv_package_is_imported_only_for_arxiv_links(
    arxiv_link: bool, fake_arxiv: FakeArxiv, server: FaultServer
) -> None:
    # the package (and its lxml parser) costs start-up time a list without arXiv links
    # does not need; the run with an arXiv link shows the probe can see it
    listed = f"[b]({server.url('/ok')})"
    if arxiv_link:
        listed += " [a](https://arxiv.org/abs/1706.03741)"
    Path("list.md").write_text(listed + "\n")
    code = (
        "import sys; from awesome.cli import run;"
        f"status = run(['links', 'list.md', *{FAST!r}]);"
        "print(status, 'arxiv' in sys.modules)"
    )
    env = {**os.environ, "AWESOME_ARXIV_API": fake_arxiv.url, "AWESOME_ARXIV_INTERVAL": "0"}
    env["PYTHONPATH"] = str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.split()[-2:] == ["0", str(arxiv_link)]
    assert server.total == 1


def test_links_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = links("--help", capsys=capsys)
    assert code == 0
    assert "--changed-since" in out and "Example:" in out


def test_offline_checks_only_local_links_and_sends_nothing(
    server: FaultServer, workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(server)
    code, out, _ = links(str(path), *FAST, "--offline", "--format", "json", capsys=capsys)
    report = json.loads(out)
    assert code == 1  # the broken in-page anchor on line 7
    assert server.hits == {}
    assert [r["url"] for r in report["links"] if r["verdict"] == "dead"] == ["#nowhere"]
    assert report["summary"]["excluded"] == 4  # the distinct remote URLs (a fragment is not one)
    assert not (workdir / ".awesome-cache").exists()
