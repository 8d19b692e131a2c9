"""Deterministic generator of the raw customer-success data (SPEC section 2)."""

from cs_analytics.generator.config import DEFAULT_DEFECT_RATES, GeneratorConfig
from cs_analytics.generator.generate import generate

__all__ = ["DEFAULT_DEFECT_RATES", "GeneratorConfig", "generate"]
