from quotes.text.marks import normalize, strip_marks


class TestNormalize:
    def test_maps_every_style_to_ascii(self):
        assert normalize("«a» „b“ “c” ‘d’ ‹e›") == "\"a\" \"b\" \"c\" 'd' 'e'"

    def test_keeps_length_and_other_characters(self):
        text = "Він сказав: «Так» — and\u00a0left… 😀"
        out = normalize(text)
        assert len(out) == len(text)
        assert out.endswith("left… 😀")
        assert "\u00a0" not in out

    def test_is_idempotent(self):
        text = "“Yes,” he said, ‘OK’."
        assert normalize(normalize(text)) == normalize(text)


def test_strip_marks_removes_edges_only():
    assert strip_marks("“don’t go”") == "don’t go"
