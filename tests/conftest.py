"""Shared fixtures: the seed reports, parsed once per session."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED = {p.name[:3]: p for p in SEEDS}


@pytest.fixture(scope="session")
def seed_paths():
    return SEED


@pytest.fixture(scope="session")
def parsed_seeds():
    import govnlp

    return {k: govnlp.parse_report(p, indicators="rules") for k, p in SEED.items()}
