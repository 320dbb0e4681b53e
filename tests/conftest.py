"""Shared fixtures and the hypothesis profile for the whole suite."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Deterministic in CI (same examples every run); a little wider locally on request.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
