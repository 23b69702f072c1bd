"""textutil: squash's fast path gives what splitting into words and joining them gives."""
from hypothesis import given
from hypothesis import strategies as st

from planparser.textutil import single_spaced, squash

# Plain and Vietnamese letters, and every kind of white space str.split() knows, plain space included.
_SPACES = " \t\n\r\x0b\x0c\x1c\x85\xa0\u1680\u2000\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TEXT = st.text(alphabet=st.sampled_from("aệ.,-đ1\ufffe" + _SPACES), max_size=40)


def test_single_spaced_collapses_every_kind_of_white_space():
    assert single_spaced("  Ủy ban  nhân dân ") == "Ủy ban nhân dân"
    assert single_spaced("Chủ tịch\xa0UBND\txã") == "Chủ tịch UBND xã"
    assert single_spaced("Phó\u3000Chủ tịch\u2028") == "Phó Chủ tịch"
    assert single_spaced("Địa chính") == "Địa chính"
    assert single_spaced(" \t ") == ""


@given(_TEXT)
def test_single_spaced_is_split_and_join(text):
    assert single_spaced(text) == " ".join(text.split())


def test_squash_composes_accents_too():
    assert squash("Hu\u031bng  \u0110o\u0302ng ") == "Hưng Đông"
