"""The fixtures of the importer fuzz tests (tests/fixtures/fuzz.py)."""
from tests.fixtures.fuzz import fuzz_home, fuzz_report  # noqa: F401 - fixtures
