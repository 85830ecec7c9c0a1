"""The one Range parser shared by podcast audio and local media (RFC 9110, section 14)."""

import pytest

from operations.ranges import UnsatisfiableRange, parse_range


@pytest.mark.parametrize(
    "header, expected",
    [
        (None, None),
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-100", (900, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=990-5000", (990, 999)),
        ("bytes=999-999", (999, 999)),
        ("BYTES = 0 - 9", (0, 9)),
        # Another unit, or several ranges: the whole file.
        ("items=0-5", None),
        ("bytes=0-1,5-9", None),
        # Not a valid byte range: ignored, so the whole file.
        ("bytes=abc", None),
        ("bytes=-", None),
        ("bytes=50-10", None),
        ("bytes=0-x", None),
        ("bytes=--5", None),
        ("bytes", None),
    ],
)
def test_parse_range(header, expected):
    assert parse_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_unsatisfiable_ranges(header):
    with pytest.raises(UnsatisfiableRange):
        parse_range(header, 1000)


def test_nothing_in_an_empty_file_is_satisfiable():
    with pytest.raises(UnsatisfiableRange):
        parse_range("bytes=0-", 0)
    with pytest.raises(UnsatisfiableRange):
        parse_range("bytes=-10", 0)
