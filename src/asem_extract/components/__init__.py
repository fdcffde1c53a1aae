"""spaCy components of asem-extract. Importing this package registers their factories
(the `spacy_factories` entry points do the same without an import)."""

from . import counts, dates, entity_rules, header, linker, pos  # noqa: F401
