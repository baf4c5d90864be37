"""Reading plans: split, headings, kinds, metadata, tasks, outline; ingesting files into the store.

The store and its search moved to `drafter.store`. For a while the old module names
(`drafter.corpus.store`, `drafter.corpus.store_types`, …, `drafter.corpus.search`) still import,
as aliases of the new modules, so branches written against them keep working while they merge.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

_MOVED = {
    "store": "drafter.store",
    "store_errors": "drafter.store.errors",
    "store_files": "drafter.store.files",
    "store_read": "drafter.store.read",
    "store_resolve": "drafter.store.resolve",
    "store_schema": "drafter.store.schema",
    "store_types": "drafter.store.types",
    "store_write": "drafter.store.write",
    "search": "drafter.store.search",
}


class _MovedModules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """`import drafter.corpus.store_types` gives the module `drafter.store.types` itself."""

    def find_spec(self, fullname, path=None, target=None):  # noqa: ANN001, ANN201
        prefix, _, name = fullname.rpartition(".")
        if prefix == __name__ and name in _MOVED:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):  # noqa: ANN001, ANN201
        module = importlib.import_module(_MOVED[spec.name.rpartition(".")[2]])
        self.own_spec = module.__spec__  # the import system replaces it next; exec_module puts it back
        return module

    def exec_module(self, module) -> None:  # noqa: ANN001
        """The module is already executed under its new name: keep its own spec."""
        module.__spec__ = self.own_spec


if not any(isinstance(f, _MovedModules) for f in sys.meta_path):
    sys.meta_path.insert(0, _MovedModules())
