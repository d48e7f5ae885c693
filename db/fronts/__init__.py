"""Fronts: what defines them, and which front each event is on (db/fronts/assign.py says the rules)."""

from .areas import Definition, FrontError, box, divisions, parse, polygon
from .assign import AUTO, BUNDLED, COUNTRY, DIVISION, OTHER, USER, Reassigned, reassign
from .define import (
    add_front,
    bundled_definitions,
    bundled_front_rows,
    carry_user_front,
    describe_carried,
    remove_front,
)

__all__ = ["AUTO", "BUNDLED", "COUNTRY", "DIVISION", "OTHER", "USER", "Definition", "FrontError",
           "Reassigned", "add_front", "box", "bundled_definitions", "bundled_front_rows", "carry_user_front",
           "describe_carried",
           "divisions", "parse", "polygon", "reassign", "remove_front"]
