"""sitrep: read war news into a sourced situation picture.

The library is the product; ``sitrep.cli`` is a thin layer over it. Start at
``sitrep.core`` (the order of stages) and ``sitrep.model`` (the records).
"""
__version__ = "0.1.0"
