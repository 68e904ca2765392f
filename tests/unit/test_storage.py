import re
import sqlite3

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


def _store_with_positions(path, count=500):
    state = ReadingState(path)
    for number in range(count):
        state.remember(article_key(str(number)), number)
    state.close()
    return path


def _moved_aside(folder):
    return sorted(p.name for p in folder.iterdir() if ".damaged-" in p.name)


def _assert_fresh_store_replaces_the_damaged_one(path, what):
    state = ReadingState(path)
    assert state.enabled and state.problem is not None
    assert str(path) in state.problem and what in state.problem and "started afresh" in state.problem
    [aside] = _moved_aside(path.parent)
    assert re.fullmatch(r"state\.sqlite3\.damaged-\d{8}T\d{6}Z", aside) and aside in state.problem
    state.remember(article_key("text"), 4)
    state.close()
    reopened = ReadingState(path)
    assert reopened.problem is None and reopened.position(article_key("text")) == 4
    return path.parent / aside


def test_garbage_in_place_of_the_store_is_moved_aside_and_a_fresh_store_started(tmp_path):
    path = tmp_path / "state.sqlite3"
    garbage = bytes(range(256)) * 40
    path.write_bytes(garbage)
    aside = _assert_fresh_store_replaces_the_damaged_one(path, "is damaged (file is not a database)")
    assert aside.read_bytes() == garbage  # nothing is lost: the damaged file is kept as it was


def test_truncated_store_is_moved_aside_and_a_fresh_store_started(tmp_path):
    path = _store_with_positions(tmp_path / "state.sqlite3")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _assert_fresh_store_replaces_the_damaged_one(path, "is damaged")


def test_another_programs_database_is_moved_aside_not_written_to(tmp_path):
    path = tmp_path / "state.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
    db.execute("INSERT INTO notes VALUES (1, 'keep me')")
    db.commit()
    db.close()
    aside = _assert_fresh_store_replaces_the_damaged_one(path, "holds another program's tables (notes)")
    assert sqlite3.connect(aside).execute("SELECT body FROM notes").fetchone() == ("keep me",)


def test_a_position_table_of_another_shape_counts_as_foreign(tmp_path):
    path = tmp_path / "state.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE position (x, y, z)")
    db.commit()
    db.close()
    _assert_fresh_store_replaces_the_damaged_one(path, "other columns (x, y, z)")


def test_a_directory_in_place_of_the_store_is_named_and_left_alone(tmp_path):
    path = tmp_path / "state.sqlite3"
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    state = ReadingState(path)
    assert not state.enabled
    assert state.problem == f"reading positions are not kept: {path} is a directory, not the state file (move it away)"
    assert (path / "keep.txt").read_text() == "mine" and _moved_aside(tmp_path) == []
    state.remember("k", 1)
    assert state.position("k") is None


def test_a_healthy_store_reports_no_problem_and_uses_write_ahead_logging(tmp_path):
    path = _store_with_positions(tmp_path / "state.sqlite3", count=3)
    state = ReadingState(path)
    assert state.problem is None and state.position(article_key("2")) == 2
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_locked_store_is_not_mistaken_for_a_damaged_one(tmp_path):
    path = tmp_path / "state.sqlite3"
    other = sqlite3.connect(path, timeout=0, isolation_level=None)  # another reader, still in rollback-journal mode
    other.execute("CREATE TABLE position (article TEXT PRIMARY KEY, sentence INTEGER NOT NULL)")
    other.execute("BEGIN EXCLUSIVE")
    try:
        state = ReadingState(path, timeout=0)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not state.enabled and _moved_aside(tmp_path) == []
    assert state.problem == f"reading positions are not kept: {path} cannot be used (database is locked)"
