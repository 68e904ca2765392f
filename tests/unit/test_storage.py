from reader.storage import ReadingState, article_key, default_state_path


def test_position_is_remembered_across_connections(tmp_path):
    path = tmp_path / "state.sqlite3"
    state = ReadingState(path)
    state.remember(article_key("text"), 7)
    state.remember(article_key("text"), 9)
    state.close()
    assert ReadingState(path).position(article_key("text")) == 9
    assert ReadingState(path).position(article_key("other")) is None


def test_state_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", "off")
    assert default_state_path() is None
    state = ReadingState(None)
    state.remember("k", 1)
    assert not state.enabled and state.position("k") is None


def test_unwritable_location_degrades_to_not_remembering(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    state = ReadingState(blocker / "sub" / "state.sqlite3")
    assert not state.enabled
    state.remember("k", 3)
    assert state.position("k") is None
