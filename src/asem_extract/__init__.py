"""asem-extract: organisations, people, places, dates and counts from French VNA dispatches."""

from __future__ import annotations

from .records import (Count, DateMention, DocumentRecord, ErrorInfo, Organisation, Person, Place)

__version__ = "0.1.0"
__all__ = ["Extractor", "DocumentRecord", "Organisation", "Person", "Place", "DateMention", "Count", "ErrorInfo",
           "to_dataframe", "__version__"]


def __getattr__(name: str):
    # heavy imports (spaCy, pandas) only when used
    if name == "Extractor":
        from .extractor import Extractor
        return Extractor
    if name == "to_dataframe":
        from .dataframe import to_dataframe
        return to_dataframe
    raise AttributeError(f"module 'asem_extract' has no attribute {name!r}")
