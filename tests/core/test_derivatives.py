"""core.derivatives: computed files stored under names that say what they were computed from."""

from django.core.files.storage import FileSystemStorage

from core import derivatives


def test_name_changes_with_any_input_and_not_with_key_order():
    name = derivatives.derivative_name("d/1", "state", "crop", {"w": 10, "h": 20}, ".jpg")
    assert name.startswith("d/1/state-crop-") and name.endswith(".jpg")
    assert name == derivatives.derivative_name("d/1", "state", "crop", {"h": 20, "w": 10}, ".jpg")
    assert name != derivatives.derivative_name("d/1", "state", "crop", {"w": 10, "h": 21}, ".jpg")


def test_save_writes_exactly_the_name_and_replaces_it(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    derivatives.save(storage, "d/1/a.jpg", b"first")
    derivatives.save(storage, "d/1/a.jpg", b"second")  # a concurrent computation of the same
    assert storage.listdir("d/1") == ([], ["a.jpg"])  # no "a_x7Yz.jpg", no partial file
    with storage.open("d/1/a.jpg") as fh:
        assert fh.read() == b"second"


def test_prune_keeps_what_is_current_and_files_being_written(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    for name in ("new-crop-1.jpg", "old-crop-1.jpg", "old-zip-2.zip", ".partial-x1"):
        derivatives.save(storage, f"d/1/{name}", b"x")
    removed = derivatives.prune(storage, "d/1", keep=lambda name: name.startswith("new-"))
    assert removed == 2
    assert sorted(storage.listdir("d/1")[1]) == [".partial-x1", "new-crop-1.jpg"]


def test_prune_without_keep_removes_the_directory(tmp_path):
    storage = FileSystemStorage(location=tmp_path)
    derivatives.save(storage, "d/1/a.jpg", b"x")
    derivatives.save(storage, "d/2/b.jpg", b"x")
    assert derivatives.prune(storage, "d/1") == 1
    assert not (tmp_path / "d" / "1").exists()
    assert (tmp_path / "d" / "2" / "b.jpg").exists()
    assert derivatives.prune(storage, "d/404") == 0
