"""Persistence shared by the data-driven components: they save the resource files they
were built from and rebuild themselves from the saved copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..resources import resource_path


class ResourceBacked:
    resource_files: tuple[str, ...] = ()
    resource_dir: str | None = None

    def _build(self) -> None:  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        for name in self.resource_files:
            target = path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(resource_path(name, self.resource_dir), target)

    def from_disk(self, path, exclude=tuple()):
        self.resource_dir = str(path)
        self._build()
        return self
