"""Quantities stage: numbers with units, approximate and lower-bound flags."""
from sitroom.quantities.numbers import Quantity, find_quantities, zh_to_number

__all__ = ["Quantity", "find_quantities", "zh_to_number"]
