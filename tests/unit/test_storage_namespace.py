"""Each site gets its own storage namespace, so two copies on one domain never mix answers."""

from onward.storage import storage_namespace


def test_two_paths_on_one_domain_differ():
    one = storage_namespace("Onward", "https://uni.example/careers/onward/")
    two = storage_namespace("Onward", "https://uni.example/onward/")
    assert one != two
    assert one.startswith("onward-")


def test_the_same_site_always_gets_the_same_namespace():
    assert storage_namespace("Example Careers", None) == storage_namespace("Example Careers", None)
    assert storage_namespace("Example Careers", None).startswith("example-careers-")


def test_names_without_letters_still_give_a_namespace():
    assert storage_namespace("★★★", None).startswith("onward-")
