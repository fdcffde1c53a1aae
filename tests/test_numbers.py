"""Unit tests for asem_extract.numbers: French digit formats, number words, scale words."""

from __future__ import annotations

import pytest

from asem_extract.numbers import DIGITS_RE, apply_scale, parse_digits, parse_words


# -- parse_digits -------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("250", 250),
        ("0", 0),
        # thousands separated by a space, a no-break space or a narrow no-break space
        ("1 500", 1500),
        ("1\u00a0500", 1500),
        ("1\u202f500", 1500),
        ("1 500 000", 1500000),
        ("1\u202f500 000", 1500000),
        # a dot followed by exactly three digits is a thousands separator
        ("1.500", 1500),
        ("23.318", 23318),
        ("1.500.000", 1500000),
        ("10.000.000", 10000000),
        # the comma is the decimal mark
        ("4,5", 4.5),
        ("7,2", 7.2),
        ("0,5", 0.5),
        ("1.500,75", 1500.75),
        ("1 500,5", 1500.5),
        # a dot not followed by three digits is a decimal point (English-style figures)
        ("2.97", 2.97),
        ("7.2", 7.2),
        ("1.50", 1.5),
        # surrounding whitespace is ignored
        ("  250 ", 250),
    ],
)
def test_parse_digits_values(text, expected):
    value = parse_digits(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "4,5,6", "1,", ",5", "1..5", "-5", "12.34.567", "12,3.4", "5 %", "deux"],
)
def test_parse_digits_rejects(text):
    assert parse_digits(text) is None


def test_parse_digits_integral_decimal_is_int():
    # `4,0` is the integer 4, not the float 4.0
    assert parse_digits("4,0") == 4
    assert isinstance(parse_digits("4,0"), int)


# -- parse_words ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("un", 1),
        ("une", 1),
        ("Un", 1),
        ("zéro", 0),
        ("deux", 2),
        ("dix-sept", 17),
        ("vingt et un", 21),
        ("vingt-et-un", 21),
        ("Vingt-six", 26),
        ("cinquante-trois", 53),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix", 90),
        ("quatre vingt dix", 90),
        ("cent", 100),
        ("cent un", 101),
        ("trois cents", 300),
        ("mille", 1000),
        ("mille deux cents", 1200),
        ("deux mille dix-neuf", 2019),
        ("deux cent mille", 200000),
        ("un million", 1000000),
        ("deux millions", 2000000),
        ("  huit  ", 8),
    ],
)
def test_parse_words_values(text, expected):
    assert parse_words(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "table", "et", "trois virgule cinq", "deux-trois", "cent cent", "mille mille", "plusieurs"],
)
def test_parse_words_rejects(text):
    assert parse_words(text) is None


# -- apply_scale ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "value, scale, expected",
    [
        (1.5, 1_000_000_000, 1_500_000_000),
        (250, 1_000_000, 250_000_000),
        (2.3, 1_000_000, 2_300_000),  # float 2.3 * 1e6 would drift without Decimal
        (0.7, 1_000_000_000, 700_000_000),
        (4.1, 1_000_000_000, 4_100_000_000),
        (12.5, 1_000_000, 12_500_000),
        (1.005, 1000, 1005),
        (3, 1000, 3000),
        (4.5, 1, 4.5),
        (1.25, 1, 1.25),
    ],
)
def test_apply_scale(value, scale, expected):
    result = apply_scale(value, scale)
    assert result == expected
    assert type(result) is type(expected)


# -- DIGITS_RE: where numbers are found in running text --------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("1 500 personnes", ["1 500"]),
        ("4,5 kg de cocaïne", ["4,5"]),
        ("entre 1.500 et 23.318 tonnes", ["1.500", "23.318"]),
        ("la pandémie de Covid-19", []),  # glued to a word by a hyphen
        ("la radio VOV3", []),  # glued to letters
        ("x5", []),
        ("1 50", ["1", "50"]),  # a space group needs three digits
    ],
)
def test_digits_re_finds(text, expected):
    assert [m.group() for m in DIGITS_RE.finditer(text)] == expected
