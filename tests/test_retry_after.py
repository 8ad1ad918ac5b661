from __future__ import annotations

import pytest

from awesome.retry_after import retry_after_seconds

NOW = 1445412470.0  # Wed, 21 Oct 2015 07:27:50 GMT


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 12 ", 12.0),
        ("1.5", 1.5),  # not the standard's form, but servers send it
        ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0),
        ("Wed, 21 Oct 2015 07:28:00 -0000", 10.0),  # no zone claimed: read as UTC
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),  # a date in the past means now
    ],
)
def test_seconds_and_http_dates(header: str, seconds: float) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


@pytest.mark.parametrize("header", [None, "", "soon", "-5", "Wed, 99 Foo"])
def test_absent_or_unreadable_is_none(header: str | None) -> None:
    assert retry_after_seconds(header, now=NOW) is None
